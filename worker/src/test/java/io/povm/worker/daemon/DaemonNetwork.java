// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.fail;

import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.Redundancy;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerState;
import io.povm.client.PovmGateway;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.org.MembersClient;
import io.povm.client.profile.ConnectionProfile;
import io.povm.client.profile.ProfileLocator;
import io.povm.client.worker.WorkerClient;
import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.LocalImage;
import io.povm.worker.testing.TestKeys;
import io.povm.worker.testing.WorkerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Three worker daemons, one per org, each its own process from the shaded jar, on the real network in POVM_RUN_DIR
 * (scripts/test.sh) with the real Docker engine and the povm/coinflip image. Each org's second user is its worker,
 * registered by the gateway-client ITs; here it gets a fresh attestation key (its offer is updated with the public
 * half, the daemon reads the private half). Each daemon lists the next org's peer as its second peer.
 */
final class DaemonNetwork implements AutoCloseable {
    static final List<String> ORGS = List.of("org1", "org2", "org3");
    static final Duration RESULTS_TIMEOUT = Duration.ofMinutes(5);

    final Map<String, DaemonProcess> daemons = new LinkedHashMap<>();
    /** The SLAs every worker offers when {@link #start} makes it ACTIVE. */
    final List<String> slas = new ArrayList<>(List.of("standard@1"));

    final Map<String, String> workerKeys = new LinkedHashMap<>();
    private final List<PovmGateway> gateways = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final ProfileLocator profiles;
    final Path work;
    final String coinflip;
    final JobClient customer;

    DaemonNetwork(final String workDir) throws IOException {
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
        work = Files.createDirectories(Path.of("target", workDir));
        customer = new JobClient(connect("org1").chaincode());
    }

    /** Starts the three daemons, honest, and waits until they run and hold no lease. */
    DaemonNetwork start() throws Exception {
        for (String org : ORGS) {
            names.put(org, activeWorker(org));
            daemons.put(org, new DaemonProcess(org, config(org, "none"), work.resolve(org + ".log")).start());
        }
        for (String org : ORGS) {
            awaitHealthy(org);
        }
        awaitIdle();
        return this;
    }

    /** Restarts {@code org}'s daemon with {@code faultyMode} (none, wrong-answer, copy, silent). */
    void restart(final String org, final String faultyMode) throws Exception {
        daemons.get(org).stop();
        daemons.put(org, new DaemonProcess(org, config(org, faultyMode), work.resolve(org + ".log")).start());
        awaitHealthy(org);
    }

    /** Restarts {@code org}'s daemon, honest, with {@code launcher} before its java command (e.g. setpriv). */
    void restart(final String org, final List<String> launcher) throws Exception {
        daemons.get(org).stop();
        daemons.put(org, new DaemonProcess(org, config(org, "none"), work.resolve(org + ".log"), launcher).start());
        awaitHealthy(org);
    }

    /**
     * Restarts {@code org}'s daemon, honest, with {@code env} added to its environment (e.g. libfaketime's, to skew its
     * whole process's clock: {@link FakeClock}).
     */
    void restart(final String org, final Map<String, String> env) throws Exception {
        daemons.get(org).stop();
        daemons.put(
                org, new DaemonProcess(org, config(org, "none"), work.resolve(org + ".log"), List.of(), env).start());
        // a daemon whose clock runs skewed first fails over from its own peer (docs/reliability.md): 10 s more
        awaitHealthy(org, Duration.ofMinutes(3));
    }

    /**
     * Waits until no worker holds a lease: the network is shared with the gateway-client ITs, whose jobs (with
     * made-up image digests) the daemons first take up and release. A busy worker reports no free slot and would
     * not be drawn.
     */
    void awaitIdle() throws InterruptedException {
        final Instant until = Instant.now().plus(RESULTS_TIMEOUT);
        while (workerKeys.values().stream().anyMatch(this::holdsLeases)) {
            if (Instant.now().isAfter(until)) {
                fail("the workers still hold leases after " + RESULTS_TIMEOUT);
            }
            Thread.sleep(2000);
        }
        Thread.sleep(Duration.ofSeconds(4).toMillis());
    }

    private boolean holdsLeases(final String workerKey) {
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

    /**
     * @return the name of the org's worker (its User2), ACTIVE for {@link #slas} with 2 slots and a fresh attestation
     *     key whose private half is in the work directory
     */
    private String activeWorker(final String org) throws Exception {
        final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
        final Worker worker = new WorkerClient(connect(org + "-user2").chaincode())
                .findSelf()
                .orElseThrow(() -> new AssertionError(org + "-user2 is not a registered worker; the gateway-client"
                        + " ITs register it (run scripts/test.sh)"));
        final KeyPair key = TestKeys.p256();
        TestKeys.write(work.resolve(org + "-attestation.key"), TestKeys.sec1Pem(key));
        final WorkerOffer offer = new WorkerOffer(
                List.copyOf(slas),
                2,
                new Resources(4000, 8192, 40960),
                new Resources(0, 0, 0),
                TestKeys.publicPem(key));
        admin.updateOffer(worker.workerKey(), offer);
        new MembersClient(connect(org + "-admin").chaincode())
                .registerOperator(
                        Files.readString(profiles.load(org + "-user2", Map.of()).certificatePath()));
        if (worker.state() == WorkerState.PAUSED) {
            admin.resume(worker.workerKey());
        }
        workerKeys.put(org, worker.key());
        return worker.name();
    }

    /** Each org's beacon mode (honest, withhold); orgs without one take no part in beacon rounds. */
    final Map<String, String> beaconModes = new LinkedHashMap<>();

    /** Restarts {@code org}'s daemon taking part in the beacon in {@code mode} (honest, withhold). */
    void restartBeacon(final String org, final String mode) throws Exception {
        beaconModes.put(org, mode);
        restart(org, "none");
    }

    /** Stops {@code org}'s daemon (it stays stopped until restarted). */
    void stop(final String org) throws Exception {
        daemons.get(org).stop();
    }

    /** @return the org's beacon key file, written by network.sh deploy */
    static Path beaconKeyFile(final String org) {
        return Path.of(System.getenv(ProfileLocator.RUN_DIR_VARIABLE), "beacon", org + ".key");
    }

    private Path config(final String org, final String faultyMode) throws IOException {
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
                        "worker-name: " + names.get(org),
                        "peers:",
                        peer(own),
                        peer(fallback),
                        "slots: 2",
                        "data-dir: " + dataDir.toAbsolutePath(),
                        "attestation-key-file: "
                                + work.resolve(org + "-attestation.key").toAbsolutePath(),
                        "faulty-mode: " + faultyMode,
                        "heartbeat-interval: 3s",
                        "health:",
                        "  port: " + WorkerFiles.freePort(),
                        "images:",
                        "  allow: [\"povm/*\"]",
                        "drain-timeout: 20s",
                        beaconModes.containsKey(org)
                                ? "beacon:\n  key-file: " + beaconKeyFile(org) + "\n  mode: " + beaconModes.get(org)
                                        // the beacon ITs watch rounds follow each other with no job waiting
                                        + "\n  rounds: cadence"
                                : "",
                        ""));
        return file;
    }

    private static String peer(final ConnectionProfile profile) {
        return "  - endpoint: " + profile.peerEndpoint() + "\n    tls-root-cert: " + profile.tlsRootCertPath()
                + "\n    host-override: " + profile.peerHostAlias();
    }

    void awaitHealthy(final String org) throws InterruptedException {
        awaitHealthy(org, Duration.ofSeconds(90));
    }

    /** Waits at most {@code timeout} until {@code org}'s daemon says it started; fails when it exits. */
    void awaitHealthy(final String org, final Duration timeout) throws InterruptedException {
        final DaemonProcess daemon = daemons.get(org);
        final Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!daemon.isAlive()) {
                fail("the " + org + " daemon exited:\n" + daemon.log());
            }
            if (daemon.hasStarted()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the " + org + " daemon did not start within " + timeout.toSeconds() + " s:\n" + daemon.log());
    }

    JobSpec coinflipJob(final String seed, final int k, final int replicas) {
        return JobSpec.builder(seed)
                .image(coinflip)
                .command("povm-coinflip")
                .env(Map.of("SEED", seed, "K", Integer.toString(k), "CHECKPOINT_EVERY", "16"))
                .sla("standard@1")
                .redundancy(Redundancy.kVote(replicas))
                .deadline(deadline())
                .build();
    }

    static String deadline() {
        return Instant.now()
                .plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    Job await(final String id, final Predicate<Job> done) throws InterruptedException {
        return await(customer, id, done);
    }

    Job await(final JobClient jobs, final String id, final Predicate<Job> done) throws InterruptedException {
        final Instant until = Instant.now().plus(RESULTS_TIMEOUT);
        Job job = jobs.get(id);
        while (!done.test(job)) {
            if (Instant.now().isAfter(until)) {
                fail("job " + id + " did not get there within " + RESULTS_TIMEOUT + ": " + job + "\n"
                        + daemons.values().stream()
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

    static String unique(final String prefix) {
        return prefix + "-" + Instant.now().toEpochMilli();
    }

    /** @return a credit client of Org1's customer identity */
    CreditClient credits() {
        return new CreditClient(connect("org1").chaincode());
    }

    /** @return the track record of the org's worker, as the ledger holds it */
    WorkerRecord record(final String org) {
        return new WorkerClient(connect("org1").chaincode()).record(WorkerKey.parse(workerKeys.get(org), "workerKey"));
    }

    PovmGateway connect(final String profile) {
        final PovmGateway gateway = PovmGateway.connect(profiles.load(profile, Map.of()));
        gateways.add(gateway);
        return gateway;
    }

    @Override
    public void close() throws InterruptedException {
        for (DaemonProcess daemon : daemons.values()) {
            daemon.stop();
        }
        gateways.forEach(PovmGateway::close);
    }
}
