// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ThresholdOrgs.ORGS;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import io.povm.api.beacon.threshold.EpochView;
import io.povm.api.beacon.threshold.KeyCheck;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.chaincode.beacon.BeaconContract;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threshold beacon's key generation through the {@code threshold} contract on an in-memory ledger: three orgs
 * open an epoch, deal, check and complete; a cheating dealer is disqualified, a false complaint refused, late and
 * repeated pieces refused, and a phase closes without a silent org only past its deadline on the multiparty clock.
 * Every refused call writes nothing.
 */
class ThresholdKeyGenerationTest {
    private final ThresholdOrgs orgs = new ThresholdOrgs();

    @Test
    void an_epoch_freezes_the_members_in_msp_order_with_their_beacon_keys_and_a_majority_threshold() {
        final KeyEpoch epoch = orgs.openEpoch();

        assertThat(epoch.epoch()).isEqualTo(1);
        assertThat(epoch.threshold()).isEqualTo(2);
        assertThat(epoch.members()).extracting(RoundMember::msp).containsExactlyElementsOf(ORGS);
        assertThat(epoch.members()).extracting(RoundMember::index).containsExactly(1, 2, 3);
        assertThat(epoch.members().get(1).publicKey()).isEqualTo(ShareCipher.publicKey(orgs.beaconKeys.get("Org2MSP")));
        assertThat(epoch.dealBy()).isEqualTo("2026-11-21T10:00:24.000Z");
        assertThat(epoch.checkBy()).isEqualTo("2026-11-21T10:00:44.000Z");
        assertThat(orgs.ledger.text("\u0000beacon-epoch\u0000000000000001\u0000"))
                .isEqualTo(PovmJson.write(epoch));
        assertThat(orgs.epoch(1).phase()).isEqualTo("DEAL");
    }

    @Test
    void honest_deals_and_checks_complete_a_key_from_which_every_member_derives_its_share() {
        orgs.openEpoch();
        orgs.dealAll(1);
        assertThat(orgs.epoch(1).phase()).isEqualTo("CHECK");
        orgs.checkAll(1);
        assertThat(orgs.epoch(1).phase()).isEqualTo("COMPLETABLE");

        final ThresholdKey key = orgs.complete(1);

        assertThat(key.qualified()).containsExactlyElementsOf(ORGS);
        assertThat(key.publicKey()).isEqualTo(P256.hex(P256.times(P256.G, orgs.secretOf(ORGS))));
        for (final String msp : ORGS) {
            final BigInteger share = orgs.generation(1).secretShare(msp, orgs.beaconKeys.get(msp));
            assertThat(P256.hex(P256.times(P256.G, share)))
                    .isEqualTo(key.share(msp).orElseThrow().point());
        }
        assertThat(orgs.contract.GetThresholdKey(orgs.as("Org1MSP"), "1")).isEqualTo(PovmJson.write(key));
        assertThat(orgs.epoch(1).phase()).isEqualTo("COMPLETE");
        assertThat(orgs.contract.GetLatest(orgs.as("Org1MSP")))
                .isEqualTo("{\"epoch\":1,\"keyGeneration\":1,\"round\":0}");
    }

    @Test
    void a_cheating_dealer_is_complained_about_and_disqualified_and_the_other_two_make_the_key() {
        orgs.openEpoch();
        orgs.deal(orgs.dealOf(1, "Org1MSP"));
        orgs.deal(orgs.dealOf(1, "Org2MSP"));
        orgs.deal(orgs.cheatingDealOf(1, "Org3MSP", "Org1MSP"));
        final KeyCheck complaint = orgs.checkOf(1, "Org1MSP");
        assertThat(complaint.complaints())
                .extracting(RoundCheck.Complaint::dealer)
                .containsExactly("Org3MSP");
        orgs.check(complaint);
        orgs.check(orgs.checkOf(1, "Org2MSP"));
        orgs.check(orgs.checkOf(1, "Org3MSP"));

        final ThresholdKey key = orgs.complete(1);

        assertThat(key.qualified()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(key.publicKey())
                .isEqualTo(P256.hex(P256.times(P256.G, orgs.secretOf(List.of("Org1MSP", "Org2MSP")))));
        final BigInteger victims = orgs.generation(1).secretShare("Org1MSP", orgs.beaconKeys.get("Org1MSP"));
        assertThat(P256.hex(P256.times(P256.G, victims)))
                .isEqualTo(key.share("Org1MSP").orElseThrow().point());
    }

    @Test
    void a_false_complaint_is_refused_naming_the_dealer_and_nothing_is_written() {
        orgs.openEpoch();
        orgs.deal(orgs.dealOf(1, "Org1MSP"));
        orgs.deal(orgs.dealOf(1, "Org2MSP"));
        orgs.deal(orgs.cheatingDealOf(1, "Org3MSP", "Org1MSP"));
        final RoundCheck.Complaint real =
                orgs.checkOf(1, "Org1MSP").complaints().get(0);
        final KeyCheck slander = new KeyCheck(
                1,
                "Org2MSP",
                List.of(new RoundCheck.Complaint("Org3MSP", real.disclosed(), real.challenge(), real.response())));

        final PovmError error = orgs.refused(() -> orgs.check(slander));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("complaints[Org3MSP]");
        assertThat(orgs.epoch(1).checks()).isEmpty();
    }

    @Test
    void a_deal_is_the_dealers_own_final_and_well_shaped() {
        orgs.openEpoch();
        final KeyDeal deal = orgs.dealOf(1, "Org2MSP");

        final PovmError asAnother =
                orgs.refused(() -> orgs.contract.DealKey(orgs.as("Org1MSP"), "1", PovmJson.write(deal)));
        final KeyDeal short1 = new KeyDeal(1, "Org2MSP", deal.commitments().subList(0, 1), deal.shares());
        final PovmError misshapen = orgs.refused(() -> orgs.deal(short1));
        orgs.deal(deal);
        final PovmError again = orgs.refused(() -> orgs.deal(orgs.dealOf(1, "Org2MSP")));
        final PovmError replayed =
                orgs.refused(() -> orgs.deal(new KeyDeal(1, "Org2MSP", deal.commitments(), deal.shares())));

        assertThat(asAnother.toMessage())
                .isEqualTo("FORBIDDEN [deal.dealer] is 'Org2MSP'; an org deals only as itself (Org1MSP)");
        assertThat(misshapen.toMessage())
                .isEqualTo("INVALID_ARGUMENT [commitments] need t = 2 (a polynomial of degree t-1), got 1");
        assertThat(again.toMessage())
                .isEqualTo("INVALID_STATE [epoch] Org2MSP dealt in key generation 1 already; a deal is final");
        assertThat(replayed.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(replayed.field()).isEqualTo("deal.commitments[0]");
        assertThat(orgs.epoch(1).deals()).containsExactly(deal);
    }

    @Test
    void only_an_orgs_operator_or_admin_posts_its_pieces() {
        orgs.openEpoch();
        final KeyDeal deal = orgs.dealOf(1, "Org2MSP");
        orgs.as(ThresholdOrgs.customer("Org2MSP"), ThresholdOrgs.T0.plusSeconds(5));

        final PovmError customer =
                orgs.refused(() -> orgs.contract.DealKey(orgs.ledger.ctx, "1", PovmJson.write(deal)));
        orgs.as(ThresholdOrgs.admin("Org2MSP"), ThresholdOrgs.T0.plusSeconds(6));
        orgs.contract.DealKey(orgs.ledger.ctx, "1", PovmJson.write(deal));

        assertThat(customer.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(customer.reason()).contains("threshold:DealKey is a duty of the org's operator");
        assertThat(orgs.epoch(1).deals()).containsExactly(deal);
    }

    @Test
    void checks_wait_for_the_dealing_to_close_and_a_silent_dealer_is_disqualified_after_its_deadline() {
        final KeyEpoch epoch = orgs.openEpoch();
        orgs.deal(orgs.dealOf(1, "Org1MSP"));
        orgs.deal(orgs.dealOf(1, "Org2MSP"));
        final KeyCheck early = orgs.checkOf(1, "Org1MSP");

        final PovmError waiting = orgs.refused(() -> orgs.check(early));
        orgs.tickAll(Instant.parse(epoch.dealBy()).plusSeconds(1));
        orgs.check(orgs.checkOf(1, "Org1MSP"));
        final PovmError late = orgs.refused(() -> orgs.deal(orgs.dealOf(1, "Org3MSP")));
        orgs.check(orgs.checkOf(1, "Org2MSP"));
        final PovmError completeEarly = orgs.refused(() -> orgs.complete(1));
        orgs.tickAll(Instant.parse(epoch.checkBy()).plusSeconds(1));
        final ThresholdKey key = orgs.complete(1);

        assertThat(waiting.toMessage())
                .isEqualTo("INVALID_STATE [epoch] threshold:CheckKey waits for the dealing of key generation 1 to"
                        + " close: no deal yet from Org3MSP, deadline 2026-11-21T10:00:24.000Z");
        assertThat(late.toMessage())
                .startsWith("INVALID_STATE [epoch] the dealing of key generation 1 is over: checks have begun");
        assertThat(completeEarly.toMessage())
                .isEqualTo("INVALID_STATE [epoch] key generation 1 waits for checks from Org3MSP until"
                        + " 2026-11-21T10:00:44.000Z on the multiparty clock");
        assertThat(key.qualified()).containsExactly("Org1MSP", "Org2MSP");
        final BigInteger silent = orgs.generation(1).secretShare("Org3MSP", orgs.beaconKeys.get("Org3MSP"));
        assertThat(P256.hex(P256.times(P256.G, silent)))
                .isEqualTo(key.share("Org3MSP").orElseThrow().point());
    }

    @Test
    void a_check_is_final_and_a_complete_key_takes_no_more_pieces() {
        orgs.honestKey();

        final PovmError check = orgs.refused(() -> orgs.check(new KeyCheck(1, "Org1MSP", List.of())));
        final PovmError complete = orgs.refused(() -> orgs.complete(1));

        assertThat(check.toMessage()).isEqualTo("INVALID_STATE [epoch] key generation 1 is complete");
        assertThat(complete.toMessage()).isEqualTo("INVALID_STATE [epoch] key generation 1 is complete already");
    }

    @Test
    void a_new_epoch_opens_only_when_the_last_is_over_and_a_beacon_key_or_the_membership_changed() {
        orgs.openEpoch();
        final PovmError running = orgs.refused(orgs::openEpoch);
        orgs.dealAll(1);
        orgs.checkAll(1);
        orgs.complete(1);
        final PovmError unchanged = orgs.refused(orgs::openEpoch);
        orgs.beaconKeys.put("Org2MSP", BigInteger.valueOf(4242));
        orgs.as(ThresholdOrgs.admin("Org2MSP"), ThresholdOrgs.T0.plusSeconds(100));
        new BeaconContract().RegisterKey(orgs.ledger.ctx, ShareCipher.publicKey(BigInteger.valueOf(4242)));

        final KeyEpoch rotated = orgs.openEpoch();

        assertThat(running.toMessage())
                .startsWith("INVALID_STATE [epoch] key generation 1 is not over: waiting for deals from Org1MSP,"
                        + " Org2MSP, Org3MSP");
        assertThat(unchanged.toMessage())
                .isEqualTo("INVALID_STATE [epoch] key generation 1 is current for these members and beacon keys; a"
                        + " new one opens when an org joins or rotates its beacon key");
        assertThat(rotated.epoch()).isEqualTo(2);
        assertThat(rotated.members().get(1).publicKey()).isEqualTo(ShareCipher.publicKey(BigInteger.valueOf(4242)));
        assertThat(orgs.contract.GetLatest(orgs.as("Org1MSP")))
                .isEqualTo("{\"epoch\":1,\"keyGeneration\":2,\"round\":0}");
    }

    @Test
    void a_stalled_key_generation_says_so_and_a_new_one_may_open() {
        final KeyEpoch epoch = orgs.openEpoch();
        orgs.deal(orgs.dealOf(1, "Org1MSP"));
        orgs.tickAll(Instant.parse(epoch.dealBy()).plusSeconds(1));

        final EpochView view = orgs.epoch(1);
        final PovmError complete = orgs.refused(() -> orgs.complete(1));
        final KeyEpoch next = orgs.openEpoch();

        assertThat(view.phase()).isEqualTo("STALLED");
        assertThat(view.note()).startsWith("only 1 dealers qualify [Org1MSP]; t = 2 are needed");
        assertThat(complete.code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(next.epoch()).isEqualTo(2);
    }

    @Test
    void reads_name_what_is_missing() {
        final PovmError none = LedgerFake.errorOf(() -> orgs.contract.GetEpoch(orgs.as("Org1MSP"), "1"));
        orgs.openEpoch();
        final PovmError notYet = LedgerFake.errorOf(() -> orgs.contract.GetThresholdKey(orgs.as("Org1MSP"), "1"));
        final PovmError bad = LedgerFake.errorOf(() -> orgs.contract.GetThresholdKey(orgs.as("Org1MSP"), "-1"));

        assertThat(none.toMessage()).isEqualTo("NOT_FOUND [epoch] key generation 1 has not been opened");
        assertThat(notYet.toMessage())
                .startsWith("NOT_FOUND [epoch] key generation 1 is not complete: waiting for deals");
        assertThat(bad.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(bad.field()).isEqualTo("epoch");
    }

    @Test
    void hostile_pieces_get_a_coded_error_and_write_nothing() {
        orgs.openEpoch();
        final String point = ShareCipher.publicKey(BigInteger.TEN);
        final List<String> deals = List.of(
                "{\"epoch\":1,\"dealer\":\"Org1MSP\",\"commitments\":[null],\"shares\":[null]}",
                "{\"epoch\":1,\"dealer\":\"Org1MSP\",\"commitments\":[\"" + point + "\",\"" + point
                        + "\"],\"shares\":[{\"holder\":null},{},{}]}",
                "{\"epoch\":2,\"dealer\":\"Org1MSP\",\"commitments\":[],\"shares\":[]}",
                "[]");
        for (final String deal : deals) {
            final PovmError error = orgs.refused(() -> orgs.contract.DealKey(orgs.as("Org1MSP"), "1", deal));
            assertThat(error.code()).as(deal).isIn(ErrorCode.INVALID_ARGUMENT, ErrorCode.FORBIDDEN);
        }
        orgs.dealAll(1);
        final List<String> checks = List.of(
                "{\"epoch\":1,\"holder\":\"Org1MSP\",\"complaints\":[{\"dealer\":\"Org2MSP\"}]}",
                "{\"epoch\":1,\"holder\":\"Org1MSP\",\"complaints\":[{}]}",
                "{\"epoch\":1,\"holder\":\"Org1MSP\",\"complaints\":[null]}",
                "{\"epoch\":1,\"holder\":\"Org1MSP\",\"complaints\":[{\"dealer\":\"Org9MSP\"}]}");
        for (final String check : checks) {
            final PovmError error = orgs.refused(() -> orgs.contract.CheckKey(orgs.as("Org1MSP"), "1", check));
            assertThat(error.code()).as(check).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void an_org_that_joined_after_the_epoch_opened_cannot_deal_in_it_and_is_in_the_next() {
        orgs.openEpoch();
        orgs.org4Joins();
        final KeyDeal deal = new KeyDeal(1, "Org4MSP", List.of(), List.of());

        final PovmError error = orgs.refused(() -> orgs.deal(deal));
        orgs.dealAll(1);
        orgs.checkAll(1);
        orgs.complete(1);
        final KeyEpoch next = orgs.openEpoch();

        assertThat(error.toMessage())
                .isEqualTo("FORBIDDEN [caller] Org4MSP is not a member of key generation 1 (members: Org1MSP, Org2MSP,"
                        + " Org3MSP); only its members may act as a dealer");
        assertThat(next.epoch()).isEqualTo(2);
        assertThat(next.msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP");
        assertThat(next.threshold()).isEqualTo(3);
    }
}
