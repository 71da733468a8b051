package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.JobVersion;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerState;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.worker.WorkerClient;
import io.povm.worker.job.CoinFlip;
import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.LocalImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three worker daemons, one per org, each its own process from the shaded jar, on the real network started by
 * scripts/test.sh (POVM_RUN_DIR) with the real Docker engine and the povm/coinflip image. Each org's second user is
 * its worker; each daemon lists the next org's peer as its second peer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerDaemonsIT {
    private static final List<String> ORGS = List.of("org1", "org2", "org3");
    private static final Duration RESULTS_TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, DaemonProcess> DAEMONS = new LinkedHashMap<>();
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static ProfileLocator profiles;
    private static Path work;
    private static String coinflip;
    private static JobClient customer;

    @BeforeAll
    static void three_daemons_run() throws Exception {
        final String runDir = System.getenv(ProfileLocator.RUN_DIR_VARIABLE);
        if (runDir == null || runDir.isBlank()) {
            fail("the daemon ITs need a running network: run scripts/test.sh, which sets POVM_RUN_DIR");
        }
        profiles = new ProfileLocator(Path.of(runDir));
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            final LocalImage image = engine.findImage("povm/coinflip:latest")
                    .orElseThrow(() -> new AssertionError("run scripts/build-demo-images.sh"));
            coinflip = "povm/coinflip@" + image.id();
        }
        work = Files.createDirectories(Path.of("target", "daemon-it"));
        customer = new JobClient(connect("org1").chaincode());
        for (String org : ORGS) {
            final String name = activeWorker(org);
            DAEMONS.put(org, new DaemonProcess(org, config(org, name), work.resolve(org + ".log")).start());
        }
        for (String org : ORGS) {
            awaitHealthy(org);
        }
        awaitIdle();
    }

    /**
     * Waits until no worker holds a lease: the network is shared with the gateway-client ITs, whose jobs (with
     * made-up image digests) the daemons first take up and release. A busy worker reports no free slot and would
     * not be drawn.
     */
    private static void awaitIdle() throws InterruptedException {
        final Instant until = Instant.now().plus(RESULTS_TIMEOUT);
        final List<String> keys = new ArrayList<>();
        for (String org : ORGS) {
            keys.add(new WorkerClient(connect(org + "-user2").chaincode())
                    .whoami()
                    .key());
        }
        while (keys.stream().anyMatch(WorkerDaemonsIT::holdsLeases)) {
            if (Instant.now().isAfter(until)) {
                fail("the workers still hold leases after " + RESULTS_TIMEOUT);
            }
            Thread.sleep(2000);
        }
        Thread.sleep(Duration.ofSeconds(4).toMillis());
    }

    private static boolean holdsLeases(final String workerKey) {
        String bookmark = "";
        do {
            final var page = customer.listByWorker(workerKey, 100, bookmark);
            final boolean leased = page.jobs().stream()
                    .flatMap(job -> job.replicas().stream())
                    .anyMatch(replica -> replica.workerKey().equals(workerKey) && replica.isLeased());
            if (leased) {
                return true;
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return false;
    }

    /** @return the name of the org's worker (its User2), registered and ACTIVE for standard@1 with 2 slots */
    private static String activeWorker(final String org) throws Exception {
        final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
        final Worker worker = new WorkerClient(connect(org + "-user2").chaincode())
                .findSelf()
                .orElseThrow(() -> new AssertionError(org + "-user2 is not a registered worker; the gateway-client"
                        + " ITs register it (run scripts/test.sh)"));
        final WorkerOffer offer = new WorkerOffer(
                List.of("standard@1"),
                2,
                new Resources(4000, 8192, 40960),
                new Resources(0, 0, 0),
                worker.offer().attestationKeyPem());
        admin.updateOffer(worker.workerKey(), offer);
        if (worker.state() == WorkerState.PAUSED) {
            admin.resume(worker.workerKey());
        }
        return worker.name();
    }

    private static Path config(final String org, final String name) throws IOException {
        final ConnectionProfile own = profiles.load(org + "-user2", Map.of());
        final String next = ORGS.get((ORGS.indexOf(org) + 1) % ORGS.size());
        final ConnectionProfile fallback = profiles.load(next, Map.of());
        final Path dataDir = Files.createDirectories(work.resolve(org + "-data"));
        final Path file = work.resolve(org + ".yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "profile: " + own.source(),
                        "worker-name: " + name,
                        "peers:",
                        peer(own),
                        peer(fallback),
                        "slots: 2",
                        "data-dir: " + dataDir.toAbsolutePath(),
                        "heartbeat-interval: 3s",
                        "health:",
                        "  port: " + freePort(),
                        "images:",
                        "  allow: [\"povm/*\"]",
                        "drain-timeout: 20s",
                        ""));
        return file;
    }

    private static String peer(final ConnectionProfile profile) {
        return "  - endpoint: " + profile.peerEndpoint() + "\n    tls-root-cert: " + profile.tlsRootCertPath()
                + "\n    host-override: " + profile.peerHostAlias();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(final String org) throws InterruptedException {
        final DaemonProcess daemon = DAEMONS.get(org);
        final Instant until = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(until)) {
            if (!daemon.isAlive()) {
                fail("the " + org + " daemon exited:\n" + daemon.log());
            }
            if (daemon.hasStarted()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the " + org + " daemon did not start within 90 s:\n" + daemon.log());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (DaemonProcess daemon : DAEMONS.values()) {
            daemon.stop();
        }
        GATEWAYS.forEach(PovmGateway::close);
    }

    @Test
    @Order(1)
    void ten_coin_flip_jobs_with_three_replicas_are_run_by_three_orgs_and_their_results_reach_the_ledger()
            throws Exception {
        final Map<String, Integer> ks = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            final String id = unique("flip" + i);
            ks.put(id, 3 + i % 4);
            customer.submit(coinflipJob(id, ks.get(id), 3));
        }

        for (Map.Entry<String, Integer> entry : ks.entrySet()) {
            final Job job = await(entry.getKey(), j -> j.state() == JobState.RESULTS_PENDING);
            final List<Replica> reported = job.replicas().stream()
                    .filter(r -> r.state() == ReplicaState.RESULT_COMMITTED)
                    .toList();
            assertThat(reported).extracting(Replica::msp).containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
            final String expected = CoinFlip.result(entry.getKey(), entry.getValue());
            for (Replica replica : reported) {
                final ReplicaResult result = replica.result().orElseThrow();
                assertThat(result.exitCode()).isZero();
                assertThat(result.output()).contains(expected);
                assertThat(result.wallMillis()).isPositive();
            }
            assertThat(reported)
                    .extracting(r -> r.result().orElseThrow().resultHash())
                    .containsOnly(reported.get(0).result().orElseThrow().resultHash());
        }
    }

    @Test
    @Order(2)
    void a_daemon_killed_mid_job_and_restarted_reports_the_replica_exactly_once() throws Exception {
        final String id = unique("crash");
        customer.submit(JobSpec.builder(id)
                .image(coinflip)
                .command("sh", "-c", "sleep 6; echo slept")
                .env(Map.of())
                .sla("standard@1")
                .redundancy(Redundancy.kVote(1))
                .deadline(deadline())
                .build());
        final Job running = await(id, j -> j.replicas().stream().anyMatch(r -> r.state() == ReplicaState.RUNNING));
        final Replica replica = running.replicas().stream()
                .filter(r -> r.state() == ReplicaState.RUNNING)
                .findFirst()
                .orElseThrow();
        final String org = replica.msp().replace("MSP", "").toLowerCase(java.util.Locale.ROOT);
        final DaemonProcess crashed = DAEMONS.get(org);

        crashed.kill();
        crashed.start();
        awaitHealthy(org);

        final Job done = await(id, j -> j.state() == JobState.RESULTS_PENDING);
        assertThat(done.replicas()).hasSize(1);
        assertThat(done.replicas().get(0).workerKey()).isEqualTo(replica.workerKey());
        assertThat(done.replicas().get(0).result().orElseThrow().output()).contains("slept\n");
        final long reports = customer.history(id).versions().stream()
                .map(JobVersion::job)
                .flatMap(java.util.Optional::stream)
                .filter(j -> j.replicas().stream().anyMatch(r -> r.state() == ReplicaState.RESULT_COMMITTED))
                .count();
        assertThat(reports).as("versions of the job with the result reported").isEqualTo(1);
        final long journaled = Files.readAllLines(work.resolve(org + "-data").resolve("reports.journal")).stream()
                .filter(line -> line.contains("\"job\":\"" + id + "\"") && line.contains("\"stage\":\"REPORTED\""))
                .count();
        assertThat(journaled)
                .as("REPORTED entries in the restarted daemon's journal")
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_daemon_whose_peer_stops_fails_over_to_its_second_peer_and_keeps_working() throws Exception {
        final JobClient org2Customer = new JobClient(connect("org2").chaincode());
        network("stop", "org1-peer");
        try {
            final String id = unique("failover");
            org2Customer.submit(coinflipJob(id, 5, 3));

            final Job job = await(org2Customer, id, j -> j.state() == JobState.RESULTS_PENDING);
            assertThat(job.replicas().stream().filter(r -> r.state() == ReplicaState.RESULT_COMMITTED))
                    .extracting(Replica::msp)
                    .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
            assertThat(DAEMONS.get("org1").log()).contains("now connected to");
        } finally {
            network("start", "org1-peer");
        }
    }

    private static void network(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of("..", "network", "network.sh")
                .toAbsolutePath()
                .normalize()
                .toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("network.log").toFile()))
                .start();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("network.sh " + String.join(" ", args) + " failed; see " + work.resolve("network.log"));
        }
    }

    private static JobSpec coinflipJob(final String seed, final int k, final int replicas) {
        return JobSpec.builder(seed)
                .image(coinflip)
                .command("povm-coinflip")
                .env(Map.of("SEED", seed, "K", Integer.toString(k), "CHECKPOINT_EVERY", "16"))
                .sla("standard@1")
                .redundancy(Redundancy.kVote(replicas))
                .deadline(deadline())
                .build();
    }

    private static String deadline() {
        return Instant.now()
                .plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static Job await(final String id, final Predicate<Job> done) throws InterruptedException {
        return await(customer, id, done);
    }

    private static Job await(final JobClient jobs, final String id, final Predicate<Job> done)
            throws InterruptedException {
        final Instant until = Instant.now().plus(RESULTS_TIMEOUT);
        Job job = jobs.get(id);
        while (!done.test(job)) {
            if (Instant.now().isAfter(until)) {
                fail("job " + id + " did not get there within " + RESULTS_TIMEOUT + ": " + job + "\n"
                        + DAEMONS.values().stream()
                                .map(d -> "--- " + d.name() + " ---\n" + tail(d.log()))
                                .reduce("", String::concat));
            }
            Thread.sleep(1000);
            job = jobs.get(id);
        }
        return job;
    }

    private static String tail(final String log) {
        final String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length)) + "\n";
    }

    private static String unique(final String prefix) {
        return prefix + "-" + Instant.now().toEpochMilli();
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = PovmGateway.connect(profiles.load(profile, Map.of()));
        GATEWAYS.add(gateway);
        return gateway;
    }
}
