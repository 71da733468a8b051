// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One coin-flip job of a sweep as the ledger holds it: its seed, where it is, the flips of its winning answer, how
 * its replicas voted and the CPU time they attested.
 *
 * @param jobId the job's id
 * @param seed its {@code SEED}
 * @param state its state
 * @param flips the flips the winning answer reports; absent until there is one
 * @param agreed replicas whose answer won
 * @param disagreed replicas that revealed another answer
 * @param timedOut replicas whose lease expired or that never revealed
 * @param faulted replicas whose reveal did not open their commitment
 * @param attestedCpuMillis the CPU time of every replica that reported a result ({@link UsefulWork#attestedCpuMillis})
 */
@JsonPropertyOrder({"jobId", "seed", "state", "flips", "agreed", "disagreed", "timedOut", "faulted", "attestedCpuMillis"
})
public record SweepJob(
        @JsonProperty("jobId") String jobId,
        @JsonProperty("seed") String seed,
        @JsonProperty("state") JobState state,
        @JsonProperty("flips") Long flips,
        @JsonProperty("agreed") int agreed,
        @JsonProperty("disagreed") int disagreed,
        @JsonProperty("timedOut") int timedOut,
        @JsonProperty("faulted") int faulted,
        @JsonProperty("attestedCpuMillis") long attestedCpuMillis) {
    public SweepJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(state, "state");
    }

    /** @return the sweep's view of {@code job}; the seed is its {@code SEED} variable (empty when it has none) */
    public static SweepJob of(final Job job) {
        final Optional<Verdict> verdict = job.verdict();
        return new SweepJob(
                job.id(),
                job.spec().env().getOrDefault("SEED", ""),
                job.state(),
                verdict.flatMap(v -> winningFlips(job, v)).orElse(null),
                verdict.map(v -> v.agreed().size()).orElse(0),
                verdict.map(v -> v.disagreed().size()).orElse(0),
                verdict.map(v -> v.timedOut().size()).orElse(0),
                verdict.map(v -> v.faulted().size()).orElse(0),
                UsefulWork.attestedCpuMillis(job));
    }

    private static Optional<Long> winningFlips(final Job job, final Verdict verdict) {
        return verdict.winner().flatMap(hash -> job.replicas().stream()
                .map(Replica::result)
                .flatMap(Optional::stream)
                .filter(result -> result.resultHash().equals(hash))
                .map(ReplicaResult::output)
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(CoinflipOutput::flips));
    }

    /** @return the seed and its flips, once the job has a winning answer */
    public Optional<SeedFlips> seedFlips() {
        return flips == null ? Optional.empty() : Optional.of(new SeedFlips(seed, flips));
    }

    /** @return whether the job has a verdict or has ended without one */
    public boolean decided() {
        return switch (state) {
            case RESOLVED_SOFT, CHALLENGED, RESOLVING, RESOLVED_FIRM, FINALIZED, CANCELLED, EXPIRED, FAILED -> true;
            default -> false;
        };
    }

    /** @return whether the job is in a final state */
    public boolean settled() {
        return switch (state) {
            case FINALIZED, CANCELLED, EXPIRED, FAILED -> true;
            default -> false;
        };
    }
}
