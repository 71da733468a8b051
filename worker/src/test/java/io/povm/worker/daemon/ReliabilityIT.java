// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.LeaseTerms;
import io.povm.api.Redundancy;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.VmTerms;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.sla.SlaClient;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.FaultyPlan;
import io.povm.worker.job.CoinFlip;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite ({@code scripts/reliability}, docs/reliability.md): faults injected into the real network
 * while the three orgs' daemons run coin-flip jobs, each scenario repeated with seeded random timing and ended by
 * the same {@link Invariants}. {@code -Dpovm.reliability=quick} (the default, inside the README's test command) runs
 * each scenario once or twice; {@code full} more often. {@code -Dpovm.reliability.seed=N} replays a run's timing.
 * Every run appends its rows to {@code target/reliability/report.md} and {@code report.json}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {
    private static final String MODE = System.getProperty("povm.reliability", "quick");
    private static final boolean FULL = MODE.equals("full");
    private static final long SEED = Long.getLong("povm.reliability.seed", System.currentTimeMillis());
    private static final Set<JobState> FINAL =
            Set.of(JobState.FINALIZED, JobState.EXPIRED, JobState.CANCELLED, JobState.FAILED);
    private static final Duration FINAL_TIMEOUT = Duration.ofMinutes(6);

    private static final Random RANDOM = new Random(SEED);
    private static DaemonNetwork network;
    private static Invariants invariants;
    private static String sla;
    private static final ReliabilityReport REPORT = new ReliabilityReport(MODE, SEED, Path.of("target", "reliability"));

    @BeforeAll
    static void three_daemons_and_an_sla_with_a_short_challenge_window() throws Exception {
        System.out.println("ReliabilityIT: mode " + MODE + ", seed " + SEED + " (-Dpovm.reliability.seed to replay)");
        healLeftovers();
        network = new DaemonNetwork("reliability-it");
        sla = shortChallengeWindow();
        network.slas.add(sla);
        network.start();
        final Map<String, Path> journals = new LinkedHashMap<>();
        DaemonNetwork.ORGS.forEach(org -> journals.put(org, network.work.resolve(org + "-data/reports.journal")));
        invariants = new Invariants(network.customer, network.credits(), journals, network.workerKeys);
    }

    /**
     * The default SLA's terms with a 5 s challenge window, so that a decided job is finalized within seconds, and a
     * 60 s max wall, so that a replica stranded by a fault holds its lease for 90 s, not 10 min.
     */
    private static String shortChallengeWindow() throws InterruptedException {
        final SlaSpec terms = new SlaSpec(
                "reliability-" + Instant.now().toEpochMilli(),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(60)
                        .minBenchmarkOpsPerSec(1000)
                        .pricePerVmSecond(100)
                        .build(),
                new JobLimits(1_048_576, 1_048_576),
                Optional.of(new LeaseTerms(60, 30, 60, 5)));
        final PovmGateway org1 = network.connect("org1-admin");
        final PovmGateway org2 = network.connect("org2-admin");
        final String ref = new SlaClient(org1.chaincode()).propose(terms).ref().toString();
        final SlaClient voter = new SlaClient(org2.chaincode());
        final Instant until = Instant.now().plusSeconds(30);
        while (true) {
            try {
                voter.approve(ref); // Org2's peer may not have the proposal yet: NOT_FOUND writes nothing
                final SlaClient[] peers = {
                    new SlaClient(network.connect("org1").chaincode()),
                    new SlaClient(network.connect("org2").chaincode()),
                    new SlaClient(network.connect("org3").chaincode())
                };
                for (final SlaClient peer : peers) { // each org's peer has it ACTIVE before its worker offers it
                    while (peer.find(ref).map(s -> s.state() != SlaState.ACTIVE).orElse(true)) {
                        if (Instant.now().isAfter(until)) {
                            throw new AssertionError(ref + " is not ACTIVE on every peer after 30 s");
                        }
                        Thread.sleep(200);
                    }
                }
                return ref;
            } catch (PovmClientException e) {
                if (Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Removes partition rules a killed run left behind (only this network's, by their tag). */
    private static void healLeftovers() {
        try {
            LoopbackPartition.ofRunDir().heal();
        } catch (java.io.IOException e) {
            if (FULL) {
                throw new java.io.UncheckedIOException("the partition scenario needs iptables", e);
            }
            System.out.println("ReliabilityIT: no partition rules cleared: " + e.getMessage());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        healLeftovers();
        REPORT.write();
        if (network != null) {
            network.close();
        }
    }

    /**
     * A fault injected while a scenario's jobs run, and healed; {@code round} counts from 1.
     *
     * @return the jobs the fault itself submitted, with their answers, checked with the scenario's
     */
    @FunctionalInterface
    interface Fault {
        Map<String, String> inject(int round) throws Exception;
    }

    /** A scenario's own check after the invariants, over its jobs: returns what broke, in words. */
    @FunctionalInterface
    interface AfterCheck {
        List<String> check(Map<String, String> answers) throws Exception;
    }

    private static void scenario(final String name, final String injected, final int times, final Fault fault)
            throws Exception {
        scenario(name, injected, times, fault, answers -> List.of());
    }

    /**
     * Runs the scenario {@code times} times: submits jobs, injects the fault (which also heals it), waits until every
     * job is final, then checks the invariants and {@code after} over all the scenario's jobs; records the row and
     * fails on any break.
     */
    private static void scenario(
            final String name, final String injected, final int times, final Fault fault, final AfterCheck after)
            throws Exception {
        scenario(name, injected, times, fault, after, FULL ? 6 : 3);
    }

    /** As above, with {@code jobs} jobs submitted per round. */
    private static void scenario(
            final String name,
            final String injected,
            final int times,
            final Fault fault,
            final AfterCheck after,
            final int jobs)
            throws Exception {
        final Instant started = Instant.now();
        final Map<String, String> answers = new LinkedHashMap<>();
        for (int round = 1; round <= times; round++) {
            answers.putAll(submit(name, jobs));
            answers.putAll(fault.inject(round));
        }
        final List<String> broken = new ArrayList<>();
        for (final String id : answers.keySet()) {
            if (!awaitFinal(id)) {
                broken.add(id + ": not final within " + FINAL_TIMEOUT + " after the fault healed");
            }
        }
        broken.addAll(invariants.check(answers));
        broken.addAll(after.check(answers));
        final long lost = broken.stream()
                .filter(b -> b.contains("not final") || b.contains("still "))
                .count();
        REPORT.add(name, injected, times, answers.size(), lost, broken, Duration.between(started, Instant.now()));
        assertThat(broken).as("invariants after %s (seed %d)", name, SEED).isEmpty();
    }

    /** @return the submitted coin-flip jobs (k = 3, a random K) with their answers recomputed here */
    private static Map<String, String> submit(final String scenario, final int count) {
        final Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            final String id = DaemonNetwork.unique("rel-" + scenario + "-" + i);
            final int k = 8 + RANDOM.nextInt(7);
            final JobSpec spec = JobSpec.builder(id)
                    .image(network.coinflip)
                    .command("povm-coinflip")
                    .env(Map.of("SEED", id, "K", Integer.toString(k), "CHECKPOINT_EVERY", "4096"))
                    .sla(sla)
                    .redundancy(Redundancy.kVote(3))
                    .deadline(DaemonNetwork.deadline())
                    .build();
            network.customer.submit(spec);
            answers.put(id, CoinFlip.result(id, k));
        }
        return answers;
    }

    private static boolean awaitFinal(final String id) throws InterruptedException {
        final Instant until = Instant.now().plus(FINAL_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            try {
                if (FINAL.contains(network.customer.get(id).state())) {
                    return true;
                }
            } catch (PovmClientException e) {
                // a peer still catching up after a fault: ask again
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static String randomOrg() {
        return DaemonNetwork.ORGS.get(RANDOM.nextInt(DaemonNetwork.ORGS.size()));
    }

    private static void pause(final int minMillis, final int maxMillis) throws InterruptedException {
        Thread.sleep(minMillis + RANDOM.nextInt(maxMillis - minMillis + 1));
    }

    @Test
    @Order(1)
    void a_daemon_killed_at_a_random_moment_and_restarted_loses_and_doubles_nothing() throws Exception {
        scenario(
                "daemon-kill",
                "kill -9 of one org's worker daemon 0.5-6 s into its jobs, restarted 0-3 s later",
                FULL ? 5 : 2,
                round -> {
                    pause(500, 6000);
                    final String org = randomOrg();
                    final DaemonProcess daemon = network.daemons.get(org);
                    daemon.kill();
                    pause(0, 3000);
                    daemon.start();
                    network.awaitHealthy(org);
                    return Map.of();
                });
    }

    @Test
    @Order(2)
    void a_chaincode_server_killed_while_jobs_run_is_endorsed_around_and_its_peer_goes_on_once_it_is_back()
            throws Exception {
        scenario(
                "chaincode-server-kill",
                "kill -9 of one org's chaincode server, started again 3-8 s later",
                FULL ? 3 : 1,
                round -> {
                    pause(500, 4000);
                    final String node = randomOrg() + "-cc";
                    NetworkNodes.crash(node);
                    pause(3000, 8000);
                    NetworkNodes.start(node);
                    return Map.of();
                });
    }

    @Test
    @Order(3)
    void a_peer_killed_under_its_daemon_mid_job_loses_nothing_and_the_daemon_works_on_once_it_is_back()
            throws Exception {
        final Map<String, Integer> journalLines = new LinkedHashMap<>();
        final List<String> killed = new ArrayList<>();
        scenario(
                "peer-kill",
                "kill -9 of one org's peer (its daemon's first peer) 0.5-6 s into the jobs, started again 3-8 s later"
                        + (FULL ? "; in round 2 also that daemon's second peer (2 of 3 peers down)" : ""),
                FULL ? 3 : 1,
                round -> {
                    pause(500, 6000);
                    final String org = randomOrg();
                    final List<String> peers = new ArrayList<>(List.of(org));
                    if (FULL && round == 2) {
                        peers.add(DaemonNetwork.ORGS.get((DaemonNetwork.ORGS.indexOf(org) + 1) % 3));
                    }
                    for (final String peer : peers) {
                        NetworkNodes.crash(peer + "-peer");
                    }
                    pause(3000, 8000);
                    for (final String peer : peers) {
                        NetworkNodes.start(peer + "-peer");
                    }
                    assertThat(network.daemons.get(org).isAlive())
                            .as("the %s daemon outlives its peer", org)
                            .isTrue();
                    journalLines.put(org, journalLines(org));
                    killed.addAll(peers);
                    return submit("after-peer-kill", 1);
                },
                answers -> {
                    final List<String> broken = new ArrayList<>();
                    for (final Map.Entry<String, Integer> entry : journalLines.entrySet()) {
                        if (!revealedSince(entry.getKey(), entry.getValue())) {
                            broken.add("the " + entry.getKey() + " daemon revealed no result after its peer was back");
                        }
                        REPORT.note(
                                "peer-kill", "the " + entry.getKey() + " daemon's log: " + failovers(entry.getKey()));
                    }
                    for (final String org : new java.util.TreeSet<>(killed)) {
                        broken.addAll(caughtUp(org, answers.keySet()));
                    }
                    return broken;
                });
    }

    private static Path journal(final String org) {
        return network.work.resolve(org + "-data/reports.journal");
    }

    private static int journalLines(final String org) throws java.io.IOException {
        return java.nio.file.Files.exists(journal(org))
                ? java.nio.file.Files.readAllLines(journal(org)).size()
                : 0;
    }

    private static boolean revealedSince(final String org, final int line) throws java.io.IOException {
        final List<String> lines = java.nio.file.Files.readAllLines(journal(org));
        return lines.subList(Math.min(line, lines.size()), lines.size()).stream()
                .anyMatch(l -> l.contains("\"REVEALED\""));
    }

    /** @return the daemon log's peer failovers and reconnections, counted */
    private static String failovers(final String org) {
        final List<String> lines = network.daemons.get(org).log().lines().toList();
        final long failed = lines.stream()
                .filter(l -> l.contains("failed; now connected to"))
                .count();
        final long connected =
                lines.stream().filter(l -> l.contains("connected to peer")).count();
        return failed + " failovers, " + connected + " connections opened in all";
    }

    /**
     * @return what is missing on {@code org}'s peer, asked through it (at most 3 min): every job in the state the
     *     rest of the network has it in
     */
    private static List<String> caughtUp(final String org, final java.util.Collection<String> ids)
            throws InterruptedException {
        final io.povm.client.job.JobClient through =
                new io.povm.client.job.JobClient(network.connect(org).chaincode());
        final Instant until = Instant.now().plus(Duration.ofMinutes(3));
        final List<String> behind = new ArrayList<>();
        for (final String id : ids) {
            final JobState expected = network.customer.get(id).state();
            Optional<JobState> seen = Optional.empty();
            while (Instant.now().isBefore(until)) {
                try {
                    seen = Optional.of(through.get(id).state());
                } catch (PovmClientException e) {
                    seen = Optional.empty();
                }
                if (seen.equals(Optional.of(expected))) {
                    break;
                }
                Thread.sleep(1000);
            }
            if (!seen.equals(Optional.of(expected))) {
                behind.add(org + "'s peer has " + id + " "
                        + seen.map(Enum::name).orElse("not at all") + ", the others " + expected);
            }
        }
        return behind;
    }

    @Test
    @Order(4)
    void with_two_of_three_orderers_gone_writes_stop_with_a_clear_error_and_resume_when_one_is_back() throws Exception {
        scenario(
                "orderer-kill",
                "kill -9 of one orderer (a job submitted), then a second (a submission refused); one started"
                        + " again (the refused job goes through on 2 of 3), then the other",
                FULL ? 2 : 1,
                round -> {
                    final List<Integer> orderers = new ArrayList<>(List.of(1, 2, 3));
                    java.util.Collections.shuffle(orderers, RANDOM);
                    pause(500, 3000);
                    NetworkNodes.crash("orderer" + orderers.get(0));
                    final Map<String, String> during = submit("one-orderer-down", 1);
                    NetworkNodes.crash("orderer" + orderers.get(1));
                    awaitNoLeader(orderers.get(2));
                    final String id = DaemonNetwork.unique("rel-no-quorum");
                    final JobSpec spec = coinflip(id, 8);
                    final PovmClientException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                            PovmClientException.class, () -> network.customer.submit(spec));
                    assertThat(refused)
                            .as("a submission without an ordering quorum fails with an error")
                            .isNotNull();
                    assertThat(refused.kind()).isEqualTo(PovmClientException.Kind.UNAVAILABLE);
                    assertThat(refused.getMessage())
                            .as("the error names the ordering service, not the peer it went through")
                            .contains("the ordering service did not take the transaction");
                    NetworkNodes.start("orderer" + orderers.get(1));
                    final Instant back = Instant.now();
                    final Job resubmitted = resubmit(spec);
                    assertThat(resubmitted.id()).isEqualTo(id);
                    REPORT.note(
                            "orderer-kill",
                            "round " + round + ", with 2 of 3 orderers down: " + refused.kind() + ": "
                                    + refused.getMessage().lines().findFirst().orElse("") + " (hint: "
                                    + refused.hint().orElse("none") + "); with one back the same submission went"
                                    + " through after "
                                    + Duration.between(back, Instant.now()).toSeconds() + " s");
                    NetworkNodes.start("orderer" + orderers.get(0));
                    final Map<String, String> submitted = new LinkedHashMap<>(during);
                    submitted.put(id, CoinFlip.result(id, 8));
                    return submitted;
                });
    }

    /**
     * Waits (at most 20 s) until the one orderer left no longer leads: a leader that lost its quorum still takes
     * transactions until it steps down (Raft check-quorum, one election timeout), which then never commit.
     */
    private static void awaitNoLeader(final int orderer) throws Exception {
        final int basePort = LoopbackPartition.ofRunDir().basePort();
        final Instant until = Instant.now().plusSeconds(20);
        while (NetworkNodes.isRaftLeader(basePort, orderer) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
    }

    private static JobSpec coinflip(final String id, final int k) {
        return JobSpec.builder(id)
                .image(network.coinflip)
                .command("povm-coinflip")
                .env(Map.of("SEED", id, "K", Integer.toString(k), "CHECKPOINT_EVERY", "4096"))
                .sla(sla)
                .redundancy(Redundancy.kVote(3))
                .deadline(DaemonNetwork.deadline())
                .build();
    }

    @Test
    @Order(5)
    void an_org_cut_off_by_a_partition_leaves_the_majority_going_and_catches_up_once_healed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FULL, "the partition runs in the full form only");
        final LoopbackPartition partition = LoopbackPartition.ofRunDir();
        // Org1 is the harness's customer, whose submissions during the cut show that the majority goes on
        final String org = List.of("org2", "org3").get(RANDOM.nextInt(2));
        final int index = DaemonNetwork.ORGS.indexOf(org) + 1;
        partition.heal();
        NetworkNodes.stop(org + "-peer");
        NetworkNodes.start(org + "-peer", partition.inGroup());
        network.restart(org, partition.inGroup());
        try {
            scenario(
                    "partition",
                    "org2 or org3 cut off (iptables DROP both ways between its peer and daemon and the orderers and"
                            + " the other peers) 1-5 s into the jobs, a job submitted through Org1 meanwhile, healed"
                            + " 20-40 s later",
                    FULL ? 2 : 1,
                    round -> {
                        pause(1000, 5000);
                        partition.cut(index);
                        final Instant cut = Instant.now();
                        final String id = DaemonNetwork.unique("rel-during-partition");
                        resubmit(coinflip(id, 8));
                        final long submitted =
                                Duration.between(cut, Instant.now()).toSeconds();
                        final long rest =
                                20_000 - Duration.between(cut, Instant.now()).toMillis();
                        Thread.sleep(Math.max(0, rest) + RANDOM.nextInt(20_001));
                        final long dropped = partition.droppedPackets();
                        final long held = Duration.between(cut, Instant.now()).toSeconds();
                        partition.heal();
                        REPORT.note(
                                "partition",
                                "round " + round + ": " + org + " cut for " + held + " s; a job submitted through"
                                        + " Org1 meanwhile committed after " + submitted + " s; " + dropped
                                        + " packets dropped");
                        assertThat(dropped).as("the cut dropped packets").isPositive();
                        return Map.of(id, CoinFlip.result(id, 8));
                    },
                    answers -> caughtUp(org, answers.keySet()));
        } finally {
            partition.heal();
        }
    }

    @Test
    @Order(6)
    void an_org_whose_daemon_clock_runs_minutes_ahead_or_behind_loses_nothing_and_deadlines_close_by_the_majority()
            throws Exception {
        // a clock ahead holds the jobs whose windows its (bounded) timestamps opened up to 2 min longer: full form only
        final List<Duration> skews = FULL ? List.of(SKEW, SKEW.negated(), SKEW, SKEW.negated()) : List.of(SKEW_QUICK);
        scenario(
                "clock-skew",
                "one random org's daemon restarted with its whole process's clock skewed by libfaketime ("
                        + skews.stream()
                                .map(FakeClock::format)
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                        + "), jobs run to the end under the skew"
                        + (FULL ? ", then restarted with the host's clock" : ""),
                skews.size(),
                round -> skewed(skews.get(round - 1)),
                answers -> List.of(),
                // the quick form's time is the CI's: only the jobs run under the skew
                FULL ? 6 : 0);
    }

    /** How far the clock-skew scenario moves one org's daemon's clock, either way. */
    private static final Duration SKEW = Duration.ofMinutes(3);

    /** The quick form's skew, unless -Dpovm.reliability.skew=SECONDS says otherwise. */
    private static final Duration SKEW_QUICK = Duration.ofSeconds(Long.getLong("povm.reliability.skew", -180));

    /**
     * Restarts a random org's daemon with its clock {@code skew} off, runs jobs until they are final, checks what
     * docs/leases.md promises of the clock, and restarts the daemon with the host's clock.
     *
     * @return the jobs run under the skew, with their answers
     */
    private static Map<String, String> skewed(final Duration skew) throws Exception {
        final String org = randomOrg();
        final String msp = "Org" + org.substring(3) + "MSP";
        final int logBefore = network.daemons.get(org).log().length();
        network.restart(org, FakeClock.skewed(skew));
        final Instant started = Instant.now();
        final int linesBefore = journalLines(org);
        final Map<String, String> jobs = submit("under-skew", FULL ? 4 : 3);
        for (final String id : jobs.keySet()) {
            assertThat(awaitFinal(id))
                    .as("%s final while %s's clock runs %s", id, org, FakeClock.format(skew))
                    .isTrue();
        }
        final long seconds = Duration.between(started, Instant.now()).toSeconds();
        assertThat(network.daemons.get(org).isAlive())
                .as("the %s daemon outlives its clock skew of %s", org, FakeClock.format(skew))
                .isTrue();
        final java.util.SortedMap<String, String> ticks = new io.povm.client.clock.ClockClient(
                        network.connect("org1").chaincode())
                .ticks()
                .ticks();
        final Instant own = Instant.parse(ticks.get(msp));
        final List<Instant> others = ticks.entrySet().stream()
                .filter(e -> !e.getKey().equals(msp))
                .map(e -> Instant.parse(e.getValue()))
                .sorted()
                .toList();
        final Instant freshestOther = others.get(others.size() - 1);
        if (skew.isNegative()) {
            assertThat(own)
                    .as("%s's tick lags behind both other orgs' (a clock %s)", org, FakeClock.format(skew))
                    .isBefore(others.get(0));
        } else {
            assertThat(own)
                    .as("%s's tick, held as a claim, counts exactly 60 s past the freshest other org's", org)
                    .isEqualTo(freshestOther.plus(Duration.ofSeconds(60)));
        }
        final String all = network.daemons.get(org).log();
        final String log = all.substring(Math.min(logBefore, all.length()));
        REPORT.note(
                "clock-skew",
                org + " " + FakeClock.format(skew) + ": " + jobs.size() + " jobs final in " + seconds + " s; its"
                        + " counted tick "
                        + Duration.between(freshestOther, own).toSeconds() + " s from the"
                        + " freshest other org's; its daemon revealed " + revealedSince(org, linesBefore, "REVEALED")
                        + " results meanwhile and logged " + count(log, "the clock tick was refused")
                        + " refused ticks");
        if (FULL) {
            network.restart(org, Map.of());
        } // the quick form's skew is its last scenario (the Byzantine one restarts every daemon): saves a restart
        return jobs;
    }

    private static long revealedSince(final String org, final int line, final String stage) throws java.io.IOException {
        final List<String> lines = java.nio.file.Files.readAllLines(journal(org));
        return lines.subList(Math.min(line, lines.size()), lines.size()).stream()
                .filter(l -> l.contains("\"" + stage + "\""))
                .count();
    }

    private static long count(final String text, final String words) {
        return text.split(java.util.regex.Pattern.quote(words), -1).length - 1L;
    }

    @Test
    @Order(7)
    void byzantine_workers_drawn_at_random_per_replica_are_caught_and_no_honest_worker_is_accused() throws Exception {
        final int jobs = Integer.getInteger("povm.reliability.byzantine.jobs", FULL ? 60 : 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(jobs > 0, "the Byzantine workers run in the full form only");
        final FaultyPlan plan = FaultyPlan.random(SEED, BYZANTINE_PROBABILITY);
        final ByzantineTally tally = new ByzantineTally();
        try {
            for (final String org : DaemonNetwork.ORGS) {
                network.restart(org, plan.configName());
            }
            scenario(
                    "byzantine",
                    jobs + " jobs; every daemon runs faulty-mode " + plan.configName() + ": in "
                            + Math.round(BYZANTINE_PROBABILITY * 100) + "% of the jobs one replica (index and mode"
                            + " drawn from the seed and the job id) is wrong-answer, copy, silent or inflate-usage",
                    1,
                    round -> Map.of(),
                    answers -> {
                        final List<String> broken = tally.check(plan, answers.keySet());
                        REPORT.note("byzantine", tally.toString());
                        return broken;
                    },
                    jobs);
        } finally {
            for (final String org : DaemonNetwork.ORGS) {
                network.restart(org, "none");
            }
        }
        assertThat(tally.falseAccusations)
                .as("honest replicas accused (seed %d)", SEED)
                .isEmpty();
    }

    /** The share of jobs in which the Byzantine scenario's plan spoils one replica. */
    private static final double BYZANTINE_PROBABILITY = 0.6;

    /** What the Byzantine scenario counted: each faulty replica caught or not, and honest replicas accused. */
    private static final class ByzantineTally {
        private final Map<FaultyMode, int[]> caught = new java.util.EnumMap<>(FaultyMode.class);
        private final List<String> falseAccusations = new ArrayList<>();
        private int honest;

        /** @return what broke: an honest replica accused, or a wrong-answer, copy or silent replica not caught */
        List<String> check(final FaultyPlan plan, final java.util.Collection<String> ids) {
            final List<String> broken = new ArrayList<>();
            for (final String id : ids) {
                final Job job = network.customer.get(id);
                final Optional<io.povm.api.Verdict> verdict = job.verdict();
                for (final io.povm.api.Replica replica : job.replicas()) {
                    final FaultyMode mode = plan.modeFor(id, replica.index(), 3);
                    final boolean accused = verdict.map(v -> v.disagreed().contains(replica.workerKey())
                                    || v.timedOut().contains(replica.workerKey())
                                    || v.faulted().contains(replica.workerKey()))
                            .orElse(false);
                    final String where = id + " replica " + replica.index() + " (" + replica.workerKey() + ", "
                            + replica.state() + ")";
                    if (mode == FaultyMode.NONE) {
                        honest++;
                        if (accused) {
                            falseAccusations.add(where + ": honest, accused by verdict " + verdict.get());
                        }
                        continue;
                    }
                    final boolean counted = verdict.map(v -> v.agreed().contains(replica.workerKey()))
                            .orElse(false);
                    final boolean detected = mode == FaultyMode.INFLATE_USAGE ? counted : accused;
                    caught.computeIfAbsent(mode, m -> new int[2])[detected ? 0 : 1]++;
                    if (!detected) {
                        broken.add(where + ": " + mode.configName()
                                + (mode == FaultyMode.INFLATE_USAGE
                                        ? ", its right answer not counted"
                                        : " not caught: verdict "
                                                + verdict.map(Object::toString).orElse("none")));
                    }
                }
            }
            broken.addAll(falseAccusations);
            return broken;
        }

        @Override
        public String toString() {
            final int spoiled =
                    caught.values().stream().mapToInt(c -> c[0] + c[1]).sum();
            final int detected = caught.entrySet().stream()
                    .filter(e -> e.getKey() != FaultyMode.INFLATE_USAGE)
                    .mapToInt(e -> e.getValue()[0])
                    .sum();
            final int cheats = caught.entrySet().stream()
                    .filter(e -> e.getKey() != FaultyMode.INFLATE_USAGE)
                    .mapToInt(e -> e.getValue()[0] + e.getValue()[1])
                    .sum();
            final StringBuilder out = new StringBuilder();
            caught.forEach((mode, c) -> out.append(mode.configName())
                    .append(' ')
                    .append(c[0])
                    .append('/')
                    .append(c[0] + c[1])
                    .append(mode == FaultyMode.INFLATE_USAGE ? " answer counted; " : " caught; "));
            return spoiled + " faulty replicas: " + out + "detection " + detected + "/" + cheats
                    + " of wrong answers, copies and silences; " + honest + " honest replicas, "
                    + falseAccusations.size() + " accused";
        }
    }

    /** Submits again until the ordering service takes it (the same spec by the same caller is idempotent). */
    private static Job resubmit(final JobSpec spec) throws InterruptedException {
        final Instant until = Instant.now().plusSeconds(120);
        while (true) {
            try {
                return network.customer.submit(spec);
            } catch (PovmClientException e) {
                if (Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }
}
