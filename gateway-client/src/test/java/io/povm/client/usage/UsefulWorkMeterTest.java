// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.JobPage;
import io.povm.client.TestJobs;
import io.povm.client.attestation.SignedJob;
import io.povm.client.job.JobClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsefulWorkMeterTest {
    private final JobClient jobs = mock(JobClient.class);
    private final ProcessCpuSampler sampler = mock(ProcessCpuSampler.class);
    private final SignedJob revealed = new SignedJob();

    @TempDir
    Path pids;

    private UsefulWorkMeter meter() {
        return new UsefulWorkMeter(jobs, sampler, pids, EnergyModel.DEFAULT);
    }

    @Test
    void customer_work_is_the_attested_cpu_of_every_revealed_replica_across_all_pages() throws IOException {
        Files.writeString(pids.resolve("org1-peer.pid"), "11\n");
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(TestJobs.job("waiting")), "b1"));
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "b1")).thenReturn(new JobPage(List.of(revealed.job), ""));
        when(sampler.sample(Map.of("org1-peer", 11L)))
                .thenReturn(new CpuSnapshot(Map.of("org1-peer", new ProcessCpu(11, 4000))));

        final UsefulWorkMeter.Measurement measured = meter().measure();

        // SignedJob's three replicas attest 640, 641 and 642 ms of CPU
        final UsefulWork work = measured.work();
        assertThat(work.usefulCpuMillis()).isEqualTo(1923);
        assertThat(measured.jobs()).isEqualTo(1);
        assertThat(measured.replicas()).isEqualTo(3);
        assertThat(work.overheadCpuMillis()).isEqualTo(4000);
        assertThat(work.overheadByProcess()).isEqualTo(Map.of("org1-peer", 4000L));
        assertThat(work.systemCpuMillis()).isEqualTo(5923);
        assertThat(work.usefulShare()).isEqualTo(1923.0 / 5923);
        assertThat(work.energyModel()).isEqualTo(EnergyModel.DEFAULT);
    }

    @Test
    void counts_from_the_jobs_own_replicas_without_reading_their_attestations() {
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(revealed.job), ""));
        when(sampler.sample(Map.of())).thenReturn(CpuSnapshot.NONE);

        meter().measure();
        meter().measure();

        verify(jobs, never()).attestations(anyString());
    }

    @Test
    void nothing_run_is_a_share_of_zero() {
        when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(List.of(), ""));
        when(sampler.sample(Map.of())).thenReturn(CpuSnapshot.NONE);

        final UsefulWorkMeter.Measurement measured = meter().measure();

        assertThat(measured.work().usefulShare()).isZero();
        assertThat(measured.jobs()).isZero();
    }
}
