// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobLimits;
import io.povm.api.JobSpec;
import io.povm.api.Redundancy;
import io.povm.api.SlaSpec;
import io.povm.api.Submitter;
import io.povm.api.VmTerms;
import io.povm.worker.attestation.InlineText;
import io.povm.worker.job.JobRequest;
import io.povm.worker.sandbox.SandboxPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaRequestsTest {
    private static final SlaSpec SLA = new SlaSpec(
            "standard",
            1,
            VmTerms.builder()
                    .cpuMillis(1500)
                    .memoryMiB(256)
                    .diskMiB(1024)
                    .maxWallSeconds(42)
                    .minBenchmarkOpsPerSec(0)
                    .pricePerVmSecond(1)
                    .build(),
            new JobLimits(65_536, 2048));

    private static Job job(final List<JobInput> inputs) {
        return Job.submitted(
                JobSpec.builder("flip-1")
                        .image("povm/coinflip@sha256:" + "a".repeat(64))
                        .command("povm-coinflip")
                        .env(Map.of("SEED", "povm", "K", "4"))
                        .inputs(inputs)
                        .sla("standard@1")
                        .redundancy(Redundancy.kVote(1))
                        .deadline("2026-11-21T12:00:00Z")
                        .build(),
                new Submitter("Org1MSP", "x509::u"),
                "2026-11-21T11:00:00.000Z",
                "tx");
    }

    @Test
    void the_slas_container_configuration_becomes_the_sandbox_limits() {
        final SandboxPolicy limits = ReplicaRequests.limits(SLA);
        final ContainerConfig config = ContainerConfig.forSla(SLA);

        assertThat(limits.nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(limits.memoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(limits.wallTime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(limits.stdoutLimitBytes()).isEqualTo(2048);
        assertThat(limits.pidsLimit()).isEqualTo(VmTerms.DEFAULT_PIDS_LIMIT).isEqualTo(config.pidsLimit());
        assertThat(limits.tmpfsBytes()).isEqualTo(1024L * 1024 * 1024).isEqualTo(config.diskBytes());
        assertThat(limits.nanoCpus()).isEqualTo(config.nanoCpus());
        assertThat(limits.memoryBytes()).isEqualTo(config.memoryBytes());
        assertThat(limits.wallTime().toSeconds()).isEqualTo(config.wallSeconds());
        assertThat((long) limits.stdoutLimitBytes()).isEqualTo(config.stdoutLimitBytes());
    }

    @Test
    void the_slas_own_pids_limit_and_a_zero_disk_are_applied() {
        final SlaSpec tight = new SlaSpec(
                "tight",
                1,
                VmTerms.builder()
                        .cpuMillis(500)
                        .memoryMiB(128)
                        .diskMiB(0)
                        .maxWallSeconds(10)
                        .pidsLimit(7)
                        .build(),
                SLA.job());

        final SandboxPolicy limits = ReplicaRequests.limits(tight);

        assertThat(limits.pidsLimit()).isEqualTo(7);
        assertThat(limits.tmpfsBytes()).as("nothing writable").isZero();
        assertThat(ContainerConfig.forSla(tight).pidsLimit()).isEqualTo(7);
        assertThat(ContainerConfig.forSla(tight).hash())
                .as("the attested configuration names the pids limit")
                .isNotEqualTo(ContainerConfig.forSla(SLA).hash());
    }

    @Test
    void the_jobs_image_command_env_and_inline_inputs_are_passed_on() {
        final String data = Base64.getEncoder().encodeToString("7\n".getBytes(StandardCharsets.UTF_8));

        final JobRequest request = ReplicaRequests.request(job(List.of(JobInput.inline("seed.txt", data))), SLA);

        assertThat(request.image()).isEqualTo("povm/coinflip@sha256:" + "a".repeat(64));
        assertThat(request.command()).containsExactly("povm-coinflip");
        assertThat(request.env()).containsEntry("SEED", "povm").containsEntry("K", "4");
        assertThat(request.inputs().get("seed.txt")).isEqualTo("7\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_result_travels_inline_only_when_short_and_valid_utf8() {
        assertThat(InlineText.of("{\"flips\":6}\n".getBytes(StandardCharsets.UTF_8)))
                .contains("{\"flips\":6}\n");
        assertThat(InlineText.of(new byte[] {(byte) 0xff, (byte) 0xfe})).isEmpty();
        assertThat(InlineText.of(new byte[io.povm.api.ReplicaResult.MAX_INLINE_OUTPUT_BYTES + 1]))
                .isEmpty();
    }
}
