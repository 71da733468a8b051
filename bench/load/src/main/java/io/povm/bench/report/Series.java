// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import java.util.List;

/** One line of a chart: a name and its (x, y) points, in x order. */
public record Series(String name, List<double[]> points) {
    public Series {
        points = List.copyOf(points);
    }
}
