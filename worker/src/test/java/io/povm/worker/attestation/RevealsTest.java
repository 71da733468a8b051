// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.AttestationCheck;
import io.povm.api.Commitment;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.worker.job.Outcomes;
import io.povm.worker.replica.ReplicaRequests;
import io.povm.worker.testing.Fixtures;
import io.povm.worker.testing.TestKeys;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class RevealsTest {
    private static final KeyPair MINE = TestKeys.p256();
    private static final KeyPair THEIRS = TestKeys.p256();
    private static final Job JOB = Fixtures.job(ReplicaState.RESULT_COMMITTED, ReplicaState.RESULT_REVEALED);

    private static Reveal honest(final int replica, final String worker, final String msp, final KeyPair key) {
        return new Reveals(worker, msp, key.getPrivate())
                .seal(
                        JOB,
                        replica,
                        Fixtures.SLA,
                        ReplicaRequests.evidence(Outcomes.succeeded(Fixtures.coinflipStdout(3, 30))),
                        Nonces.fresh());
    }

    @Test
    void an_honest_reveal_passes_every_check_opens_its_commitment_and_carries_output_and_leaves() {
        final Reveal reveal = honest(0, Fixtures.ME, Fixtures.MY_MSP, MINE);

        assertThat(AttestationCheck.firstProblem(JOB, JOB.replicas().get(0), Fixtures.SLA, MINE.getPublic(), reveal))
                .isEmpty();
        assertThat(reveal.attestation().configHash())
                .isEqualTo(ContainerConfig.forSla(Fixtures.SLA).hash());
        assertThat(reveal.attestation().nonce()).matches("[0-9a-f]{64}");
        assertThat(reveal.inlineOutput()).contains("{\"seed\":\"flip-1\",\"k\":4,\"flips\":30}\n");
        assertThat(reveal.checkpointLeaves()).hasSize(3);
        assertThat(Sealed.of(reveal).commitment())
                .isEqualTo(reveal.attestation().commitment());
    }

    @Test
    void a_copy_passes_every_check_but_does_not_open_a_random_commitment() {
        final Replica theirs = JOB.replicas().get(1);
        final Reveal original = honest(1, theirs.workerKey(), theirs.msp(), THEIRS);
        final String randomCommitment = Nonces.fresh();

        final Reveal copy =
                new Reveals(Fixtures.ME, Fixtures.MY_MSP, MINE.getPrivate()).copy(original, 0, Nonces.fresh());

        assertThat(AttestationCheck.firstProblem(JOB, JOB.replicas().get(0), Fixtures.SLA, MINE.getPublic(), copy))
                .isEmpty();
        assertThat(copy.attestation().resultHash())
                .isEqualTo(original.attestation().resultHash());
        assertThat(copy.attestation().workerKey()).isEqualTo(Fixtures.ME);
        assertThat(copy.attestation().nonce())
                .isNotEqualTo(original.attestation().nonce());
        assertThat(Commitment.opens(
                        randomCommitment,
                        copy.attestation().resultHash(),
                        copy.attestation().nonce(),
                        Fixtures.ME))
                .isFalse();
    }

    @Test
    void a_sealed_result_survives_the_journal_as_json() {
        final Sealed sealed = Sealed.of(honest(0, Fixtures.ME, Fixtures.MY_MSP, MINE));

        final Sealed read = Sealed.read(sealed.toJson());

        assertThat(read.commitment()).isEqualTo(sealed.commitment());
        assertThat(read.reveal()).isEqualTo(sealed.reveal());
        assertThat(Sealed.read(Sealed.withoutReveal(Nonces.fresh()).toJson()).reveal())
                .isEmpty();
    }
}
