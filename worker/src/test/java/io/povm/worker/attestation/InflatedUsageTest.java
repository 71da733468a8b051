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
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class InflatedUsageTest {
    private static final KeyPair KEY = TestKeys.p256();
    private static final Reveals REVEALS = new Reveals(Fixtures.ME, Fixtures.MY_MSP, KEY.getPrivate());
    private static final Job JOB = Fixtures.job(ReplicaState.RESULT_COMMITTED, ReplicaState.RESULT_COMMITTED);

    private static ReplicaEvidence honest() {
        return ReplicaRequests.evidence(Outcomes.succeeded(Fixtures.coinflipStdout(3, 30)));
    }

    @Test
    void the_answer_stays_and_the_usage_is_the_slas_max_wall_less_one_millisecond() {
        final ReplicaEvidence honest = honest();

        final ReplicaEvidence inflated = InflatedUsage.inflate(honest, Fixtures.SLA);

        final long maxWall = Fixtures.SLA.vm().maxWallSeconds() * 1000L - 1;
        assertThat(inflated.result().wallMillis()).isEqualTo(maxWall);
        assertThat(inflated.result().cpuMillis()).isEqualTo(maxWall);
        assertThat(inflated.result().resultHash()).isEqualTo(honest.result().resultHash());
        assertThat(inflated.result().checkpointRoot()).isEqualTo(honest.result().checkpointRoot());
    }

    @Test
    void the_inflated_attestation_passes_every_check_of_a_single_reveal() {
        final Reveal reveal =
                REVEALS.seal(JOB, 0, Fixtures.SLA, InflatedUsage.inflate(honest(), Fixtures.SLA), Nonces.fresh());

        assertThat(AttestationCheck.firstProblem(JOB, JOB.replicas().get(0), Fixtures.SLA, KEY.getPublic(), reveal))
                .isEmpty();
    }
}
