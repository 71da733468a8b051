// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.MerkleTree;
import io.povm.api.Sha256;
import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.EngineUnavailableException;
import io.povm.worker.sandbox.LocalImage;
import io.povm.worker.sandbox.SandboxPolicy;
import io.povm.worker.sandbox.SandboxRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs jobs on the real engine from the demo images. Fails, never skips, when the engine or an image is missing:
 * run {@code scripts/setup-docker.sh}, {@code scripts/build-base-image.sh} and {@code scripts/build-demo-images.sh}.
 */
class JobRunnerIT {
    private static final SandboxPolicy LIMITS = SandboxPolicy.builder()
            .memoryBytes(64L * 1024 * 1024)
            .wallTime(Duration.ofSeconds(30))
            .build();

    private static DockerEngine engine;
    private static SandboxRunner sandbox;
    private static String coinflip;
    private static String benchmark;

    @TempDir
    Path staging;

    @BeforeAll
    static void requireEngineAndImages() {
        engine = DockerEngine.fromEnvironment();
        try {
            engine.ping();
        } catch (EngineUnavailableException e) {
            fail("the job ITs need a real Docker engine: " + e.getMessage());
        }
        coinflip = pinned("povm/coinflip");
        benchmark = pinned("povm/benchmark");
        sandbox = new SandboxRunner(
                engine, Map.of("io.povm.test-run", UUID.randomUUID().toString()));
    }

    private static String pinned(final String repository) {
        final LocalImage image = engine.findImage(repository + ":latest")
                .orElseThrow(() ->
                        new AssertionError("the job ITs need " + repository + ": run scripts/build-demo-images.sh"));
        return repository + "@" + image.id();
    }

    @AfterEach
    void leaves_no_input_directory_behind() throws IOException {
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private JobRunner runner(final ImageRules rules) {
        return new JobRunner(new ImageGate(ImageLookup.of(engine), rules), sandbox, staging);
    }

    private JobOutcome run(final JobRequest request) {
        return runner(ImageRules.of(List.of("povm/*"), List.of())).run(request);
    }

    @Test
    void coin_flip_returns_the_documented_result_and_checkpoint_root() {
        final JobOutcome outcome = run(JobRequest.builder(coinflip, List.of("povm-coinflip"))
                .env(Map.of("SEED", "povm-it", "K", "12", "CHECKPOINT_EVERY", "1000"))
                .limits(LIMITS)
                .build());

        final String expected = CoinFlip.result("povm-it", 12);
        final List<byte[]> leaves = CoinFlip.checkpoints("povm-it", 12, 1000).stream()
                .map(payload -> Sha256.hash(payload.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(expected).isEqualTo("{\"seed\":\"povm-it\",\"k\":12,\"flips\":14685}\n");
        assertThat(outcome.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
        assertThat(new String(outcome.result(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(outcome.resultSha256())
                .isEqualTo(Sha256.hex(Sha256.hash(expected.getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome.checkpointCount()).isEqualTo(14);
        assertThat(outcome.checkpointRoot()).isEqualTo(Sha256.hex(MerkleTree.root(leaves)));
        assertThat(outcome.measurements().orElseThrow().wallTime()).isPositive();
    }

    @Test
    void inline_inputs_are_readable_at_povm_in_but_not_writable() {
        final JobOutcome outcome = run(JobRequest.builder(
                        coinflip,
                        List.of(
                                "sh",
                                "-c",
                                "cat $POVM_INPUTS/greeting;"
                                        + " echo x > /povm/in/greeting 2>/dev/null && echo writable || echo read-only"))
                .input("greeting", "hello input\n")
                .limits(LIMITS)
                .build());

        assertThat(new String(outcome.result(), StandardCharsets.UTF_8)).isEqualTo("hello input\nread-only\n");
    }

    @Test
    void an_image_whose_digest_does_not_match_is_refused_before_it_runs() {
        final String wrong = "povm/coinflip@sha256:" + "0".repeat(64);

        final JobOutcome outcome =
                run(JobRequest.builder(wrong, List.of("povm-coinflip")).build());

        assertThat(outcome.status()).isEqualTo(JobOutcome.Status.REFUSED);
        assertThat(outcome.refusal()).contains(RefusalReason.DIGEST_MISMATCH);
        assertThat(outcome.measurements()).isEmpty();
    }

    @Test
    void another_image_pinned_under_an_allowed_name_is_a_digest_mismatch() {
        final String benchmarkId = benchmark.substring(benchmark.indexOf('@') + 1);

        final JobOutcome outcome = run(JobRequest.builder("povm/coinflip@" + benchmarkId, List.of("true"))
                .build());

        assertThat(outcome.refusal()).contains(RefusalReason.DIGEST_MISMATCH);
    }

    @Test
    void an_image_on_the_deny_list_is_refused() {
        final JobOutcome outcome = runner(ImageRules.of(List.of("povm/*"), List.of("povm/coin*")))
                .run(JobRequest.builder(coinflip, List.of("povm-coinflip")).build());

        assertThat(outcome.refusal()).contains(RefusalReason.IMAGE_DENIED);
        assertThat(outcome.gate().message()).contains("povm/coin*");
    }

    @Test
    void a_missing_image_is_refused() {
        final JobOutcome outcome = run(JobRequest.builder("povm/absent@sha256:" + "1".repeat(64), List.of("true"))
                .build());

        assertThat(outcome.refusal()).contains(RefusalReason.IMAGE_MISSING);
    }

    @Test
    void benchmark_reports_positive_ops_per_second_and_a_busy_job_its_cpu_and_memory() {
        final JobOutcome outcome = run(JobRequest.builder(benchmark, List.of("povm-benchmark"))
                .env("SECONDS_TO_RUN", "2.5")
                .limits(LIMITS)
                .build());

        final String line = new String(outcome.result(), StandardCharsets.UTF_8);
        assertThat(line).matches("\\{\"benchmark\":\"sha256-64B\",\"opsPerSecond\":[0-9]+}\n");
        assertThat(Long.parseLong(line.replaceAll("[^0-9]", ""))).isPositive();
        final Measurements measured = outcome.measurements().orElseThrow();
        assertThat(measured.wallTime()).isGreaterThan(Duration.ofSeconds(2));
        assertThat(measured.exact()).as("read from the cgroup, not sampled").isTrue();
        assertThat(measured.cpuSeconds())
                .as("a busy job on a shared machine gets at least a share of its CPU")
                .isGreaterThan(0.3);
        assertThat(measured.peakMemoryBytes()).isPositive();
        assertThat(measured.limitHit()).isEqualTo(LimitHit.NONE);
        assertThat(measured.outputBytes()).isEqualTo(line.length());
    }

    @Test
    void a_job_past_its_wall_time_exceeds_its_limit() {
        final JobOutcome outcome = run(JobRequest.builder(coinflip, List.of("sleep", "10"))
                .limits(LIMITS.toBuilder().wallTime(Duration.ofSeconds(1)).build())
                .build());

        assertThat(outcome.status()).isEqualTo(JobOutcome.Status.LIMIT_EXCEEDED);
        assertThat(outcome.measurements().orElseThrow().limitHit()).isEqualTo(LimitHit.TIMEOUT);
    }
}
