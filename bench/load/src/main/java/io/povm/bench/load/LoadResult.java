// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.util.Map;

/**
 * What one load run measured: the offered rate (0 for max-rate), how long load was offered, how many transactions
 * ended with each status, the successful transactions per second, their latencies, and the CPU the network's processes
 * used meanwhile, per VALID transaction (the load generator's own CPU is not counted).
 *
 * @param scenario e.g. {@code P1}
 * @param name e.g. {@code submit-job-priced-1c@25}
 * @param baseline the name of the run this one is compared with (empty for a baseline itself)
 */
public record LoadResult(
        String scenario,
        String name,
        String workload,
        String baseline,
        int clients,
        int concurrency,
        double offeredTps,
        double seconds,
        long sent,
        Map<String, Long> statuses,
        double tps,
        double failureShare,
        Latencies latencyMs,
        double networkCpuSeconds,
        double cpuMsPerValidTx) {

    static LoadResult of(final LoadPlan plan, final Tally tally, final double seconds) {
        return of(plan, tally, seconds, 0);
    }

    /**
     * @param networkCpuSeconds CPU-seconds every process of the network (orderers, peers, chaincode servers, daemons)
     *     used while this run was on; 0 when not measured
     */
    static LoadResult of(final LoadPlan plan, final Tally tally, final double seconds, final double networkCpuSeconds) {
        final long sent = tally.total();
        final long valid = tally.valid();
        final double tps = seconds > 0 ? valid / seconds : 0;
        return new LoadResult(
                plan.scenario(),
                plan.name(),
                plan.workload(),
                plan.baseline(),
                plan.clients(),
                plan.concurrency(),
                plan.rate(),
                round(seconds),
                sent,
                tally.counts(),
                round(tps),
                sent == 0 ? 0 : round((double) (sent - valid) / sent),
                Latencies.of(tally.validLatencies()),
                round(networkCpuSeconds),
                valid == 0 ? 0 : round(networkCpuSeconds * 1000 / valid));
    }

    private static double round(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
