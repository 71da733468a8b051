// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A worker daemon run as its own process from the shaded jar, as an org would run it; its log goes to a file. */
final class DaemonProcess {
    private static final Path JAR = Path.of("target", "povm-worker.jar");

    private final String name;
    private final Path config;
    private final Path log;
    /** Put before the java command, e.g. setpriv to run the daemon in another group; usually empty. */
    private final List<String> launcher;
    /** Added to the daemon's environment, e.g. libfaketime's LD_PRELOAD and FAKETIME; usually empty. */
    private final Map<String, String> env;

    private Process process;
    /** How many "started" lines the log held when the latest start began. */
    private int startedBefore;

    DaemonProcess(final String name, final Path config, final Path log) {
        this(name, config, log, List.of());
    }

    DaemonProcess(final String name, final Path config, final Path log, final List<String> launcher) {
        this(name, config, log, launcher, Map.of());
    }

    DaemonProcess(
            final String name,
            final Path config,
            final Path log,
            final List<String> launcher,
            final Map<String, String> env) {
        this.name = name;
        this.config = config;
        this.log = log;
        this.launcher = List.copyOf(launcher);
        this.env = Map.copyOf(env);
    }

    DaemonProcess start() {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError("the daemon ITs need " + JAR.toAbsolutePath() + " (mvn package builds it)");
        }
        startedBefore = startedLines();
        try {
            final List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "start",
                    "--config",
                    config.toString()));
            final ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " daemon", e);
        }
        return this;
    }

    /** SIGKILL: the daemon gets no chance to drain, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the daemon drains. */
    int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /**
     * @return whether the latest start reached "started" in the log. Each start appends to the same log, also the
     *     starts of an earlier DaemonProcess of the same org (DaemonNetwork.restart makes a new one), so the lines
     *     are counted from where this start began.
     */
    boolean hasStarted() {
        return startedLines() > startedBefore;
    }

    private int startedLines() {
        return Files.exists(log) ? log().split("started with", -1).length - 1 : 0;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String name() {
        return name;
    }
}
