// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Sha256;
import io.povm.api.SlaLimit;
import io.povm.api.Verdict;
import io.povm.client.TestJobs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coin-flip jobs of a sweep, as the ledger would hold them, for unit tests. */
public final class CoinflipJobs {
    public static final List<String> WORKERS = List.of("Org1MSP/w1", "Org2MSP/w1", "Org3MSP/w1");

    private CoinflipJobs() {}

    /** @return a submitted 3-replica coin-flip job looking for {@code k} heads in a row */
    public static Job submitted(final String id, final String seed, final int k) {
        final JobSpec spec = JobSpec.builder(id)
                .image(TestJobs.IMAGE)
                .command(List.of("povm-coinflip"))
                .env(Map.of("SEED", seed, "K", Integer.toString(k)))
                .sla("standard@1")
                .redundancy(Redundancy.kVote(3))
                .deadline(TestJobs.DEADLINE)
                .build();
        return TestJobs.job(spec);
    }

    /**
     * @return the job resolved: its three replicas revealed, each having used {@code cpuMillis}; the first {@code
     *     agreeing} replicas report {@code flips}, the others {@code flips + 1}
     */
    public static Job resolved(
            final String id,
            final String seed,
            final int k,
            final long flips,
            final int agreeing,
            final long cpuMillis) {
        final Job submitted = submitted(id, seed, k);
        final List<Replica> replicas = new ArrayList<>();
        final List<String> agreed = new ArrayList<>();
        final List<String> disagreed = new ArrayList<>();
        for (int i = 0; i < WORKERS.size(); i++) {
            final String worker = WORKERS.get(i);
            final long reported = i < agreeing ? flips : flips + 1;
            (i < agreeing ? agreed : disagreed).add(worker);
            replicas.add(new Replica(i, worker, worker.substring(0, 7), ReplicaState.RESULT_COMMITTED)
                    .committed("c".repeat(64))
                    .revealed(result(seed, k, reported, cpuMillis)));
        }
        final String winner = result(seed, k, flips, cpuMillis).resultHash();
        final Verdict verdict = new Verdict(
                Verdict.SOFT,
                winner,
                "2026-11-20T10:10:00.000Z",
                List.of(new Verdict.Answer(winner, agreed)),
                agreed,
                disagreed,
                List.of(),
                List.of(),
                List.of(),
                agreeing + " of 3 replicas agree");
        return submitted
                .withReplicas(replicas)
                .withState(JobState.RESOLVED_SOFT, "2026-11-20T10:10:00.000Z", Optional.empty())
                .withResolution(submitted.resolution().withVerdict(verdict, Optional.of("2026-11-20T10:11:00.000Z")));
    }

    static ReplicaResult result(final String seed, final int k, final long flips, final long cpuMillis) {
        final String output = "{\"seed\":\"" + seed + "\",\"k\":" + k + ",\"flips\":" + flips + "}\n";
        final byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        return ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(bytes)))
                .exitCode(0)
                .limitHit(SlaLimit.NONE)
                .wallMillis(cpuMillis + 100)
                .cpuMillis(cpuMillis)
                .peakMemoryBytes(1_048_576)
                .outputBytes(bytes.length)
                .checkpointRoot("0".repeat(64))
                .checkpoints(0)
                .output(Optional.of(output))
                .build();
    }
}
