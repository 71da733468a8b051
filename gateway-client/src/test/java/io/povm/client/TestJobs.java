// SPDX-License-Identifier: Apache-2.0
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

    /** The deadline of the sample specs: an hour after {@link #job(String)}'s submission. */
    public static final String DEADLINE = "2026-11-20T11:00:00Z";

    public static JobSpec spec(final String id) {
        return JobSpec.builder(id)
                .image(IMAGE)
                .command(List.of("coinflip", "--k", "5"))
                .env(Map.of("SEED", "7"))
                .sla("standard@1")
                .redundancy(Redundancy.kVote(3))
                .deadline(DEADLINE)
                .build();
    }

    public static Job job(final String id) {
        return Job.submitted(
                spec(id),
                new Submitter("Org1MSP", "x509::CN=User1@org1.povm.test::CN=ca.org1.povm.test"),
                "2026-11-20T10:00:00.123Z",
                "tx-" + id);
    }

    /** @return {@link #job(String)} with another spec */
    public static Job job(final JobSpec spec) {
        final Job sample = job(spec.id());
        return Job.submitted(spec, sample.submitter(), sample.submittedAt(), sample.submitTxId());
    }

    /** @return {@link #job(String)} cancelled five minutes after its submission */
    public static Job cancelled(final String id, final String reason) {
        return job(id).withState(JobState.CANCELLED, "2026-11-20T10:05:00.000Z", java.util.Optional.of(reason));
    }
}
