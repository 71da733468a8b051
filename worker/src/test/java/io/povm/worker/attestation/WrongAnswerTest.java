// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.AttestationCheck;
import io.povm.api.Job;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.worker.job.Outcomes;
import io.povm.worker.replica.ReplicaRequests;
import io.povm.worker.testing.Fixtures;
import io.povm.worker.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WrongAnswerTest {
    private static final KeyPair KEY = TestKeys.p256();
    private static final Reveals REVEALS = new Reveals(Fixtures.ME, Fixtures.MY_MSP, KEY.getPrivate());
    private static final Job JOB = Fixtures.job(ReplicaState.RESULT_COMMITTED, ReplicaState.RESULT_COMMITTED);

    private static ReplicaEvidence honest(final int checkpoints) {
        return ReplicaRequests.evidence(Outcomes.succeeded(Fixtures.coinflipStdout(checkpoints, 30)));
    }

    private static Reveal seal(final ReplicaEvidence evidence) {
        return REVEALS.seal(JOB, 0, Fixtures.SLA, evidence, Nonces.fresh());
    }

    @Test
    void the_coin_flippers_flip_count_goes_up_by_one_and_the_result_hash_changes() {
        final ReplicaEvidence honest = honest(5);

        final ReplicaEvidence wrong = WrongAnswer.corrupt(honest);

        assertThat(new String(wrong.output(), StandardCharsets.UTF_8))
                .isEqualTo("{\"seed\":\"flip-1\",\"k\":4,\"flips\":31}\n");
        assertThat(wrong.result().resultHash()).isNotEqualTo(honest.result().resultHash());
        assertThat(wrong.result().outputBytes()).isEqualTo(wrong.output().length);
        assertThat(wrong.result().output()).contains("{\"seed\":\"flip-1\",\"k\":4,\"flips\":31}\n");
    }

    @Test
    void the_wrong_attestation_is_self_consistent_and_verifies_with_the_signing_key() {
        final Reveal reveal = seal(WrongAnswer.corrupt(honest(5)));

        assertThat(AttestationCheck.firstProblem(JOB, JOB.replicas().get(0), Fixtures.SLA, KEY.getPublic(), reveal))
                .isEmpty();
        assertThat(reveal.attestation().resultHash())
                .isNotEqualTo(seal(honest(5)).attestation().resultHash());
    }

    @Test
    void checkpoint_leaves_diverge_exactly_from_half_the_count_on() {
        for (final int n : new int[] {1, 2, 5, 8}) {
            final Reveal honest = seal(honest(n));
            final Reveal wrong = seal(WrongAnswer.corrupt(honest(n)));

            final int first = IntStream.range(0, n)
                    .filter(i -> !honest.checkpointLeaves()
                            .get(i)
                            .equals(wrong.checkpointLeaves().get(i)))
                    .findFirst()
                    .orElse(-1);
            assertThat(first).as("first diverging leaf of %d", n).isEqualTo(n / 2);
            assertThat(IntStream.range(n / 2, n)).allMatch(i -> !honest.checkpointLeaves()
                    .get(i)
                    .equals(wrong.checkpointLeaves().get(i)));
            assertThat(wrong.attestation().checkpoints()).isEqualTo(n);
            assertThat(wrong.attestation().checkpointRoot())
                    .isNotEqualTo(honest.attestation().checkpointRoot());
        }
    }

    @Test
    void a_result_without_a_flip_count_gets_a_line_appended() {
        final ReplicaEvidence honest = ReplicaRequests.evidence(Outcomes.succeeded("42\n"));

        final ReplicaEvidence wrong = WrongAnswer.corrupt(honest);

        assertThat(new String(wrong.output(), StandardCharsets.UTF_8)).isEqualTo("42\nwrong\n");
        assertThat(wrong.result().checkpoints()).isZero();
        assertThat(wrong.checkpointRoot()).isEqualTo(honest.checkpointRoot());
    }
}
