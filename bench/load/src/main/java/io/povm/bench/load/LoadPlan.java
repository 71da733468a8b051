// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One load run to make: which workload, from how many client identities, at what offered rate (0: as fast as
 * {@code concurrency} closed-loop threads go), for how long.
 */
public record LoadPlan(
        String scenario,
        String name,
        String workload,
        String baseline,
        int clients,
        int concurrency,
        double rate,
        Duration duration,
        Duration drain) {
    public LoadPlan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(drain, "drain");
        if (clients < 1 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "clients and concurrency must be at least 1; got " + clients + " and " + concurrency);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be 0 (max-rate) or more; got " + rate);
        }
    }

    public boolean maxRate() {
        return rate == 0;
    }
}
