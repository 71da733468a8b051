package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.JobPage;
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
                .contains("STATE", "SUBMITTER", "REPLICAS", "SLA", "SUBMITTED AT");
        assertThat(cli.out())
                .containsPattern("(?m)^a +SUBMITTED +Org1MSP +3 +standard@1 +2026-11-20T10:00:00.123Z$")
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
    void a_page_size_out_of_range_is_a_usage_error() {
        assertThat(cli.run("job", "list", "--page-size", "0")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("--page-size must be from 1 to 200");
        assertThat(cli.profilesOpened).isEmpty();
    }
}
