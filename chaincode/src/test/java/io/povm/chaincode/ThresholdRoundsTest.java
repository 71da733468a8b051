// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ThresholdOrgs.ORGS;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.threshold.Partial;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.api.beacon.threshold.ThresholdResult;
import io.povm.api.beacon.threshold.ThresholdRound;
import io.povm.api.beacon.threshold.ThresholdRoundView;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

/**
 * Threshold rounds through the {@code threshold} contract on an in-memory ledger, on a key the three orgs generated:
 * a round opens on the current key, each partial is verified as it lands, the t-th valid one closes the round with
 * seed_r = SHA-256(domain ‖ r ‖ x·H(r)), and VerifyRound recomputes it from the ledger. Every refused call writes
 * nothing.
 */
class ThresholdRoundsTest {
    private final ThresholdOrgs orgs = new ThresholdOrgs();

    private ThresholdRound open() {
        return PovmJson.read(orgs.contract.OpenRound(orgs.as("Org2MSP")), ThresholdRound.class);
    }

    private ThresholdRoundView post(final Partial partial) {
        return PovmJson.read(
                orgs.contract.PostPartial(
                        orgs.as(partial.msp()), Long.toString(partial.round()), PovmJson.write(partial)),
                ThresholdRoundView.class);
    }

    private String expectedSeed(final long round, final ThresholdKey key) {
        final var sigma = P256.times(ThresholdOrgs.DOMAIN.roundPoint(round), orgs.secretOf(key.qualified()));
        return HexFormat.of().formatHex(ThresholdOrgs.DOMAIN.seed(round, sigma));
    }

    @Test
    void a_round_needs_a_completed_key() {
        final PovmError error = orgs.refused(this::open);

        assertThat(error.toMessage())
                .isEqualTo("INVALID_STATE [epoch] there is no threshold key yet: open a key generation with"
                        + " threshold:OpenEpoch and complete it");
    }

    @Test
    void the_second_valid_partial_closes_the_round_with_the_seed_of_x_H_r_and_it_verifies() {
        final ThresholdKey key = orgs.honestKey();
        final ThresholdRound round = open();
        assertThat(round).isEqualTo(new ThresholdRound(1, 1, 2, round.openedAt(), "Org2MSP", round.txId()));

        final ThresholdRoundView first = post(orgs.partialOf(1, 1, "Org3MSP"));
        assertThat(first.phase()).isEqualTo("OPEN");
        assertThat(first.note())
                .isEqualTo("round 1 has 1 valid partials [Org3MSP], needs 2 of 3; it waits for more (no re-roll)");
        final ThresholdRoundView second = post(orgs.partialOf(1, 1, "Org1MSP"));

        assertThat(second.phase()).isEqualTo("CLOSED");
        final ThresholdResult result = second.result();
        assertThat(result.seed()).isEqualTo(expectedSeed(1, key));
        assertThat(result.epoch()).isEqualTo(1);
        assertThat(result.contributors()).containsExactly("Org1MSP", "Org3MSP");
        assertThat(result.absent()).containsExactly("Org2MSP");
        assertThat(orgs.ledger.text(new CompositeKey("beacon-threshold-result", "000000000001").toString()))
                .isEqualTo(PovmJson.write(result));
        assertThat(orgs.contract.VerifyRound(orgs.as("Org2MSP"), "1"))
                .isEqualTo("{\"differences\":[],\"round\":1,\"verified\":true}");
        assertThat(PovmJson.read(orgs.contract.GetRound(orgs.as("Org2MSP"), "1"), ThresholdRoundView.class))
                .isEqualTo(second);
    }

    @Test
    void whichever_two_orgs_post_the_seed_is_the_same() {
        final ThresholdKey key = orgs.honestKey();
        final List<List<String>> pairs =
                List.of(List.of("Org1MSP", "Org2MSP"), List.of("Org2MSP", "Org3MSP"), List.of("Org3MSP", "Org1MSP"));
        long round = 0;
        for (final List<String> pair : pairs) {
            round = open().round();
            post(orgs.partialOf(1, round, pair.get(0)));
            final ThresholdResult result =
                    post(orgs.partialOf(1, round, pair.get(1))).result();

            assertThat(result.seed()).as("round %d closed by %s", round, pair).isEqualTo(expectedSeed(round, key));
        }
        assertThat(round).isEqualTo(3);
    }

    @Test
    void a_wrong_partial_is_refused_naming_the_org_and_nothing_is_written() {
        orgs.honestKey();
        open();
        final Partial honest = orgs.partialOf(1, 1, "Org2MSP");
        final Partial tampered = new Partial(1, "Org2MSP", P256.hex(P256.G), honest.challenge(), honest.response());

        final PovmError error = orgs.refused(() -> post(tampered));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("partials[Org2MSP]");
        assertThat(error.reason()).startsWith("Org2MSP's partial for round 1 is refused");
        assertThat(post(honest).partials()).containsExactly(honest);
    }

    @Test
    void a_partial_is_the_orgs_own_and_final_and_a_closed_round_takes_no_more() {
        orgs.honestKey();
        open();
        final Partial org1 = orgs.partialOf(1, 1, "Org1MSP");

        final PovmError asAnother =
                orgs.refused(() -> orgs.contract.PostPartial(orgs.as("Org2MSP"), "1", PovmJson.write(org1)));
        final PovmError customer = orgs.refused(() -> {
            orgs.as(ThresholdOrgs.customer("Org1MSP"), ThresholdOrgs.T0.plusSeconds(500));
            orgs.contract.PostPartial(orgs.ledger.ctx, "1", PovmJson.write(org1));
        });
        post(org1);
        final PovmError again = orgs.refused(() -> post(orgs.partialOf(1, 1, "Org1MSP")));
        post(orgs.partialOf(1, 1, "Org2MSP"));
        final PovmError late = orgs.refused(() -> post(orgs.partialOf(1, 1, "Org3MSP")));

        assertThat(asAnother.toMessage())
                .isEqualTo("FORBIDDEN [partial.msp] is 'Org1MSP'; an org posts only its own partial (Org2MSP)");
        assertThat(customer.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(customer.reason()).startsWith("threshold:PostPartial is a duty of the org's operator");
        assertThat(again.toMessage())
                .isEqualTo("INVALID_STATE [round] Org1MSP posted its partial of round 1 already; a partial is final");
        assertThat(late.toMessage()).isEqualTo("INVALID_STATE [round] round 1 is closed");
    }

    @Test
    void a_round_waits_for_t_partials_and_no_next_round_opens_meanwhile() {
        orgs.honestKey();
        open();
        post(orgs.partialOf(1, 1, "Org1MSP"));

        final PovmError next = orgs.refused(this::open);

        assertThat(next.toMessage())
                .isEqualTo("INVALID_STATE [round] round 1 is not closed yet (round 1 has 1 valid partials [Org1MSP],"
                        + " needs 2 of 3; it waits for more (no re-roll)); a round is never re-drawn");
        assertThat(orgs.contract.VerifyRound(orgs.as("Org1MSP"), "1"))
                .isEqualTo("{\"differences\":[\"round 1 is not closed\"],\"round\":1,\"verified\":false}");
    }

    @Test
    void verify_round_finds_a_stored_seed_that_the_partials_do_not_give() {
        orgs.honestKey();
        open();
        post(orgs.partialOf(1, 1, "Org1MSP"));
        final ThresholdResult result = post(orgs.partialOf(1, 1, "Org3MSP")).result();
        final ThresholdResult forged = new ThresholdResult(
                1,
                1,
                result.sigma(),
                "00".repeat(32),
                result.lotterySeed(),
                result.assignSeed(),
                result.auditSeed(),
                result.contributors(),
                result.absent());
        orgs.ledger.committed(
                new CompositeKey("beacon-threshold-result", "000000000001").toString(), PovmJson.write(forged));

        assertThat(orgs.contract.VerifyRound(orgs.as("Org2MSP"), "1"))
                .startsWith("{\"differences\":[\"seed: stored " + "00".repeat(32))
                .endsWith("\"verified\":false}");
    }

    @Test
    void a_round_on_a_key_whose_dealer_was_disqualified_closes_with_its_partial_too() {
        orgs.openEpoch();
        orgs.deal(orgs.dealOf(1, "Org1MSP"));
        orgs.deal(orgs.dealOf(1, "Org2MSP"));
        orgs.deal(orgs.cheatingDealOf(1, "Org3MSP", "Org2MSP"));
        ORGS.forEach(msp -> orgs.check(orgs.checkOf(1, msp)));
        final ThresholdKey key = orgs.complete(1);
        open();

        post(orgs.partialOf(1, 1, "Org3MSP"));
        final ThresholdResult result = post(orgs.partialOf(1, 1, "Org2MSP")).result();

        assertThat(key.qualified()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(result.seed()).isEqualTo(expectedSeed(1, key));
    }

    @Test
    void hostile_partials_get_a_coded_error_and_write_nothing() {
        orgs.honestKey();
        open();
        final List<String> partials = List.of(
                "{\"round\":1,\"msp\":\"Org1MSP\"}",
                "{\"round\":1,\"msp\":\"Org1MSP\",\"sigma\":\"00\",\"challenge\":\"zz\",\"response\":\"\"}",
                "{\"round\":2,\"msp\":\"Org1MSP\",\"sigma\":null,\"challenge\":null,\"response\":null}",
                "{\"round\":1}",
                "null");
        for (final String partial : partials) {
            final PovmError error = orgs.refused(() -> orgs.contract.PostPartial(orgs.as("Org1MSP"), "1", partial));
            assertThat(error.code()).as(partial).isIn(ErrorCode.INVALID_ARGUMENT, ErrorCode.FORBIDDEN);
        }
    }

    @Test
    void each_step_emits_one_event_and_the_closing_partial_says_close() {
        orgs.honestKey();
        open();
        org.mockito.Mockito.verify(orgs.ledger.stub)
                .setEvent(
                        "BeaconThresholdRound",
                        "{\"msp\":\"Org2MSP\",\"round\":1,\"step\":\"open\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        post(orgs.partialOf(1, 1, "Org1MSP"));
        org.mockito.Mockito.verify(orgs.ledger.stub)
                .setEvent(
                        "BeaconThresholdRound",
                        "{\"msp\":\"Org1MSP\",\"round\":1,\"step\":\"partial\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        post(orgs.partialOf(1, 1, "Org3MSP"));
        org.mockito.Mockito.verify(orgs.ledger.stub)
                .setEvent(
                        "BeaconThresholdRound",
                        "{\"msp\":\"Org3MSP\",\"round\":1,\"step\":\"close\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void an_org_without_a_share_of_the_rounds_key_cannot_post() {
        orgs.honestKey();
        open();
        orgs.org4Joins();
        final Partial partial = new Partial(1, "Org4MSP", P256.hex(P256.G), "00".repeat(32), "00".repeat(32));

        final PovmError error = orgs.refused(() -> post(partial));

        assertThat(error.toMessage())
                .isEqualTo("FORBIDDEN [caller] Org4MSP has no share of key generation 1, whose key round 1 uses; only"
                        + " its members post partials");
    }
}
