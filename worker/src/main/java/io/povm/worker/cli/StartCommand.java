// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import io.povm.worker.config.ConfigException;
import io.povm.worker.config.WorkerConfig;
import io.povm.worker.daemon.DaemonRunner;
import io.povm.worker.daemon.DaemonStartException;
import io.povm.worker.journal.JournalException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code povm-worker start --config FILE}: runs the daemon until SIGTERM or SIGINT, then drains and exits 0. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the configuration, opens the report journal, serves /healthz and /metrics and runs the worker"
                    + " until SIGTERM or SIGINT; then drains (status DRAINING) for up to drain-timeout and exits 0.",
            "Every key can be overridden by POVM_WORKER_<KEY>; POVM_LOG_FORMAT=json|text picks the log format."
        })
public final class StartCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "the worker's YAML configuration (see worker/config/worker.example.yaml)")
    private Path config;

    private final CliEnvironment environment;

    public StartCommand(final CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        final WorkerConfig worker;
        try {
            worker = WorkerConfig.load(config, environment.env());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            new DaemonRunner(worker, environment.daemons(), environment.clock())
                    .run(environment.stopSignal().install());
            return ExitCodes.OK;
        } catch (JournalException | UncheckedIOException | DaemonStartException e) {
            spec.commandLine().getErr().println("cannot start: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
    }
}
