// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.SlaLimit;
import io.povm.api.Verdict;
import io.povm.client.TestJobs;
import java.util.List;
import java.util.Optional;

/** One k=1 job's versions from submission to settlement, for the watch and logs commands. */
final class JobStory {
    static final String ID = "flip-1";
    static final String WORKER = "Org2MSP/w1";
    static final String HASH = "c0ffee".repeat(10) + "abcd";
    static final String OUTPUT = "{\"seed\":\"7\",\"k\":5,\"flips\":61}\n";

    private JobStory() {}

    static Job submitted() {
        return TestJobs.job(
                TestJobs.spec(ID).toBuilder().redundancy(Redundancy.kVote(1)).build());
    }

    static Job assigned() {
        return submitted()
                .withState(JobState.ASSIGNED, "2026-11-20T10:00:05Z", Optional.empty())
                .withReplicas(List.of(Replica.assigned(0, WORKER, "Org2MSP", "2026-11-20T10:01:05Z")));
    }

    static Job running() {
        return assigned()
                .withState(JobState.RUNNING, "2026-11-20T10:00:07Z", Optional.empty())
                .withReplicas(List.of(replica().running("2026-11-20T10:05:07Z")));
    }

    static Job committed() {
        return running()
                .withState(JobState.RESULTS_PENDING, "2026-11-20T10:00:20Z", Optional.empty())
                .withReplicas(List.of(replica().running("2026-11-20T10:05:07Z").committed("ab".repeat(32))));
    }

    static Job revealed() {
        return committed()
                .withState(JobState.RESOLVED_SOFT, "2026-11-20T10:00:30Z", Optional.empty())
                .withReplicas(List.of(replica()
                        .running("2026-11-20T10:05:07Z")
                        .committed("ab".repeat(32))
                        .revealed(result())))
                .withResolution(Job.Resolution.NONE.withVerdict(verdict(), Optional.of("2026-11-20T10:10:30Z")));
    }

    static Job finalized() {
        return revealed().withState(JobState.FINALIZED, "2026-11-20T10:10:40Z", Optional.empty());
    }

    private static Replica replica() {
        return Replica.assigned(0, WORKER, "Org2MSP", "2026-11-20T10:01:05Z");
    }

    static ReplicaResult result() {
        return ReplicaResult.builder()
                .resultHash(HASH)
                .exitCode(0)
                .limitHit(SlaLimit.NONE)
                .wallMillis(812)
                .cpuMillis(640)
                .peakMemoryBytes(1_048_576)
                .outputBytes(OUTPUT.length())
                .checkpointRoot("00".repeat(32))
                .checkpoints(0)
                .output(Optional.of(OUTPUT))
                .build();
    }

    private static Verdict verdict() {
        return new Verdict(
                Verdict.SOFT,
                HASH,
                "2026-11-20T10:00:30Z",
                List.of(new Verdict.Answer(HASH, List.of(WORKER))),
                List.of(WORKER),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "1 of 1 replicas agree");
    }
}
