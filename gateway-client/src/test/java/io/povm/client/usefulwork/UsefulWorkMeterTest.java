package io.povm.client.usefulwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.JobPage;
import io.povm.client.TestJobs;
import io.povm.client.attestation.SignedJob;
import io.povm.client.job.JobClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsefulWorkMeterTest {
    private final JobClient jobs = mock(JobClient.class);
    private final ProcessCpuReader processes = mock(ProcessCpuReader.class);
    private final SignedJob revealed = new SignedJob();

    @Test
    void customer_work_is_the_attested_cpu_of_every_revealed_replica_across_all_pages() {
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(TestJobs.job("waiting")), "b1"));
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "b1")).thenReturn(new JobPage(List.of(revealed.job), ""));
        when(jobs.attestations(SignedJob.JOB_ID)).thenReturn(revealed.attestations());
        when(processes.read()).thenReturn(List.of(new ProcessCpu("org1-peer", 11, 4000)));

        final UsefulWork work = new UsefulWorkMeter(jobs, processes).measure();

        // SignedJob's three replicas attest 640, 641 and 642 ms of CPU
        assertThat(work.customerCpuMillis()).isEqualTo(1923);
        assertThat(work.jobs()).isEqualTo(1);
        assertThat(work.replicas()).isEqualTo(3);
        assertThat(work.overheadCpuMillis()).isEqualTo(4000);
        assertThat(work.systemCpuMillis()).isEqualTo(5923);
        assertThat(work.usefulShare()).isEqualTo(1923.0 / 5923);
        verify(jobs, never()).attestations("waiting");
    }

    @Test
    void reads_a_jobs_attestations_again_only_when_more_replicas_were_revealed() {
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(revealed.job), ""));
        when(jobs.attestations(SignedJob.JOB_ID)).thenReturn(revealed.attestations());
        final UsefulWorkMeter meter = new UsefulWorkMeter(jobs, processes);

        meter.measure();
        meter.measure();

        verify(jobs, times(1)).attestations(SignedJob.JOB_ID);
    }

    @Test
    void nothing_run_is_a_share_of_zero() {
        assertThat(new UsefulWork(0, 0, 0, List.of()).usefulShare()).isZero();
    }
}
