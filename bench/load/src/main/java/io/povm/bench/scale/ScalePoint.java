// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import io.povm.bench.load.Latencies;

/**
 * P5 at one ledger size: the latency of a {@code SubmitJob} (endorse, order, commit), of a {@code GetJob} and of one
 * page of {@code ListJobsByState}, and the network's CPU per page, each also as a ratio to the first level's.
 *
 * @param level the ledger size aimed at
 * @param jobsOnLedger jobs on the ledger when measured (the others' and P5's own)
 * @param submitMs SubmitJob latencies, one at a time
 * @param getJobMs GetJob latencies, one at a time
 * @param listPageMs one page of ListJobsByState(SUBMITTED), walking from the first page
 * @param listCpuMsPerPage CPU-ms of the network's processes per page listed
 * @param submitP50Ratio submitMs.p50 ÷ the first level's
 * @param getJobP50Ratio getJobMs.p50 ÷ the first level's
 * @param listPageP50Ratio listPageMs.p50 ÷ the first level's
 */
public record ScalePoint(
        long level,
        long jobsOnLedger,
        Latencies submitMs,
        Latencies getJobMs,
        Latencies listPageMs,
        double listCpuMsPerPage,
        double submitP50Ratio,
        double getJobP50Ratio,
        double listPageP50Ratio) {

    /** @return this point with its ratios to {@code base} (the first level's point) */
    public ScalePoint against(final ScalePoint base) {
        return new ScalePoint(
                level,
                jobsOnLedger,
                submitMs,
                getJobMs,
                listPageMs,
                listCpuMsPerPage,
                ScaleLevels.ratio(submitMs.p50(), base.submitMs().p50()),
                ScaleLevels.ratio(getJobMs.p50(), base.getJobMs().p50()),
                ScaleLevels.ratio(listPageMs.p50(), base.listPageMs().p50()));
    }
}
