// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Raft keeps ordering with a majority of orderers: losing the leader must not stop job submission. */
class OrdererFailoverIT {
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    @Test
    void jobs_still_commit_after_the_raft_leader_orderer_is_killed() {
        final String leader = awaitLeader();
        NetworkScript.run("stop", leader);
        try (PovmGateway org1 = ItNetwork.connect("org1");
                PovmGateway org2 = ItNetwork.connect("org2")) {
            final JobClient submitter = ItNetwork.jobs(org1);
            final JobClient reader = ItNetwork.jobs(org2);
            for (int i = 0; i < 3; i++) {
                final JobSpec spec = ItNetwork.spec(ItNetwork.uniqueId("raft-" + leader), "coinflip", "--k", "3");
                final Job submitted = submitter.submit(spec);
                final Job read = ItNetwork.awaitJob(reader, spec.id());
                assertThat(read.spec()).isEqualTo(spec);
                assertThat(read.state()).isEqualTo(JobState.SUBMITTED);
                assertThat(read.submitTxId()).isEqualTo(submitted.submitTxId());
            }
            assertThat(NetworkScript.status())
                    .contains(leader + " ")
                    .containsPattern(leader + "\\s+-\\s+\\d+\\s+stopped");
        } finally {
            NetworkScript.run("start", leader);
            NetworkScript.awaitOrderersInSync(60);
        }
    }

    private static String awaitLeader() {
        final Instant deadline = Instant.now().plus(LEADER_WAIT);
        while (Instant.now().isBefore(deadline)) {
            final var leader = NetworkScript.raftLeader();
            if (leader.isPresent()) {
                return leader.get();
            }
            sleep();
        }
        return fail("no orderer reported itself Raft leader within " + LEADER_WAIT);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
