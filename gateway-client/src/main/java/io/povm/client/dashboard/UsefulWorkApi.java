package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.client.usefulwork.ProcessCpu;
import io.povm.client.usefulwork.UsefulWork;
import io.povm.client.usefulwork.UsefulWorkMeter;
import java.util.Objects;

/**
 * {@code GET /api/useful-work}: the {@link UsefulWork} figure, {@code {"customerCpuMillis":..,"overheadCpuMillis":..,
 * "systemCpuMillis":..,"usefulShare":..,"jobs":..,"replicas":..,"processes":[{"name","pid","cpuMillis"}]}}.
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
        final UsefulWork work = meter.measure();
        final ArrayNode processes = Json.array();
        for (final ProcessCpu process : work.processes()) {
            processes.add(Json.object()
                    .put("name", process.name())
                    .put("pid", process.pid())
                    .put("cpuMillis", process.cpuMillis()));
        }
        final ObjectNode body = Json.object()
                .put("customerCpuMillis", work.customerCpuMillis())
                .put("overheadCpuMillis", work.overheadCpuMillis())
                .put("systemCpuMillis", work.systemCpuMillis())
                .put("usefulShare", work.usefulShare())
                .put("jobs", work.jobs())
                .put("replicas", work.replicas());
        body.set("processes", processes);
        return ApiResponse.ok(body);
    }
}
