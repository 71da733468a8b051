// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.container;

import java.util.List;

/** P3's figures: medians of the wall seconds of each path, and the worker's ÷ docker run's. */
public record ContainerResult(
        String scenario,
        String image,
        List<String> command,
        int runs,
        double workerSeconds,
        double dockerSeconds,
        double ratio) {

    static ContainerResult of(
            final String image, final List<String> command, final List<Double> worker, final List<Double> docker) {
        final double w = median(worker);
        final double d = median(docker);
        return new ContainerResult(
                "P3", image, List.copyOf(command), worker.size(), round(w), round(d), d > 0 ? round(w / d) : 0);
    }

    static double median(final List<Double> values) {
        final List<Double> sorted = values.stream().sorted().toList();
        final int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
