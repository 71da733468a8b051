// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.PovmTransactions;
import io.povm.client.job.JobClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /api/jobs}: GET the newest jobs, GET {@code /api/jobs/ID} for one job with its stored attestations, POST a
 * {@link CoinFlipSweep} to submit one job per seed.
 */
final class JobsApi implements ApiRoute {
    /** How many jobs the table starts with, newest first. */
    static final int NEWEST = 100;

    private final JobClient jobs;
    private final CoinFlipSettings coinFlip;
    private final Clock clock;

    JobsApi(final JobClient jobs, final CoinFlipSettings coinFlip, final Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.coinFlip = Objects.requireNonNull(coinFlip, "coinFlip");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApiResponse handle(final ApiRequest request) {
        if (request.isGet()) {
            return request.path().isEmpty() ? newest() : detail(request.path());
        }
        if (request.isPost() && request.path().isEmpty()) {
            return submit(CoinFlipSweep.fromJson(Json.parse(request.body())));
        }
        return ApiResponse.methodNotAllowed(request);
    }

    /** @return {@code {"jobs":[...]}}: the {@value #NEWEST} most recently submitted jobs, newest first */
    private ApiResponse newest() {
        final List<Job> all = new ArrayList<>();
        String bookmark = "";
        do {
            final JobPage page = jobs.list(JobClient.MAX_PAGE_SIZE, bookmark);
            all.addAll(page.jobs());
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        all.sort(Comparator.comparing(Job::submittedAt).thenComparing(Job::id).reversed());
        final ArrayNode list = Json.array();
        all.stream().limit(NEWEST).forEach(job -> list.add(Json.tree(job)));
        return ApiResponse.ok(Json.object().put("total", all.size()).set("jobs", list));
    }

    /** @return {@code {"job":{...},"attestations":{"jobId":...,"reveals":[...]}}} */
    private ApiResponse detail(final String id) {
        final Optional<Job> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiResponse.notFound("job " + id);
        }
        final ObjectNode body = Json.object();
        body.set("job", Json.tree(job.get()));
        body.set("attestations", Json.parse(jobs.attestationsJson(id)));
        return ApiResponse.ok(body);
    }

    /**
     * @return 201 with {@code {"submitted":["id",...]}}, after every job committed: {@value PovmTransactions#MAX_BATCH}
     *     per {@code SubmitJobs} transaction, escrowed from the dashboard identity's account in one debit each
     */
    private ApiResponse submit(final CoinFlipSweep sweep) {
        final String image = coinFlip.image()
                .orElseThrow(() -> new BadRequestException("the dashboard does not know the coin-flip image: start"
                        + " it with --coinflip-image povm/coinflip@sha256:<64 hex>"));
        final List<JobSpec> specs = sweep.specs(image, coinFlip.sla(), coinFlip.newIdPrefix(), clock.instant());
        final ArrayNode submitted = Json.array();
        for (int from = 0; from < specs.size(); from += PovmTransactions.MAX_BATCH) {
            final List<JobSpec> batch = specs.subList(from, Math.min(specs.size(), from + PovmTransactions.MAX_BATCH));
            jobs.submitAll(batch, "").jobs().forEach(job -> submitted.add(job.id()));
        }
        return new ApiResponse(ApiResponse.CREATED, Json.object().set("submitted", submitted));
    }
}
