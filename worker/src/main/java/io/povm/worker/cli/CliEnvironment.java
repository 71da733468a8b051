// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import io.povm.worker.daemon.FabricWorkerDaemon;
import io.povm.worker.daemon.WorkerDaemonFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/** What the commands take from outside: environment variables, the clock, the daemon to run and its stop signal. */
public final class CliEnvironment {
    private final Map<String, String> env;
    private final Clock clock;
    private final WorkerDaemonFactory daemons;
    private final StopSignal stopSignal;

    public CliEnvironment(
            final Map<String, String> env,
            final Clock clock,
            final WorkerDaemonFactory daemons,
            final StopSignal stopSignal) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.daemons = Objects.requireNonNull(daemons, "daemons");
        this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /** The real process: {@code System.getenv()}, the UTC clock, SIGTERM/SIGINT, and the {@link FabricWorkerDaemon}. */
    public static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(), Clock.systemUTC(), FabricWorkerDaemon::new, new TerminationSignals());
    }

    /** @return a copy that runs daemons from {@code factory}; where the Fabric glue plugs in */
    public CliEnvironment withDaemons(final WorkerDaemonFactory factory) {
        return new CliEnvironment(env, clock, factory, stopSignal);
    }

    Map<String, String> env() {
        return env;
    }

    Clock clock() {
        return clock;
    }

    WorkerDaemonFactory daemons() {
        return daemons;
    }

    StopSignal stopSignal() {
        return stopSignal;
    }
}
