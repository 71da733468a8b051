// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.client.usage.CoinflipJobs;
import io.povm.client.usage.SweepJob;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepProgressTest {
    @Test
    void shows_the_open_jobs_with_their_replicas_and_lists_jobs_without_workers_last() {
        final Job running = CoinflipJobs.submitted("s-2", "demo-2", 3)
                .withReplicas(List.of(
                        new Replica(0, "Org1MSP/w1", "Org1MSP", ReplicaState.RUNNING),
                        new Replica(1, "Org2MSP/w1", "Org2MSP", ReplicaState.RESULT_COMMITTED),
                        new Replica(2, "Org3MSP/w1", "Org3MSP", ReplicaState.LEASE_EXPIRED)));
        final List<Job> jobs = List.of(
                CoinflipJobs.resolved("s-1", "demo-1", 3, 14, 3, 10),
                running,
                CoinflipJobs.submitted("s-3", "demo-3", 3),
                CoinflipJobs.submitted("s-4", "demo-4", 3));

        assertThat(SweepProgress.line(7, jobs, SweepJob::decided))
                .isEqualTo("[   7s] 1/4 done | demo-2 SUBMITTED(running,committed,lease-expired)"
                        + " | waiting for workers: demo-3 demo-4");
    }
}
