// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * What a sweep of coin-flip jobs found and cost: each job, the flip statistics over the jobs that have a winning
 * answer, the replicas' votes in total, and the useful work against the protocol's overhead.
 *
 * @param k heads in a row every job looked for
 * @param jobs the sweep's jobs, in seed order
 * @param statistics over the jobs with a winning answer; absent when none has one
 * @param replicas the votes of every job's replicas, summed
 * @param work useful CPU time against overhead while the sweep ran
 * @param timing how long submitting and the whole sweep took
 */
@JsonPropertyOrder({"k", "jobs", "statistics", "replicas", "work", "timing"})
public record SweepSummary(
        @JsonProperty("k") int k,
        @JsonProperty("jobs") List<SweepJob> jobs,
        @JsonProperty("statistics") FlipStatistics statistics,
        @JsonProperty("replicas") Votes replicas,
        @JsonProperty("work") UsefulWork work,
        @JsonProperty("timing") Timing timing) {
    public SweepSummary {
        jobs = List.copyOf(jobs);
    }

    /**
     * @return the summary of {@code jobs}, with the statistics of those that have a winning answer and the CPU time
     *     the workers attested for them counted as useful work
     */
    public static SweepSummary of(
            final int k,
            final List<SweepJob> jobs,
            final CpuSnapshot before,
            final CpuSnapshot after,
            final EnergyModel energyModel,
            final Timing timing) {
        final List<SeedFlips> runs =
                jobs.stream().flatMap(job -> job.seedFlips().stream()).toList();
        final long attested =
                jobs.stream().mapToLong(SweepJob::attestedCpuMillis).sum();
        return new SweepSummary(
                k,
                jobs,
                runs.isEmpty() ? null : FlipStatistics.of(k, runs),
                Votes.of(jobs),
                UsefulWork.of(attested, before, after, energyModel),
                timing);
    }

    /** @return the flip statistics; empty when no job has a winning answer */
    public Optional<FlipStatistics> flipStatistics() {
        return Optional.ofNullable(statistics);
    }

    /** The replicas' votes over all jobs of the sweep, as their verdicts counted them. */
    @JsonPropertyOrder({"agreed", "disagreed", "timedOut", "faulted"})
    public record Votes(
            @JsonProperty("agreed") int agreed,
            @JsonProperty("disagreed") int disagreed,
            @JsonProperty("timedOut") int timedOut,
            @JsonProperty("faulted") int faulted) {
        static Votes of(final List<SweepJob> jobs) {
            return new Votes(
                    jobs.stream().mapToInt(SweepJob::agreed).sum(),
                    jobs.stream().mapToInt(SweepJob::disagreed).sum(),
                    jobs.stream().mapToInt(SweepJob::timedOut).sum(),
                    jobs.stream().mapToInt(SweepJob::faulted).sum());
        }
    }

    /**
     * How long the sweep took.
     *
     * @param submitMillis submitting every job, one after the other, each waiting for its commit
     * @param submitted jobs submitted by this sweep (jobs already on the ledger are not submitted again)
     * @param sweepMillis from the first submission until every job had its verdict (or was settled)
     * @param clientCpuMillis the CPU time of the process that ran the sweep (the client), not counted as overhead
     */
    @JsonPropertyOrder({"submitted", "submitMillis", "sweepMillis", "clientCpuMillis"})
    public record Timing(
            @JsonProperty("submitted") int submitted,
            @JsonProperty("submitMillis") long submitMillis,
            @JsonProperty("sweepMillis") long sweepMillis,
            @JsonProperty("clientCpuMillis") long clientCpuMillis) {}
}
