package io.povm.client;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.Redundancy;
import io.povm.api.Submitter;
import java.util.List;
import java.util.Map;

/** Sample jobs for unit tests. */
public final class TestJobs {
    /** A well-formed image reference. */
    public static final String IMAGE = "povm/coinflip@sha256:" + "ab".repeat(32);

    private TestJobs() {}

    public static JobSpec spec(final String id) {
        return new JobSpec(
                id, IMAGE, List.of("coinflip", "--k", "5"), Map.of("SEED", "7"), "standard@1", Redundancy.kVote(3));
    }

    public static Job job(final String id) {
        return new Job(
                spec(id),
                JobState.SUBMITTED,
                new Submitter("Org1MSP", "x509::CN=User1@org1.povm.test::CN=ca.org1.povm.test"),
                "2026-11-20T10:00:00.123Z",
                "tx-" + id);
    }
}
