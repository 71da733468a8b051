// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import io.povm.worker.config.ConfigException;
import io.povm.worker.config.WorkerConfig;
import io.povm.worker.health.DaemonState;
import io.povm.worker.health.StatusJson;
import io.povm.worker.health.WorkerStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code povm-worker status}: asks a running daemon's {@code /healthz} and prints a summary. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Asks a running worker daemon's /healthz and prints its state, slots and running replicas.")
public final class StatusCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "http://127.0.0.1:9464";

    /** Where the daemon is: a URL, or the configuration it was started with. */
    static final class Target {
        @Option(
                names = "--url",
                paramLabel = "URL",
                description = "the daemon's health endpoint, e.g. http://127.0.0.1:9464 (default)")
        URI url;

        @Option(
                names = {"-c", "--config"},
                paramLabel = "FILE",
                description = "the daemon's configuration: asks health.address and health.port")
        Path config;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Target target;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default) or json (the /healthz body as is)")
    private OutputFormat output;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "3",
            description = "how long to wait for an answer, in seconds (default 3)")
    private int timeoutSeconds;

    private final CliEnvironment environment;

    public StatusCommand(final CliEnvironment environment) {
        this.environment = environment;
    }

    /** How {@code status} prints. */
    enum OutputFormat {
        text,
        json
    }

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final URI base;
        try {
            base = baseUrl();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        final URI healthz = base.resolve("/healthz");
        final Optional<String> body = fetch(healthz, err);
        if (body.isEmpty()) {
            return ExitCodes.UNREACHABLE;
        }
        final WorkerStatus status;
        try {
            status = StatusJson.read(body.get());
        } catch (IllegalArgumentException e) {
            err.println(healthz + " answered, but not as a povm worker: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        out.print(output == OutputFormat.json ? body.get() + "\n" : StatusText.of(status, environment.clock()));
        out.flush();
        return status.state() == DaemonState.UP ? ExitCodes.OK : ExitCodes.NOT_UP;
    }

    private URI baseUrl() {
        if (target != null && target.url != null) {
            if (!"http".equals(target.url.getScheme()) || target.url.getHost() == null) {
                throw new IllegalArgumentException("--url must be http://HOST:PORT, was " + target.url);
            }
            return target.url;
        }
        if (target != null && target.config != null) {
            final WorkerConfig config = WorkerConfig.load(target.config, environment.env());
            final int port = config.healthPort()
                    .orElseThrow(() -> new IllegalArgumentException("the health endpoint of " + config.workerKey()
                            + " is off (health.port: 0 in " + config.source() + "); nothing to ask"));
            final String host = "0.0.0.0".equals(config.healthAddress()) ? "127.0.0.1" : config.healthAddress();
            return URI.create("http://" + host + ":" + port);
        }
        return URI.create(DEFAULT_URL);
    }

    private Optional<String> fetch(final URI healthz, final PrintWriter err) {
        final Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            final HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(healthz).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.body());
        } catch (IOException e) {
            err.println("no worker daemon answered at " + healthz + " ("
                    + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse("")
                    + "); is it running? start it with: povm-worker start --config FILE");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted while asking " + healthz);
            return Optional.empty();
        }
    }
}
