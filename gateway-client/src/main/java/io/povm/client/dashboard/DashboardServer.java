// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.usage.UsefulWorkMeter;
import io.povm.client.worker.WorkerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: the page, its JSON API and its live event stream, on the JDK's built-in HTTP server.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(profile);
 *         DashboardServer dashboard = DashboardServer.builder()
 *                 .gateway(gateway)
 *                 .usefulWork(new UsefulWorkMeter(new JobClient(gateway.chaincode()), ProcessCpuSampler.system(),
 *                         runDir.resolve("pids"), EnergyModel.DEFAULT))
 *                 .coinFlip(CoinFlipSettings.of(Optional.of(image), CoinFlipSettings.DEFAULT_SLA))
 *                 .start(new InetSocketAddress("127.0.0.1", 8080))) {
 *     System.out.println("open " + dashboard.uri());
 * }
 * }</pre>
 *
 * <p>Paths: {@code /} the page; {@code /api/jobs} (GET, POST a coin-flip sweep), {@code /api/jobs/ID},
 * {@code /api/workers}, {@code /api/useful-work}, {@code /api/beacon}, {@code /api/events} (text/event-stream).
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final int STOP_DELAY_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventHub hub;
    private final Optional<ChaincodeEventRelay> relay;

    private DashboardServer(
            final HttpServer server,
            final ExecutorService executor,
            final EventHub hub,
            final Optional<ChaincodeEventRelay> relay) {
        this.server = server;
        this.executor = executor;
        this.hub = hub;
        this.relay = relay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return where the page is, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        final InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    /** Stops relaying events, ends the pages' event streams and stops the server. */
    @Override
    public void close() {
        relay.ifPresent(ChaincodeEventRelay::stop);
        hub.close();
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
        LOG.info("dashboard stopped");
    }

    /** Builds and starts a {@link DashboardServer}; jobs, workers, usefulWork and coinFlip are required. */
    public static final class Builder {
        private JobClient jobs;
        private WorkerClient workers;
        private UsefulWorkMeter usefulWork;
        private CoinFlipSettings coinFlip;
        private PovmGateway events;
        private io.povm.client.beacon.BeaconClient beacon;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Reads and submits jobs and reads workers through {@code gateway}, and relays its chaincode's events. */
        public Builder gateway(final PovmGateway gateway) {
            Objects.requireNonNull(gateway, "gateway");
            this.jobs = new JobClient(gateway.chaincode());
            this.workers = new WorkerClient(gateway.chaincode());
            this.beacon = new io.povm.client.beacon.BeaconClient(
                    gateway.chaincode(), gateway.profile().channel());
            this.events = gateway;
            return this;
        }

        /** Reads the beacon's rounds and lottery winners; the page shows "loading" until the first answer and "not available: <why>" when the read fails. */
        public Builder beacon(final io.povm.client.beacon.BeaconClient value) {
            this.beacon = Objects.requireNonNull(value, "beacon");
            return this;
        }

        public Builder jobs(final JobClient value) {
            this.jobs = Objects.requireNonNull(value, "jobs");
            return this;
        }

        public Builder workers(final WorkerClient value) {
            this.workers = Objects.requireNonNull(value, "workers");
            return this;
        }

        public Builder usefulWork(final UsefulWorkMeter value) {
            this.usefulWork = Objects.requireNonNull(value, "usefulWork");
            return this;
        }

        public Builder coinFlip(final CoinFlipSettings value) {
            this.coinFlip = Objects.requireNonNull(value, "coinFlip");
            return this;
        }

        /** "Now" for the deadlines of submitted jobs; default the system's UTC clock. */
        public Builder clock(final Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Binds {@code address} (port 0: any free port) and starts serving.
         *
         * @throws IOException when the address cannot be bound, e.g. the port is taken
         */
        public DashboardServer start(final InetSocketAddress address) throws IOException {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(jobs, "jobs");
            Objects.requireNonNull(workers, "workers");
            Objects.requireNonNull(usefulWork, "usefulWork");
            Objects.requireNonNull(coinFlip, "coinFlip");
            final HttpServer server = HttpServer.create(address, 0);
            final EventHub hub = new EventHub();
            server.createContext("/", new StaticAssets());
            api(server, "/api/jobs", new JobsApi(jobs, coinFlip, clock));
            api(server, "/api/workers", new WorkersApi(workers));
            api(server, "/api/useful-work", new UsefulWorkApi(usefulWork));
            api(server, "/api/beacon", new BeaconApi(Optional.ofNullable(beacon)));
            server.createContext("/api/events", hub);
            final ExecutorService executor = Executors.newCachedThreadPool(named("dashboard-http-"));
            server.setExecutor(executor);
            server.start();
            final Optional<ChaincodeEventRelay> relay = Optional.ofNullable(events)
                    .map(gateway -> new ChaincodeEventRelay(
                            gateway.network(), gateway.profile().chaincode(), hub));
            relay.ifPresent(r -> named("dashboard-events-").newThread(r).start());
            final DashboardServer dashboard = new DashboardServer(server, executor, hub, relay);
            LOG.info("dashboard serving on {}", dashboard.uri());
            return dashboard;
        }

        private static void api(final HttpServer server, final String prefix, final ApiRoute route) {
            server.createContext(prefix, new ApiHandler(prefix, route));
        }

        private static ThreadFactory named(final String prefix) {
            final AtomicInteger count = new AtomicInteger();
            return runnable -> {
                final Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
