// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.Settlement;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.JobAudit;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.Ticket;
import io.povm.client.GatewayErrors;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.beacon.BeaconClient;
import io.povm.client.cli.CliContext;
import io.povm.client.cli.PovmCli;
import io.povm.client.clock.ClockClient;
import io.povm.worker.testing.ForgedTimestamp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The beacon on the real network with the three orgs' worker daemons taking part: rounds complete and recompute
 * offline; an org that withholds is recovered from the others' shares and struck; a stopped org is struck absent
 * while rounds go on; a replayed commit and a reveal that does not open its commitment are refused. The ITs first
 * make rounds fast through the beacon's governance (an org admin proposes, another approves).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeaconIT {
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(3);
    /** How long a committed transaction may take to reach the other orgs' peers. */
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DaemonNetwork network;
    private static BeaconClient beacon;
    private static BeaconClient org1Admin;
    private static BeaconClient org2Admin;
    private static BeaconConfig fast;

    @BeforeAll
    static void three_daemons_take_part_in_fast_rounds() throws Exception {
        network = new DaemonNetwork("beacon-it");
        final String channel = "povm";
        org1Admin = new BeaconClient(network.connect("org1-admin").chaincode(), channel);
        org2Admin = new BeaconClient(network.connect("org2-admin").chaincode(), channel);
        fast = new BeaconConfig(6, 2, 1000, 1, BeaconConfig.POVM, 1000, 120, 1, 10, BeaconConfig.INTERIM);
        beacon = new BeaconClient(network.connect("org1").chaincode(), channel);
        govern(fast);
        DaemonNetwork.ORGS.forEach(org -> network.beaconModes.put(org, "honest"));
        network.start();
    }

    /**
     * Puts {@code config} in force: proposed by Org1's admin, approved by Org2's. The proposal returns once Org1's
     * peer committed it; while the daemons keep blocks coming, Org2's peer can be a block behind and answer the
     * approval with NOT_FOUND, which writes nothing, so the approval is sent again until that peer has the proposal.
     */
    private static void govern(final BeaconConfig config) throws InterruptedException {
        final String id = "it-config-" + System.currentTimeMillis();
        org1Admin.proposeConfig(id, config);
        final Instant until = Instant.now().plus(PROPAGATION_TIMEOUT);
        while (true) {
            try {
                org2Admin.approveConfig(id);
                break;
            } catch (PovmClientException e) {
                if (!e.errorCode().equals(Optional.of(ErrorCode.NOT_FOUND))
                        || Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        awaitTrue(() -> beacon.config().equals(config), "config " + id + " to be in force on org1's peer");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (network != null) {
            if (beacon != null && !beacon.config().assignment().equals(BeaconConfig.INTERIM)) {
                govern(fast); // the ITs after this one run no beacon rounds: jobs must not wait for one
            }
            network.close();
        }
    }

    private static void awaitTrue(final java.util.function.BooleanSupplier condition, final String what)
            throws InterruptedException {
        final Instant until = Instant.now().plus(ROUND_TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(1000);
        }
    }

    private static long latest() {
        return beacon.latest().map(RoundView::round).orElse(0L);
    }

    /** @return the first closed round after {@code after} whose result matches, waiting up to a few rounds */
    private static RoundView closedRound(final long after, final Predicate<RoundResult> wanted, final String what)
            throws InterruptedException {
        final Instant until = Instant.now().plus(ROUND_TIMEOUT);
        long next = after + 1;
        while (Instant.now().isBefore(until)) {
            if (latest() >= next) {
                final RoundView view = beacon.round(next);
                if (view.result() != null) {
                    if (wanted.test(view.result())) {
                        return view;
                    }
                    next++;
                    continue;
                }
            }
            Thread.sleep(1000);
        }
        fail("no round after " + after + " closed with " + what + " within " + ROUND_TIMEOUT);
        return null;
    }

    private static boolean contributed(final RoundResult r, final String msp, final String how) {
        return r.contributions().contains(new RoundResult.Contribution(msp, how));
    }

    private static String cli(final int expectedExit, final String... args) {
        final StringWriter out = new StringWriter();
        final CommandLine cli = PovmCli.commandLine(CliContext.system());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args))
                .as("povm %s: %s", String.join(" ", args), out)
                .isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    @Order(1)
    void rounds_complete_with_all_three_orgs_and_recompute_offline() throws Exception {
        final RoundView round = closedRound(
                0, r -> r.strikes().isEmpty() && r.contributions().size() == 3, "all three secrets revealed");
        final RoundResult result = round.result();

        assertThat(result.contributions())
                .extracting(RoundResult.Contribution::how)
                .containsOnly(RoundResult.REVEALED);
        assertThat(beacon.verifyOffline(round)).isEmpty();
        assertThat(beacon.verifyOnChain(round.round())).containsEntry("verified", true);
        if (!round.header().tickets().isEmpty()) {
            assertThat(result.lottery().winners()).singleElement().satisfies(w -> assertThat(
                            round.header().tickets())
                    .extracting(t -> t.workerKey())
                    .contains(w.workerKey()));
        }
        final String r = Long.toString(round.round());
        assertThat(cli(0, "beacon", "verify", r, "--profile", "org2")).contains("round " + r + " verifies");
        final JsonNode lottery = JSON.readTree(cli(0, "lottery", "show", r, "--profile", "org3", "-o", "json"));
        assertThat(lottery.get("verified").asBoolean()).isTrue();
        assertThat(cli(0, "lottery", "show", r, "--profile", "org3")).contains("recomputed from the ledger's pieces");
    }

    @Test
    @Order(2)
    void a_withholding_org_is_recovered_from_the_others_shares_and_struck() throws Exception {
        final long before = latest();
        network.restartBeacon("org3", "withhold");
        final BeaconClient org3 = new BeaconClient(network.connect("org3-admin").chaincode(), "povm");

        // read through Org3's peer, which endorses the wrong reveal below: it must see the round in its reveal phase
        awaitTrue(
                () -> org3.latest()
                        .filter(v -> v.round() > before)
                        .filter(v -> "REVEAL".equals(v.phase())
                                && v.commit("Org3MSP").isPresent())
                        .filter(v -> v.reveal("Org3MSP").isEmpty())
                        .isPresent(),
                "a round waiting for Org3MSP's reveal");
        final long waiting = org3.latest().orElseThrow().round();
        final PovmClientException wrong = catchThrowableOfType(
                PovmClientException.class, () -> org3.reveal(waiting, Hex.of(BigInteger.valueOf(12345))));
        assertThat(wrong.error()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.field()).isEqualTo("secret");
        });

        final RoundView round = closedRound(
                before, r -> contributed(r, "Org3MSP", RoundResult.RECOVERED), "Org3MSP's secret recovered");

        assertThat(round.result().strikes())
                .containsExactly(new RoundResult.Strike("Org3MSP", RoundResult.Strike.WITHHELD));
        assertThat(round.recoveriesOf("Org3MSP")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(beacon.verifyOffline(round)).isEmpty();
        assertThat(round.result().lottery().excluded())
                .allSatisfy(key -> assertThat(key).startsWith("Org3MSP/"));
        assertThat(beacon.strikes("Org3MSP")).anySatisfy(s -> assertThat(s).startsWith(round.round() + ": withheld"));
    }

    @Test
    @Order(3)
    void with_one_orgs_daemon_stopped_after_it_committed_the_round_completes_by_recovery_and_the_next_without_it()
            throws Exception {
        network.restartBeacon("org3", "withhold");
        final long before = latest();
        awaitTrue(
                () -> beacon.latest()
                        .filter(v -> v.round() > before && "REVEAL".equals(v.phase()))
                        .filter(v -> v.commit("Org3MSP").isPresent()
                                && v.reveal("Org3MSP").isEmpty())
                        .isPresent(),
                "a round in which Org3MSP committed and has not revealed");
        final long committed = latest();
        network.stop("org3");

        final RoundView recovered = closedRound(committed - 1, r -> r.round() == committed, "round " + committed);
        assertThat(recovered.result().contributions())
                .as("the stopped org's secret comes out of the others' shares")
                .contains(new RoundResult.Contribution("Org3MSP", RoundResult.RECOVERED));
        final RoundView without = closedRound(committed, r -> true, "the next round");
        assertThat(without.result().strikes())
                .containsExactly(new RoundResult.Strike("Org3MSP", RoundResult.Strike.ABSENT));
        assertThat(without.result().qualified()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(beacon.verifyOffline(recovered)).isEmpty();
        assertThat(beacon.verifyOffline(without)).isEmpty();
        network.restartBeacon("org3", "honest");
    }

    @Test
    @Order(4)
    void a_replayed_commit_from_an_earlier_round_is_refused() throws Exception {
        final RoundView done = closedRound(latest() - 1, r -> true, "any closed round");
        final RoundCommit old = done.commit("Org1MSP").orElseThrow();
        final BeaconClient org1 = new BeaconClient(network.connect("org1-admin").chaincode(), "povm");

        final Optional<PovmError> replay = refusedWhileOpen(
                org1, open -> new RoundCommit(open, "Org1MSP", old.commitments(), old.shares(), null, null));
        assertThat(replay).hasValueSatisfying(e -> {
            assertThat(e.field()).isEqualTo("commit.commitments[0]");
            assertThat(e.reason()).contains("replayed");
        });
        final Optional<PovmError> verbatim = refusedWhileOpen(org1, open -> old);
        assertThat(verbatim).hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("commit.round"));
    }

    @Test
    @Order(5)
    void with_beacon_assignment_a_job_waits_for_the_first_round_opened_after_it_and_then_runs() throws Exception {
        govern(new BeaconConfig(6, 2, 1000, 1, BeaconConfig.POVM, 1000, 120, 1, 10, BeaconConfig.BEACON));
        final String id = DaemonNetwork.unique("beacon-assigned");
        final long latestAtSubmission = latest();
        network.customer.submit(network.coinflipJob(id, 4, 3));

        final PovmClientException early =
                catchThrowableOfType(PovmClientException.class, () -> network.customer.assign(id));
        if (early != null) {
            assertThat(early.error()).hasValueSatisfying(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE);
                assertThat(e.field()).isEqualTo("beacon");
                assertThat(e.reason()).contains("has not closed yet");
            });
        }
        final var job = network.await(id, j -> j.verdict().isPresent());

        assertThat(job.verdict().orElseThrow().agreed()).hasSize(3);
        assertThat(beacon.round(latestAtSubmission + 1).result())
                .as("the round whose seed assigned the job closed")
                .isNotNull();
        govern(fast);
    }

    @Test
    @Order(6)
    void with_every_job_audited_another_org_reruns_a_single_replica_job_and_the_upheld_audit_is_paid_by_a_mint()
            throws Exception {
        govern(new BeaconConfig(6, 2, 1000, 1, BeaconConfig.POVM, 1000, 120, 1, 1, BeaconConfig.INTERIM));
        try {
            final String id = DaemonNetwork.unique("audited");
            // K = 20 (about 2 million flips, a few hundred ms): the re-run is paid on the agreed wall time, and a K = 4
            // flip of a few ms rounds to 0 credits, which made the mint below 0 once in CI
            network.customer.submit(network.coinflipJob(id, 20, 1));

            final Job done = network.await(id, j -> j.state() == JobState.FINALIZED);

            final Dispute dispute =
                    done.dispute().orElseThrow(() -> new AssertionError("the finalized job was not audited: " + done));
            assertThat(dispute.audit())
                    .as("the dispute names the round that selected it")
                    .isPresent();
            assertThat(dispute.deposit()).isZero();
            assertThat(dispute.outcome()).isEqualTo(Dispute.UPHELD);
            assertThat(done.replicas()).hasSize(2);
            assertThat(done.replicas().get(1).rerun()).isTrue();
            assertThat(done.replicas().get(1).msp())
                    .as("the audit runs in another org")
                    .isNotEqualTo(done.replicas().get(0).msp());
            final JobAudit audit = network.customer.jobAudit(id);
            assertThat(audit.state()).isEqualTo(JobAudit.AUDITED);
            assertThat(audit.round()).isEqualTo(dispute.audit().get());
            final JsonNode shown = JSON.readTree(cli(0, "job", "audit", id, "--profile", "org2", "-o", "json"));
            assertThat(shown.get("state").asText()).as("povm job audit").isEqualTo(JobAudit.AUDITED);
            final RoundView round = beacon.round(audit.round());
            assertThat(round.header().auditNum()).isEqualTo(1);
            assertThat(round.header().auditDen()).isEqualTo(1);
            assertThat(round.result())
                    .as("the audit round closed before the audit began")
                    .isNotNull();
            assertThat(round.result().closedAt()).isLessThanOrEqualTo(dispute.challengedAt());

            final Settlement settlement = network.credits().settlement(id);
            assertThat(settlement.minted()).isPositive();
            assertThat(settlement.entries())
                    .filteredOn(e -> Integer.valueOf(1).equals(e.replica()))
                    .extracting(Settlement.Entry::from)
                    .containsExactly(Settlement.Entry.MINT);
            assertThat(network.credits().audit().conserved()).isTrue();
        } finally {
            govern(fast);
        }
    }

    @Test
    @Order(6)
    void a_customer_cannot_do_its_orgs_duties_and_a_forward_dated_tick_is_refused_while_the_daemons_go_on()
            throws Exception {
        final PovmGateway customerGateway = network.connect("org2");
        final ClockClient customerClock = new ClockClient(customerGateway.chaincode());
        final BeaconClient customer = new BeaconClient(customerGateway.chaincode(), "povm");
        final RoundView done = closedRound(latest() - 1, r -> true, "any closed round");
        final RoundCommit org2s = done.commit("Org2MSP").orElseThrow();
        final long open = latest() + 1;

        assertThat(refusal(() -> customerClock.tick())).isEqualTo("FORBIDDEN [caller]");
        assertThat(refusal(() -> customer.commit(
                        open, new RoundCommit(open, "Org2MSP", org2s.commitments(), org2s.shares(), null, null))))
                .isEqualTo("FORBIDDEN [caller]");
        assertThat(refusal(() -> customer.reveal(open, Hex.of(BigInteger.valueOf(12345)))))
                .isEqualTo("FORBIDDEN [caller]");

        final PovmGateway operator = network.connect("org2-admin");
        final Instant before = org2Tick(customerClock);
        final GatewayException ahead = catchThrowableOfType(
                GatewayException.class,
                () -> ForgedTimestamp.submit(operator, Instant.now().plus(Duration.ofHours(1)), "clock:Tick"));
        assertThat(ahead)
                .as("a tick dated an hour ahead is refused at endorsement")
                .isNotNull();
        assertThat(GatewayErrors.translate(ahead, "org2's peer").error()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.field()).isEqualTo("timestamp");
        });

        awaitTrue(() -> org2Tick(customerClock).isAfter(before), "Org2's daemon to tick again");
        assertThat(org2Tick(customerClock)).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
        final RoundView next = closedRound(
                latest(), r -> r.contributions().size() == 3, "a round with all three orgs after the refusals");
        assertThat(beacon.verifyOffline(next)).isEmpty();
    }

    @Test
    @Order(7)
    void
            the_round_after_a_settlement_freezes_agreed_vm_ms_times_the_multiplier_and_the_cli_recounts_it_from_the_settlement()
                    throws Exception {
        final long before = latest();
        final String id = DaemonNetwork.unique("ticketed");
        network.customer.submit(network.coinflipJob(id, 4, 3));

        final Job done = network.await(id, j -> j.state() == JobState.FINALIZED);

        final List<Settlement.Entry> payouts = network.credits().settlement(id).entries().stream()
                .filter(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .toList();
        assertThat(payouts).hasSize(3);
        final List<Long> walls = done.replicas().stream()
                .map(r -> r.result().orElseThrow().wallMillis())
                .sorted()
                .toList();
        assertThat(payouts)
                .as("every payout is on the lower-middle median of the replicas' wall times, as docs/consensus.md says")
                .extracting(Settlement.Entry::vmMillis)
                .containsOnly(walls.get((walls.size() - 1) / 2));

        final long round = ticketRound(id, before);
        awaitTrue(() -> latest() >= round, "round " + round + " to open and freeze the job's tickets");
        final List<Ticket> earned = beacon.tickets(round);
        for (final Settlement.Entry payout : payouts) {
            assertThat(earned)
                    .as(
                            "the ticket of replica %d, as docs/beacon.md says: agreed VM-ms x payout multiplier",
                            payout.replica())
                    .filteredOn(t -> t.jobId().equals(id) && t.replica() == payout.replica())
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.workerKey()).isEqualTo(payout.workerKey());
                        assertThat(t.tickets()).isEqualTo(payout.vmMillis() * payout.permille() / 1000);
                    });
        }
        final Map<String, Long> sums = new TreeMap<>();
        earned.forEach(t -> sums.merge(t.workerKey(), t.tickets(), Long::sum));
        final Map<String, Long> frozen = new TreeMap<>();
        beacon.round(round).header().tickets().forEach(t -> frozen.put(t.workerKey(), t.tickets()));
        assertThat(frozen)
                .as("the frozen totals are the sums of the round's tickets")
                .isEqualTo(sums);

        awaitTrue(() -> beacon.round(round).result() != null, "round " + round + " to close");
        final JsonNode shown =
                JSON.readTree(cli(0, "lottery", "show", Long.toString(round), "--profile", "org2", "-o", "json"));
        assertThat(shown.get("differences")).as("povm lottery show %d", round).isEmpty();
        assertThat(shown.get("verified").asBoolean()).isTrue();
        assertThat(cli(0, "lottery", "show", Long.toString(round), "--profile", "org2"))
                .contains("recomputed from the settlements that earned them")
                .contains("the frozen tickets match");
    }

    /**
     * @return the round the job's tickets were stored for: the latest round at its settlement, plus one, so one of
     *     the rounds after {@code before} up to the one after the latest now
     */
    private static long ticketRound(final String jobId, final long before) {
        for (long round = before + 1; round <= latest() + 1; round++) {
            if (beacon.tickets(round).stream().anyMatch(t -> t.jobId().equals(jobId))) {
                return round;
            }
        }
        return fail("no round after " + before + " holds tickets of " + jobId);
    }

    private static Instant org2Tick(final ClockClient clock) {
        return Instant.parse(clock.ticks().ticks().get("Org2MSP"));
    }

    /** @return the refusal's {@code CODE [field]} */
    private static String refusal(final org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        final PovmClientException e = catchThrowableOfType(PovmClientException.class, call);
        assertThat(e).as("refused").isNotNull();
        return e.error().map(err -> err.code() + " [" + err.field() + "]").orElse(e.toString());
    }

    private static Optional<PovmError> refusedWhileOpen(
            final BeaconClient client, final java.util.function.LongFunction<RoundCommit> commit)
            throws InterruptedException {
        final Instant until = Instant.now().plus(ROUND_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            final RoundView now = beacon.latest().orElseThrow();
            if (now.result() == null) {
                final PovmClientException e = catchThrowableOfType(
                        PovmClientException.class, () -> client.commit(now.round(), commit.apply(now.round())));
                assertThat(e).as("the replayed commit is refused").isNotNull();
                final Optional<PovmError> error = e.error();
                if (error.filter(err -> !err.reason().contains("is closed")).isPresent()) {
                    return error;
                }
            }
            Thread.sleep(500);
        }
        fail("no open round to replay a commit into");
        return Optional.empty();
    }
}
