// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.PovmJson;
import io.povm.client.TestJobs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobListCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void the_first_page_has_fifty_jobs_by_default_and_tells_how_to_get_the_next() {
        when(cli.jobs.list(50, "")).thenReturn(new JobPage(List.of(TestJobs.job("a"), TestJobs.job("b")), "c"));

        assertThat(cli.run("job", "list")).isZero();

        assertThat(cli.out().lines())
                .first()
                .asString()
                .startsWith("ID")
                .contains("STATE", "SUBMITTER", "REDUNDANCY", "SLA", "SUBMITTED AT", "DEADLINE");
        assertThat(cli.out())
                .containsPattern("(?m)^a +SUBMITTED +Org1MSP +k-vote:3 +standard@1 +2026-11-20T10:00:00.123Z"
                        + " +2026-11-20T11:00:00Z$")
                .containsPattern("(?m)^b +SUBMITTED")
                .contains("more jobs: povm job list --page-size 50 --bookmark 'c'");
    }

    @Test
    void page_size_and_bookmark_are_passed_on() {
        when(cli.jobs.list(2, "b")).thenReturn(new JobPage(List.of(), ""));

        assertThat(cli.run("job", "list", "--page-size", "2", "--bookmark", "b"))
                .isZero();

        verify(cli.jobs).list(2, "b");
        assertThat(cli.out()).contains("no jobs").doesNotContain("--bookmark");
    }

    @Test
    void all_fetches_every_page_and_json_prints_them_as_one() {
        when(cli.jobs.list(1, "")).thenReturn(new JobPage(List.of(TestJobs.job("a")), "b"));
        when(cli.jobs.list(1, "b")).thenReturn(new JobPage(List.of(TestJobs.job("b")), "c"));
        when(cli.jobs.list(1, "c")).thenReturn(new JobPage(List.of(TestJobs.job("c")), ""));

        assertThat(cli.run("job", "list", "--all", "--page-size", "1", "-o", "json"))
                .isZero();

        final JobPage all = PovmJson.read(cli.out().strip(), JobPage.class);
        assertThat(all.count()).isEqualTo(3);
        assertThat(all.bookmark()).isEmpty();
        assertThat(all.jobs()).containsExactly(TestJobs.job("a"), TestJobs.job("b"), TestJobs.job("c"));
    }

    @Test
    void a_ledger_key_bookmark_is_printed_so_that_it_can_be_passed_back() {
        final String ledgerKey = "\u0000job\u0000job-7\u0000";
        when(cli.jobs.list(50, "")).thenReturn(new JobPage(List.of(TestJobs.job("a")), ledgerKey));
        when(cli.jobs.list(50, ledgerKey)).thenReturn(new JobPage(List.of(TestJobs.job("job-7")), ""));

        assertThat(cli.run("job", "list")).isZero();
        final String printed =
                cli.out().replaceAll("(?s).*--bookmark '([^']*)'.*", "$1").strip();
        assertThat(printed).startsWith("b64:").doesNotContain("\u0000");

        assertThat(cli.run("job", "list", "--bookmark", printed)).isZero();
        assertThat(cli.out()).contains("job-7");
    }

    @Test
    void state_lists_the_jobs_in_one_state_and_the_next_page_hint_keeps_the_filter() {
        when(cli.jobs.listByState(JobState.CANCELLED, 50, ""))
                .thenReturn(new JobPage(List.of(TestJobs.cancelled("a", "wrong seed")), "QUJD"));

        assertThat(cli.run("job", "list", "--state", "cancelled")).isZero();

        assertThat(cli.out())
                .containsPattern("(?m)^a +CANCELLED ")
                .contains("more jobs: povm job list --state CANCELLED --page-size 50 --bookmark 'QUJD'");
    }

    @Test
    void mine_lists_the_callers_own_jobs_every_page_with_all() {
        when(cli.jobs.listMine(2, "")).thenReturn(new JobPage(List.of(TestJobs.job("a"), TestJobs.job("b")), "Yw"));
        when(cli.jobs.listMine(2, "Yw")).thenReturn(new JobPage(List.of(TestJobs.job("c")), ""));

        assertThat(cli.run("job", "list", "--mine", "--all", "--page-size", "2", "-o", "json"))
                .isZero();

        assertThat(PovmJson.read(cli.out().strip(), JobPage.class).jobs())
                .extracting(io.povm.api.Job::id)
                .containsExactly("a", "b", "c");
    }

    @Test
    void state_and_mine_together_are_a_usage_error() {
        assertThat(cli.run("job", "list", "--state", "SUBMITTED", "--mine")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("either --state or --mine");
        assertThat(cli.profilesOpened).isEmpty();
    }

    @Test
    void an_unknown_state_is_a_usage_error_listing_the_states() {
        assertThat(cli.run("job", "list", "--state", "DONE")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--state").contains("SUBMITTED").contains("FINALIZED");
    }

    @Test
    void a_page_size_out_of_range_is_a_usage_error() {
        assertThat(cli.run("job", "list", "--page-size", "0")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--page-size must be from 1 to 200");
        assertThat(cli.profilesOpened).isEmpty();
    }
}
