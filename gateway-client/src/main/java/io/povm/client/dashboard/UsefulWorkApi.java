// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.client.usage.UsefulWork;
import io.povm.client.usage.UsefulWorkMeter;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/useful-work}: the {@link UsefulWork} of everything on the ledger, in the form {@code povm job sweep
 * -o json} gives its {@code work}: {@code {"jobs":..,"replicas":..,"work":{"usefulCpuMillis":..,"overheadCpuMillis":..,
 * "usefulShare":..,"usefulJoules":..,"overheadJoules":..,"usefulGramsCo2":..,"overheadGramsCo2":..,"energyModel":
 * {"wattsPerCore":..,"wattsSource":..,"gramsCo2PerKwh":..,"gramsCo2Source":..},"overheadByProcess":{..}},
 * "processes":[{"name","pid","cpuMillis"}]}}.
 */
final class UsefulWorkApi implements ApiRoute {
    private final UsefulWorkMeter meter;

    UsefulWorkApi(final UsefulWorkMeter meter) {
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    @Override
    public ApiResponse handle(final ApiRequest request) {
        if (!request.isGet()) {
            return ApiResponse.methodNotAllowed(request);
        }
        final UsefulWorkMeter.Measurement measured = meter.measure();
        final ArrayNode processes = Json.array();
        measured.processes().processes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(process -> processes.add(Json.object()
                        .put("name", process.getKey())
                        .put("pid", process.getValue().pid())
                        .put("cpuMillis", process.getValue().cpuMillis())));
        final ObjectNode body = Json.object().put("jobs", measured.jobs()).put("replicas", measured.replicas());
        body.set("work", Json.tree(measured.work()));
        body.set("processes", processes);
        return ApiResponse.ok(body);
    }
}
