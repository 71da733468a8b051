// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.container;

import io.povm.bench.Json;
import io.povm.worker.sandbox.ContainerRun;
import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.SandboxPolicy;
import io.povm.worker.sandbox.SandboxRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code povm-bench container} (P3): the worker's container path ({@link SandboxRunner} with the default sandbox
 * policy: create, start, wait, logs, cgroup usage, remove) against {@code docker run --rm} of the same image and
 * command, each run {@code --runs} times after one untimed run; medians of the wall time, and their ratio.
 */
@Command(
        name = "container",
        mixinStandardHelpOptions = true,
        description = "P3: the worker's container path against docker run --rm of the same image and command")
public final class ContainerCommand implements Callable<Integer> {
    private static final long DOCKER_RUN_TIMEOUT_SECONDS = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--image", defaultValue = "povm/base:bookworm", description = "a local image")
    private String image;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each")
    private int runs;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final List<String> command = List.of("true");
        final List<Double> worker = new ArrayList<>();
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            final SandboxRunner runner = new SandboxRunner(engine);
            for (int i = 0; i <= runs; i++) {
                final long start = System.nanoTime();
                final ContainerRun run = runner.run(image, command, SandboxPolicy.defaults());
                final double seconds = (System.nanoTime() - start) / 1e9;
                if (!run.succeeded()) {
                    throw new IllegalStateException("the worker's container run failed: exit " + run.exitCode());
                }
                if (i > 0) {
                    worker.add(seconds);
                }
            }
        }
        final List<Double> docker = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            final double seconds = dockerRun(command);
            if (i > 0) {
                docker.add(seconds);
            }
        }
        final ContainerResult result = ContainerResult.of(image, command, worker, docker);
        Json.write(out, result);
        spec.commandLine()
                .getErr()
                .printf(
                        Locale.ROOT,
                        "[bench] P3 worker's container path %.3f s vs docker run --rm %.3f s (median of %d): %.2f x%n",
                        result.workerSeconds(),
                        result.dockerSeconds(),
                        runs,
                        result.ratio());
        return 0;
    }

    private double dockerRun(final List<String> command) throws IOException, InterruptedException {
        final List<String> argv = new ArrayList<>(List.of("docker", "run", "--rm", image));
        argv.addAll(command);
        final long start = System.nanoTime();
        final Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(DOCKER_RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "docker run --rm " + image + " did not end in " + DOCKER_RUN_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("docker run --rm " + image + " exited " + process.exitValue());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
