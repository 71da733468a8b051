// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import java.util.List;

/**
 * P5's result: the fill (how many jobs, how fast, how many batches failed) and one {@link ScalePoint} per ledger size
 * reached; levels the fill could not reach in the time given are named in {@code skipped}.
 */
public record ScaleResult(
        String scenario,
        int pageSize,
        String sla,
        long jobsBefore,
        long filledJobs,
        double fillSeconds,
        double fillJobsPerSecond,
        int failedBatches,
        List<ScalePoint> points,
        List<String> skipped) {}
