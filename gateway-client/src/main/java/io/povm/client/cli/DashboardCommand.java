// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmGateway;
import io.povm.client.dashboard.CoinFlipImage;
import io.povm.client.dashboard.CoinFlipSettings;
import io.povm.client.dashboard.DashboardServer;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.ProcessCpuSampler;
import io.povm.client.usage.UsefulWorkMeter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code povm dashboard}: serves the web dashboard until stopped. */
@Command(
        name = "dashboard",
        header = "Serve the web dashboard.",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the web dashboard until Ctrl-C: submit coin-flip sweeps, watch jobs",
            "change live (chaincode events pushed to the page), read a job's replicas,",
            "attestations and verdict, the workers and their reputation, and the",
            "useful-work figure (CPU time of customer jobs against the whole system's,",
            "with its energy and CO2 at --watts-per-core and --grams-co2-per-kwh, as",
            "povm job sweep prints them).",
            "It reads and submits as the profile's user."
        },
        footer = {
            "",
            "Examples:",
            "  povm dashboard",
            "  povm dashboard --port 8081 --profile org2",
            "  povm dashboard --address 0.0.0.0 --port 9000",
            "  povm dashboard --coinflip-image povm/coinflip@sha256:<64 hex>",
            "",
            "Exit codes: 2 when the address cannot be bound (e.g. the port is taken),",
            "6 when the profile cannot be used; see povm --help."
        })
final class DashboardCommand implements Callable<Integer>, NetworkCommand, PlainOutputCommand {
    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--address",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this host only; the page submits jobs as the"
                    + " profile's user).")
    private String address;

    @Option(
            names = "--profile",
            paramLabel = "NAME|PATH",
            description = "Connection profile, as for the other commands. Default: $POVM_PROFILE, else org1.")
    private String profile;

    @Option(
            names = "--coinflip-image",
            paramLabel = "REF",
            description = "The coin-flip image the form submits, pinned by digest. Default: the local "
                    + CoinFlipImage.TAG + " (scripts/build-demo-images.sh) as docker names it.")
    private String image;

    @Option(
            names = "--sla",
            defaultValue = CoinFlipSettings.DEFAULT_SLA,
            description = "SLA of the submitted jobs (default: ${DEFAULT-VALUE}).")
    private String sla;

    @Mixin
    private EnergyOptions energyOptions = new EnergyOptions();

    @Option(names = "--debug", description = "Log what the client does and print stack traces of errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private static final int STOP_TIMEOUT_SECONDS = 10;
    private static final int MAX_PORT = 65_535;

    private final CliContext context;

    DashboardCommand(final CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > MAX_PORT) {
            throw new ParameterException(spec.commandLine(), "--port is " + port + "; must be 0 to " + MAX_PORT);
        }
        final EnergyModel energy = energyOptions.model(spec);
        final ProfileLocator profiles = ProfileLocator.fromEnvironment(context.env());
        final Optional<String> coinflip = Optional.ofNullable(image).or(CoinFlipImage::fromDocker);
        final CountDownLatch stopping = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        try (PovmGateway gateway = PovmGateway.connect(profiles.load(context.profile(profile), context.env()))) {
            final Optional<DashboardServer> server = start(gateway, coinflip, profiles, energy);
            if (server.isEmpty()) {
                return ExitCodes.USAGE;
            }
            try (DashboardServer dashboard = server.get()) {
                // Ctrl-C: the hook wakes this thread and waits until the server and the gateway are closed
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stopping.countDown();
                                    awaitQuietly(stopped);
                                },
                                "dashboard-stop"));
                spec.commandLine().getOut().println("dashboard: " + dashboard.uri() + " (Ctrl-C stops it)");
                if (coinflip.isEmpty()) {
                    spec.commandLine()
                            .getOut()
                            .println("note: no " + CoinFlipImage.TAG + " image found; the"
                                    + " form cannot submit until you restart with --coinflip-image");
                }
                spec.commandLine().getOut().flush();
                stopping.await();
            }
        } finally {
            stopped.countDown();
        }
        return ExitCodes.OK;
    }

    private Optional<DashboardServer> start(
            final PovmGateway gateway,
            final Optional<String> coinflip,
            final ProfileLocator profiles,
            final EnergyModel energy) {
        final UsefulWorkMeter meter = new UsefulWorkMeter(
                new JobClient(gateway.chaincode()),
                ProcessCpuSampler.system(),
                profiles.profilesDir().resolveSibling("pids"),
                energy);
        try {
            return Optional.of(DashboardServer.builder()
                    .gateway(gateway)
                    .usefulWork(meter)
                    .coinFlip(CoinFlipSettings.of(coinflip, sla))
                    .clock(context.clock())
                    .start(new InetSocketAddress(address, port)));
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot serve on " + address + ":" + port + ": " + e);
            spec.commandLine().getErr().println("hint: choose another port with --port");
            spec.commandLine().getErr().flush();
            return Optional.empty();
        }
    }

    private static void awaitQuietly(final CountDownLatch latch) {
        try {
            latch.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean debug() {
        return debug;
    }
}
