// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.Worker;
import io.povm.api.WorkerPage;
import io.povm.client.worker.WorkerClient;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/workers}: every registered worker with its track record, and each org's reputation (the sums of
 * its workers' records): {@code {"workers":[{"worker":{...},"record":{...}}],"orgs":[{...}]}}.
 */
final class WorkersApi implements ApiRoute {
    private final WorkerClient workers;

    WorkersApi(final WorkerClient workers) {
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public ApiResponse handle(final ApiRequest request) {
        if (!request.isGet() || !request.path().isEmpty()) {
            return request.isGet()
                    ? ApiResponse.notFound("resource " + request.path())
                    : ApiResponse.methodNotAllowed(request);
        }
        final ArrayNode list = Json.array();
        final Set<String> orgs = new TreeSet<>();
        String bookmark = "";
        do {
            final WorkerPage page =
                    workers.list(Optional.empty(), Optional.empty(), WorkerClient.MAX_PAGE_SIZE, bookmark);
            for (final Worker worker : page.workers()) {
                final ObjectNode entry = Json.object();
                entry.set("worker", Json.tree(worker));
                entry.set("record", Json.tree(workers.record(worker.workerKey())));
                list.add(entry);
                orgs.add(worker.msp());
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        final ArrayNode orgRecords = Json.array();
        orgs.forEach(msp -> orgRecords.add(Json.tree(workers.orgRecord(msp))));
        final ObjectNode body = Json.object();
        body.set("workers", list);
        body.set("orgs", orgRecords);
        return ApiResponse.ok(body);
    }
}
