// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAccount;
import io.povm.api.CreditSupply;
import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.api.beacon.BeaconParty;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.SeedDerivation;
import io.povm.api.beacon.ShareCipher;
import io.povm.api.beacon.Ticket;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.credit.CreditLedger;
import io.povm.chaincode.org.MemberLedger;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The beacon's round protocol on an in-memory ledger: three member orgs register keys, deal, check, reveal (or are
 * recovered) and close; the seed, strikes, lottery and reward follow the design note, and every bad piece is refused
 * with nothing written.
 */
class BeaconRoundsTest {
    private static final List<String> ORGS = List.of("Org1MSP", "Org2MSP", "Org3MSP");
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final LedgerFake ledger = new LedgerFake();
    private final BeaconContract contract = new BeaconContract();
    private final Map<String, BigInteger> beaconKeys = new LinkedHashMap<>();
    private final Map<String, Feldman> polynomials = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom(new byte[] {7});
    private int tx;

    private static Signer client(final String msp) {
        final String org = "org" + msp.charAt(3) + ".example.com";
        return new Signer(
                "client",
                msp,
                "CN=User1@" + org + ", OU=client, L=X, C=US",
                "x509::CN=User1@" + org + ",OU=client::CN=ca." + org);
    }

    private static Signer admin(final String msp) {
        final String org = "org" + msp.charAt(3) + ".example.com";
        return new Signer(
                "admin",
                msp,
                "CN=Admin@" + org + ", OU=admin, L=X, C=US",
                "x509::CN=Admin@" + org + ",OU=admin::CN=ca." + org);
    }

    private LedgerFake as(final Signer signer, final Instant at) {
        return ledger.transaction("tx-" + (++tx), at).signedBy(signer);
    }

    private LedgerFake as(final String msp) {
        return as(client(msp), T0.plusSeconds(1 + tx));
    }

    @BeforeEach
    void members_with_beacon_keys() {
        org.mockito.Mockito.when(ledger.stub.getChannelId()).thenReturn("povm");
        ledger.committed(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        ORGS, new Submitter("Org1MSP", "x509::admin"), "2026-11-01T00:00:00.000Z", "tx-boot")));
        for (int i = 0; i < ORGS.size(); i++) {
            final String msp = ORGS.get(i);
            beaconKeys.put(msp, BigInteger.valueOf(1000 + i));
            as(admin(msp), T0);
            contract.RegisterKey(ledger.ctx, ShareCipher.publicKey(beaconKeys.get(msp)));
        }
        // each org's User1 stands for its operator, whose word the round's pieces are (DutyAccessControlTest)
        for (final String msp : List.of("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP")) {
            Operators.register(ledger.stub, msp, client(msp).id());
        }
    }

    private void tick(final String msp, final Instant at) {
        ledger.state.put(
                new CompositeKey("clock", msp).toString(),
                io.povm.chaincode.TxTime.iso(at).getBytes(StandardCharsets.UTF_8));
    }

    private RoundHeader open() {
        as("Org1MSP");
        return PovmJson.read(contract.OpenRound(ledger.ctx), RoundHeader.class);
    }

    private RoundView view(final long round) {
        as("Org1MSP");
        return PovmJson.read(contract.GetRound(ledger.ctx, Long.toString(round)), RoundView.class);
    }

    private void commit(final RoundHeader header, final String msp) {
        final Feldman polynomial = Feldman.random(header.threshold(), random);
        polynomials.put(msp, polynomial);
        final RoundCommit commit = BeaconParty.deal(header, msp, polynomial, random);
        as(msp);
        contract.CommitRound(ledger.ctx, Long.toString(header.round()), PovmJson.write(commit));
    }

    private void check(final long round, final String msp) {
        final RoundCheck check = BeaconParty.check("povm", view(round), msp, beaconKeys.get(msp), random);
        as(msp);
        contract.CheckShares(ledger.ctx, Long.toString(round), PovmJson.write(check));
    }

    private void reveal(final long round, final String msp) {
        as(msp);
        contract.RevealRound(
                ledger.ctx, Long.toString(round), Hex.of(polynomials.get(msp).secret()));
    }

    private RoundResult close(final long round) {
        as("Org2MSP");
        return PovmJson.read(contract.CloseRound(ledger.ctx, Long.toString(round)), RoundResult.class);
    }

    private byte[] expectedSeed(final RoundHeader header, final List<String> contributors) {
        final Map<String, BigInteger> secrets = new TreeMap<>();
        contributors.forEach(msp -> secrets.put(msp, polynomials.get(msp).secret()));
        final HexFormat hex = HexFormat.of();
        return SeedDerivation.seed(
                "povm",
                "povm",
                header.round(),
                hex.parseHex(header.previousSeed()),
                hex.parseHex(header.snapshotHash()),
                secrets);
    }

    private PovmError refused(final Runnable call) {
        final PovmError error = LedgerFake.errorOf(call::run);
        ledger.assertNothingWritten();
        return error;
    }

    private void earn(final long round, final String msp, final String worker, final long tickets) {
        final Signer owner = client(msp);
        final Ticket ticket = new Ticket(
                round, "job-" + msp + "-" + worker, 0, msp + "/" + worker, msp, owner.id(), tickets, 1000, tickets);
        ledger.committed(
                new CompositeKey("beacon-ticket", String.format("%012d", round), ticket.jobId(), "0").toString(),
                PovmJson.write(ticket));
    }

    @Test
    void a_round_with_every_org_present_closes_with_the_seed_of_all_three_secrets_and_verifies() {
        final RoundHeader header = open();
        assertThat(header.round()).isEqualTo(1);
        assertThat(header.threshold()).isEqualTo(2);
        assertThat(header.msps()).containsExactlyElementsOf(ORGS);
        ORGS.forEach(msp -> commit(header, msp));
        assertThat(view(1).phase()).isEqualTo("CHECK");
        ORGS.forEach(msp -> check(1, msp));
        assertThat(view(1).phase()).isEqualTo("REVEAL");
        ORGS.forEach(msp -> reveal(1, msp));
        assertThat(view(1).phase()).isEqualTo("CLOSABLE");

        final RoundResult result = close(1);

        assertThat(result.seed()).isEqualTo(HexFormat.of().formatHex(expectedSeed(header, ORGS)));
        assertThat(result.strikes()).isEmpty();
        assertThat(result.contributions())
                .extracting(RoundResult.Contribution::how)
                .containsOnly(RoundResult.REVEALED);
        as("Org3MSP");
        assertThat(contract.VerifyRound(ledger.ctx, "1")).contains("\"verified\":true");
        assertThat(view(1).phase()).isEqualTo("CLOSED");
    }

    @Test
    void a_withheld_secret_is_recovered_from_two_shares_gives_the_same_seed_and_a_strike() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        reveal(1, "Org1MSP");
        reveal(1, "Org2MSP");
        final String share1 = Hex.of(BeaconParty.openShare(view(1), "Org3MSP", "Org1MSP", beaconKeys.get("Org1MSP")));

        as("Org1MSP");
        assertThat(refused(() -> contract.RecoverShare(ledger.ctx, "1", "Org3MSP", share1))
                        .code())
                .as("before the reveal deadline passed on the clock")
                .isEqualTo(ErrorCode.INVALID_STATE);

        final Instant late = Instant.parse(header.revealBy()).plusSeconds(1);
        tick("Org1MSP", late);
        tick("Org2MSP", late);
        as("Org1MSP");
        contract.RecoverShare(ledger.ctx, "1", "Org3MSP", share1);
        final String share2 = Hex.of(BeaconParty.openShare(view(1), "Org3MSP", "Org2MSP", beaconKeys.get("Org2MSP")));
        as("Org2MSP");
        contract.RecoverShare(ledger.ctx, "1", "Org3MSP", share2);

        final RoundResult result = close(1);

        assertThat(result.seed()).isEqualTo(HexFormat.of().formatHex(expectedSeed(header, ORGS)));
        assertThat(result.strikes()).containsExactly(new RoundResult.Strike("Org3MSP", RoundResult.Strike.WITHHELD));
        assertThat(result.contributions()).contains(new RoundResult.Contribution("Org3MSP", RoundResult.RECOVERED));
        as("Org1MSP");
        assertThat(contract.GetStrikes(ledger.ctx, "Org3MSP")).contains("1: withheld");
    }

    @Test
    void an_absent_org_is_struck_and_its_workers_drop_out_of_the_lottery_which_pays_the_winner() {
        earn(1, "Org1MSP", "w1", 3000);
        earn(1, "Org3MSP", "w1", 9000);
        final RoundHeader header = open();
        assertThat(header.tickets()).hasSize(2);
        commit(header, "Org1MSP");
        commit(header, "Org2MSP");
        assertThat(view(1).phase()).isEqualTo("COMMIT");
        final Instant late = Instant.parse(header.commitBy()).plusSeconds(1);
        tick("Org1MSP", late);
        tick("Org2MSP", late);
        assertThat(view(1).phase()).isEqualTo("CHECK");
        check(1, "Org1MSP");
        check(1, "Org2MSP");
        final Instant later = Instant.parse(header.checkBy()).plusSeconds(1);
        tick("Org1MSP", later);
        tick("Org2MSP", later);
        reveal(1, "Org1MSP");
        reveal(1, "Org2MSP");
        final long before = balance(client("Org1MSP"));
        final long supply = supply();

        final RoundResult result = close(1);

        assertThat(result.seed())
                .isEqualTo(HexFormat.of().formatHex(expectedSeed(header, List.of("Org1MSP", "Org2MSP"))));
        assertThat(result.strikes()).containsExactly(new RoundResult.Strike("Org3MSP", RoundResult.Strike.ABSENT));
        assertThat(result.lottery().excluded()).containsExactly("Org3MSP/w1");
        assertThat(result.lottery().winners()).singleElement().satisfies(w -> {
            assertThat(w.workerKey()).isEqualTo("Org1MSP/w1");
            assertThat(w.total()).isEqualTo(3000);
            assertThat(w.amount()).isEqualTo(1000);
        });
        assertThat(balance(client("Org1MSP"))).isEqualTo(before + 1000);
        assertThat(supply()).isEqualTo(supply + 1000);
    }

    private long balance(final Signer signer) {
        return PovmJson.read(ledger.text(CreditLedger.accountKey(signer.msp(), signer.id())), CreditAccount.class)
                .balance();
    }

    private long supply() {
        return PovmJson.read(ledger.text(CreditLedger.supplyKey()), CreditSupply.class)
                .total();
    }

    @Test
    void a_replayed_commit_from_an_earlier_round_is_refused_and_changes_nothing() {
        final RoundHeader first = open();
        ORGS.forEach(msp -> commit(first, msp));
        final String org1Commit = ledger.text(new CompositeKey("beacon-commit", "000000000001", "Org1MSP").toString());
        ORGS.forEach(msp -> check(1, msp));
        ORGS.forEach(msp -> reveal(1, msp));
        final RoundResult first1 = close(1);
        final Instant due = Instant.parse(first1.closedAt()).plusSeconds(31);
        tick("Org2MSP", due);
        tick("Org3MSP", due);
        final RoundHeader second = open();
        final RoundCommit old = PovmJson.read(org1Commit, RoundCommit.class);

        as("Org1MSP");
        final PovmError verbatim = refused(() -> contract.CommitRound(ledger.ctx, "2", PovmJson.write(old)));
        assertThat(verbatim.field()).isEqualTo("commit.round");

        final RoundCommit relabelled = new RoundCommit(2, "Org1MSP", old.commitments(), old.shares(), null, null);
        as("Org1MSP");
        final PovmError replay = refused(() -> contract.CommitRound(ledger.ctx, "2", PovmJson.write(relabelled)));
        assertThat(replay.field()).isEqualTo("commit.commitments[0]");
        assertThat(replay.reason()).contains("replayed");
        assertThat(second.previousSeed()).isNotEqualTo("0".repeat(64));
    }

    @Test
    void a_reveal_that_does_not_open_the_commitment_is_refused_and_changes_nothing() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        as("Org1MSP");
        final PovmError error = refused(() -> contract.RevealRound(
                ledger.ctx, "1", Hex.of(polynomials.get("Org1MSP").secret().add(BigInteger.ONE))));
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("secret");
    }

    @Test
    void a_share_from_a_non_member_org_is_refused_and_changes_nothing() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        reveal(1, "Org1MSP");
        reveal(1, "Org2MSP");
        tick("Org1MSP", Instant.parse(header.revealBy()).plusSeconds(1));
        tick("Org2MSP", Instant.parse(header.revealBy()).plusSeconds(1));
        as(client("Org9MSP"), T0.plusSeconds(500));
        final PovmError error =
                refused(() -> contract.RecoverShare(ledger.ctx, "1", "Org3MSP", Hex.of(BigInteger.TWO)));
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void an_org_that_became_a_member_after_the_round_opened_cannot_post_a_share_for_it() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        ORGS.forEach(msp -> reveal(1, msp));
        close(1);
        ledger.committed(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        List.of("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP"),
                        new Submitter("Org1MSP", "x509::admin"),
                        "2026-11-01T00:00:00.000Z",
                        "tx-boot")));
        as(client("Org4MSP"), T0.plusSeconds(600));

        final PovmError error =
                refused(() -> contract.RecoverShare(ledger.ctx, "1", "Org3MSP", Hex.of(BigInteger.TWO)));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).contains("Org4MSP is not a member of round 1");
    }

    @Test
    void a_recovery_share_that_fails_the_dealers_commitments_is_refused() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        tick("Org1MSP", Instant.parse(header.revealBy()).plusSeconds(1));
        tick("Org2MSP", Instant.parse(header.revealBy()).plusSeconds(1));
        as("Org1MSP");
        final PovmError error =
                refused(() -> contract.RecoverShare(ledger.ctx, "1", "Org3MSP", Hex.of(BigInteger.TWO)));
        assertThat(error.field()).isEqualTo("share");
    }

    @Test
    void a_dealer_whose_share_fails_its_commitments_is_disqualified_by_a_complaint_and_struck() {
        final RoundHeader header = open();
        commit(header, "Org1MSP");
        commit(header, "Org2MSP");
        // Org3 deals Org1 a share of another polynomial
        final Feldman honest = Feldman.random(2, random);
        polynomials.put("Org3MSP", honest);
        final RoundCommit good = BeaconParty.deal(header, "Org3MSP", honest, random);
        final RoundCommit forged = BeaconParty.deal(header, "Org3MSP", Feldman.random(2, random), random);
        final List<RoundCommit.SealedShare> shares = new ArrayList<>();
        shares.add(forged.shareFor("Org1MSP").orElseThrow());
        shares.add(good.shareFor("Org2MSP").orElseThrow());
        as("Org3MSP");
        contract.CommitRound(
                ledger.ctx, "1", PovmJson.write(new RoundCommit(1, "Org3MSP", good.commitments(), shares, null, null)));
        final RoundCheck complaint = BeaconParty.check("povm", view(1), "Org1MSP", beaconKeys.get("Org1MSP"), random);
        assertThat(complaint.complaints())
                .extracting(RoundCheck.Complaint::dealer)
                .containsExactly("Org3MSP");

        // Org2 cannot complain about its good share
        final RoundCheck honestHolder =
                BeaconParty.check("povm", view(1), "Org2MSP", beaconKeys.get("Org2MSP"), random);
        final RoundCheck.Complaint stolen = complaint.complaints().get(0);
        as("Org2MSP");
        final PovmError falseComplaint = refused(() -> contract.CheckShares(
                ledger.ctx, "1", PovmJson.write(new RoundCheck(1, "Org2MSP", List.of(stolen), null))));
        assertThat(falseComplaint.reason()).contains("false complaint");

        as("Org1MSP");
        contract.CheckShares(ledger.ctx, "1", PovmJson.write(complaint));
        as("Org2MSP");
        contract.CheckShares(ledger.ctx, "1", PovmJson.write(honestHolder));
        check(1, "Org3MSP");
        as("Org3MSP");
        assertThat(refused(() -> contract.RevealRound(ledger.ctx, "1", Hex.of(honest.secret())))
                        .code())
                .isEqualTo(ErrorCode.INVALID_STATE);
        reveal(1, "Org1MSP");
        reveal(1, "Org2MSP");

        final RoundResult result = close(1);

        assertThat(result.qualified()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(result.strikes())
                .containsExactly(new RoundResult.Strike("Org3MSP", RoundResult.Strike.DISQUALIFIED));
    }

    @Test
    void with_one_org_offline_the_next_round_opens_once_the_opener_and_one_other_org_ticked_past_the_cadence() {
        final RoundHeader header = open();
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        ORGS.forEach(msp -> reveal(1, msp));
        final RoundResult first = close(1);
        final Instant due = Instant.parse(first.closedAt()).plusSeconds(31);
        tick("Org1MSP", due);
        as("Org1MSP");
        assertThat(refused(() -> contract.OpenRound(ledger.ctx)).reason()).contains("the next round opens at");

        tick("Org2MSP", due);

        assertThat(open().round()).isEqualTo(2);
    }

    @Test
    void the_next_round_opens_only_after_the_latest_closed_and_needs_every_members_key() {
        open();
        as("Org2MSP");
        assertThat(refused(() -> contract.OpenRound(ledger.ctx)).reason()).contains("round 1 is not closed");
        as("Org1MSP");
        assertThat(refused(() -> contract.CloseRound(ledger.ctx, "1")).code()).isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void a_commit_after_the_commit_phase_closed_and_checks_began_is_refused() {
        final RoundHeader header = open();
        commit(header, "Org1MSP");
        commit(header, "Org2MSP");
        final Instant late = Instant.parse(header.commitBy()).plusSeconds(1);
        tick("Org1MSP", late);
        tick("Org2MSP", late);
        check(1, "Org1MSP");
        final RoundCommit commit = BeaconParty.deal(header, "Org3MSP", Feldman.random(2, random), random);
        as("Org3MSP");
        assertThat(refused(() -> contract.CommitRound(ledger.ctx, "1", PovmJson.write(commit)))
                        .reason())
                .contains("commit phase of round 1 is over");
    }

    @Test
    void a_check_before_the_commit_phase_closed_is_refused() {
        final RoundHeader header = open();
        commit(header, "Org1MSP");
        commit(header, "Org2MSP");
        as("Org1MSP");
        final String check = PovmJson.write(new RoundCheck(1, "Org1MSP", List.of(), null));
        assertThat(refused(() -> contract.CheckShares(ledger.ctx, "1", check)).reason())
                .contains("waits for the commit phase of round 1 to close");
    }

    @Test
    void a_commit_as_another_org_or_with_malformed_pieces_is_refused() {
        final RoundHeader header = open();
        final RoundCommit commit = BeaconParty.deal(header, "Org1MSP", Feldman.random(2, random), random);
        as("Org2MSP");
        assertThat(refused(() -> contract.CommitRound(ledger.ctx, "1", PovmJson.write(commit)))
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        final RoundCommit short1 =
                new RoundCommit(1, "Org1MSP", commit.commitments().subList(0, 1), commit.shares(), null, null);
        as("Org1MSP");
        assertThat(refused(() -> contract.CommitRound(ledger.ctx, "1", PovmJson.write(short1)))
                        .field())
                .isEqualTo("commit.commitments");
        final RoundCommit missingShare = new RoundCommit(
                1, "Org1MSP", commit.commitments(), commit.shares().subList(0, 1), null, null);
        as("Org1MSP");
        assertThat(refused(() -> contract.CommitRound(ledger.ctx, "1", PovmJson.write(missingShare)))
                        .field())
                .isEqualTo("commit.shares");
        as("Org1MSP");
        assertThat(refused(() -> contract.CommitRound(ledger.ctx, "x", PovmJson.write(commit)))
                        .field())
                .isEqualTo("round");
    }

    private void govern(final io.povm.api.beacon.BeaconConfig config) {
        as(admin("Org1MSP"), T0.plusSeconds(1 + tx));
        contract.ProposeConfig(ledger.ctx, "c" + tx, PovmJson.write(config));
        final String id = "c" + tx;
        as(admin("Org2MSP"), T0.plusSeconds(1 + tx));
        assertThat(contract.ApproveConfig(ledger.ctx, id)).contains("\"state\":\"EXECUTED\"");
    }

    @Test
    void with_two_winners_per_round_two_distinct_workers_win_half_the_reward_each() {
        govern(new io.povm.api.beacon.BeaconConfig(20, 30, 1000, 2, "povm", 1000, 120, 1, 10, "interim"));
        earn(1, "Org1MSP", "w1", 3000);
        earn(1, "Org2MSP", "w1", 5000);
        earn(1, "Org3MSP", "w1", 7000);
        final RoundHeader header = open();
        assertThat(header.winners()).isEqualTo(2);
        ORGS.forEach(msp -> commit(header, msp));
        ORGS.forEach(msp -> check(1, msp));
        ORGS.forEach(msp -> reveal(1, msp));

        final RoundResult result = close(1);

        assertThat(result.lottery().winners()).hasSize(2);
        assertThat(result.lottery().winners())
                .extracting(RoundResult.Winner::workerKey)
                .doesNotHaveDuplicates();
        assertThat(result.lottery().winners())
                .extracting(RoundResult.Winner::amount)
                .containsOnly(500L);
        assertThat(result.lottery().winners().get(1).total())
                .as("the second draw is among the tickets left")
                .isEqualTo(15000 - result.lottery().winners().get(0).tickets());
    }

    @Test
    void cloudpos_tickets_weigh_the_free_staked_capacity_of_workers_whose_heartbeat_is_recent() {
        govern(new io.povm.api.beacon.BeaconConfig(20, 30, 1000, 1, "cloudpos", 1000, 120, 1, 10, "interim"));
        final io.povm.api.Worker.Change registered =
                new io.povm.api.Worker.Change("2026-11-01T00:00:00.000Z", "x509::admin", "tx-0");
        final io.povm.api.Worker alive = worker("Org1MSP", io.povm.api.Workers.ORG1_USER2_CERT, registered)
                .withHeartbeat("2026-11-21T10:00:05.000Z", java.util.OptionalInt.of(1));
        final io.povm.api.Worker silent = worker("Org2MSP", io.povm.api.Workers.ORG2_USER2_CERT, registered)
                .withHeartbeat("2026-11-21T09:00:00.000Z", java.util.OptionalInt.of(2));
        for (final io.povm.api.Worker w : List.of(alive, silent)) {
            ledger.committed(io.povm.chaincode.worker.WorkerLedger.key(w.workerKey()), PovmJson.write(w));
            ledger.state.put(
                    new CompositeKey("worker-by-state", "ACTIVE", w.msp(), w.name()).toString(), new byte[] {0});
        }
        ORGS.forEach(msp -> tick(msp, T0.plusSeconds(10)));

        final RoundHeader header = open();

        assertThat(header.ticketMode()).isEqualTo("cloudpos");
        assertThat(header.tickets()).singleElement().satisfies(t -> {
            assertThat(t.workerKey()).isEqualTo("Org1MSP/w1");
            assertThat(t.tickets())
                    .as("stake x 1 of 2 slots free x gamma 1000/1000")
                    .isEqualTo(alive.stake().total() / 2);
        });
    }

    private static io.povm.api.Worker worker(
            final String msp, final String pem, final io.povm.api.Worker.Change registered) {
        return io.povm.api.Worker.registered(
                io.povm.api.WorkerKey.of(msp, "w1"),
                io.povm.chaincode.worker.FabricId.of(io.povm.api.WorkerValidator.parseCertificate(pem, "test")),
                pem,
                io.povm.api.Workers.offer(),
                registered);
    }

    @Test
    void only_member_org_admins_register_keys() {
        as(client("Org1MSP"), T0.plusSeconds(9));
        assertThat(refused(() -> contract.RegisterKey(ledger.ctx, ShareCipher.publicKey(BigInteger.TEN)))
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        as(admin("Org1MSP"), T0.plusSeconds(9));
        assertThat(refused(() -> contract.RegisterKey(ledger.ctx, "02zz")).field())
                .isEqualTo("publicKey");
    }
}
