// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.client.job.JobClient;
import io.povm.worker.ledger.Ledger;
import io.povm.worker.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JobListingTest {
    @Test
    @SuppressWarnings("unchecked")
    void a_job_behind_a_full_first_page_of_jobs_nobody_runs_is_still_visited() {
        final Ledger ledger = mock(Ledger.class);
        final JobClient jobs = mock(JobClient.class);
        when(ledger.jobs(any())).thenAnswer(call -> ((Function<JobClient, Object>) call.getArgument(0)).apply(jobs));
        final Job stuck = Fixtures.job();
        final Job fresh =
                Fixtures.job().withState(JobState.SUBMITTED, "2026-11-21T12:00:00Z", java.util.Optional.empty());
        when(jobs.listByState(eq(JobState.SUBMITTED), anyInt(), eq("")))
                .thenReturn(new JobPage(List.of(stuck, stuck), "page-2"));
        when(jobs.listByState(eq(JobState.SUBMITTED), anyInt(), eq("page-2")))
                .thenReturn(new JobPage(List.of(fresh), ""));

        final List<Job> visited = new ArrayList<>();
        JobListing.forEach(ledger, JobState.SUBMITTED, visited::add);

        assertThat(visited).containsExactly(stuck, stuck, fresh);
    }
}
