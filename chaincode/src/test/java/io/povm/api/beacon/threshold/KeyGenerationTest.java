// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import io.povm.api.beacon.BeaconKey;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.P256;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyGenerationTest {
    private static final long ROUND = 3;

    /** Org3MSP deals a polynomial whose share for Org1MSP is off by one: it fails Org3MSP's own commitments. */
    private static KeyDeal cheatingDeal(final Fixture orgs) {
        final KeyDeal honest = orgs.dealOf("Org3MSP");
        final Feldman polynomial = orgs.polynomials.get("Org3MSP");
        final RoundMember victim = orgs.generation.member("Org1MSP").orElseThrow();
        final ShareCipher.Sealed bad =
                ShareCipher.seal(polynomial.share(victim.index()).add(BigInteger.ONE), victim.publicKey(), orgs.random);
        final List<RoundCommit.SealedShare> shares = new ArrayList<>(honest.shares());
        shares.set(0, new RoundCommit.SealedShare("Org1MSP", bad.ephemeral(), bad.ciphertext()));
        return new KeyDeal(honest.epoch(), honest.dealer(), honest.commitments(), shares);
    }

    @Test
    void members_are_indexed_in_msp_order_with_a_majority_threshold() {
        final Fixture orgs = new Fixture(5, 1);
        final List<BeaconKey> shuffled = new ArrayList<>();
        orgs.generation.members().forEach(m -> shuffled.add(0, new BeaconKey(m.msp(), m.publicKey(), null, null)));

        final KeyGeneration reopened = KeyGeneration.open(Fixture.DOMAIN, 1, shuffled);

        assertThat(reopened.members()).isEqualTo(orgs.generation.members());
        assertThat(reopened.members()).extracting(RoundMember::index).containsExactly(1, 2, 3, 4, 5);
        assertThat(reopened.threshold()).isEqualTo(3);
        assertThat(new Fixture(4, 1).generation.threshold()).isEqualTo(3);
        assertThat(new Fixture(3, 1).generation.threshold()).isEqualTo(2);
    }

    @Test
    void an_honest_key_generation_gives_X_as_the_sum_of_the_secrets_and_every_member_its_x_i() {
        final Fixture orgs = new Fixture(3, 1503).dealAll().checkAll();

        final ThresholdKey key = orgs.generation.complete();

        assertThat(key.qualified()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(key.publicKey()).isEqualTo(P256.hex(P256.times(P256.G, orgs.secretOf(key.qualified()))));
        for (final RoundMember member : key.members()) {
            final BigInteger share = orgs.generation.secretShare(member.msp(), orgs.beaconPrivate.get(member.msp()));
            assertThat(P256.hex(P256.times(P256.G, share)))
                    .isEqualTo(key.share(member.msp()).orElseThrow().point());
        }
        assertThat(orgs.generation.checks().values())
                .allMatch(c -> c.complaints().isEmpty());
    }

    @Test
    void a_cheating_dealer_is_disqualified_and_the_rest_completes_with_partials_that_combine_to_x_H_r() {
        final Fixture orgs = new Fixture(3, 1504).deal("Org1MSP").deal("Org2MSP");
        orgs.generation = orgs.generation.deal(cheatingDeal(orgs));
        orgs.checkAll();

        final ThresholdKey key = orgs.generation.complete();

        assertThat(orgs.generation.checks().get("Org1MSP").complaints())
                .extracting(RoundCheck.Complaint::dealer)
                .containsExactly("Org3MSP");
        assertThat(KeyCompletion.disqualified(orgs.generation))
                .containsOnlyKeys("Org3MSP")
                .containsValue("a share failed its commitments (complaint by Org1MSP)");
        assertThat(key.qualified()).containsExactly("Org1MSP", "Org2MSP");
        final BigInteger x = orgs.secretOf(List.of("Org1MSP", "Org2MSP"));
        assertThat(key.publicKey()).isEqualTo(P256.hex(P256.times(P256.G, x)));
        final List<Partial> partials = List.of(orgs.partial(ROUND, "Org1MSP"), orgs.partial(ROUND, "Org3MSP"));
        assertThat(P256.hex(Partials.combine(key, Fixture.DOMAIN, ROUND, partials)))
                .isEqualTo(P256.hex(P256.times(Fixture.DOMAIN.roundPoint(ROUND), x)));
    }

    @Test
    void a_false_complaint_is_refused_and_nothing_changes() {
        final Fixture orgs = new Fixture(3, 1505).dealAll();
        final KeyGeneration before = orgs.generation;
        final KeyCheck honest = KeyComplaints.check(before, "Org1MSP", orgs.beaconPrivate.get("Org1MSP"), orgs.random);
        final RoundCommit.SealedShare sealed =
                before.deals().get("Org2MSP").shareFor("Org1MSP").orElseThrow();
        final BigInteger x = orgs.beaconPrivate.get("Org1MSP");
        final String disclosed = P256.hex(P256.times(P256.point("r", sealed.ephemeral()), x));
        final var proof = io.povm.api.beacon.Dleq.prove(
                Fixture.DOMAIN.context(KeyCheck.PURPOSE, Fixture.EPOCH, "Org2MSP", "Org1MSP"),
                x,
                sealed.ephemeral(),
                orgs.random);
        final KeyCheck slander = new KeyCheck(
                Fixture.EPOCH,
                "Org1MSP",
                List.of(new RoundCheck.Complaint(
                        "Org2MSP",
                        disclosed,
                        io.povm.api.beacon.Hex.of(proof.challenge()),
                        io.povm.api.beacon.Hex.of(proof.response()))));

        assertThat(honest.complaints()).isEmpty();
        assertThatThrownBy(() -> before.check(slander))
                .isInstanceOf(PovmException.class)
                .hasMessage("INVALID_ARGUMENT [complaints[Org2MSP]] the share Org2MSP dealt to Org1MSP matches its"
                        + " commitments: a false complaint is refused");
        assertThat(before.checks()).isEmpty();
    }

    @Test
    void a_complaint_whose_proof_does_not_hold_is_refused() {
        final Fixture orgs = new Fixture(3, 1506).deal("Org1MSP").deal("Org2MSP");
        orgs.generation = orgs.generation.deal(cheatingDeal(orgs));
        final KeyCheck real =
                KeyComplaints.check(orgs.generation, "Org1MSP", orgs.beaconPrivate.get("Org1MSP"), orgs.random);
        final RoundCheck.Complaint complaint = real.complaints().get(0);
        final KeyCheck forged = new KeyCheck(
                Fixture.EPOCH,
                "Org1MSP",
                List.of(new RoundCheck.Complaint(
                        "Org3MSP", P256.hex(P256.G), complaint.challenge(), complaint.response())));

        assertThat(orgs.generation.check(real).checks()).containsKey("Org1MSP");
        assertThatThrownBy(() -> orgs.generation.check(forged))
                .hasMessage("INVALID_ARGUMENT [complaints[Org3MSP]] the DLEQ proof does not show that the disclosed"
                        + " point is x·R for Org1MSP's beacon key");
    }

    @Test
    void a_dealer_that_did_not_deal_is_disqualified_before_completion() {
        final Fixture orgs =
                new Fixture(3, 1507).deal("Org1MSP").deal("Org3MSP").checkAll();

        final ThresholdKey key = orgs.generation.complete();

        assertThat(KeyCompletion.disqualified(orgs.generation)).containsEntry("Org2MSP", "did not deal");
        assertThat(key.qualified()).containsExactly("Org1MSP", "Org3MSP");
        assertThat(key.publicShares()).hasSize(3);
        assertThat(orgs.generation.secretShare("Org2MSP", orgs.beaconPrivate.get("Org2MSP")))
                .isNotNull();
    }

    @Test
    void fewer_than_t_qualified_dealers_cannot_complete() {
        final Fixture orgs = new Fixture(3, 1508).deal("Org1MSP").checkAll();

        assertThatThrownBy(() -> orgs.generation.complete())
                .hasMessage("INVALID_STATE [qualified] key generation 1 cannot complete: 1 qualified dealers"
                        + " [Org1MSP], needs t = 2; disqualified: {Org2MSP=did not deal, Org3MSP=did not deal}");
    }

    @Test
    void a_deal_after_the_first_check_a_second_deal_and_a_misshapen_deal_are_refused() {
        final Fixture orgs = new Fixture(3, 1509).deal("Org1MSP").deal("Org2MSP");
        final KeyDeal late = orgs.dealOf("Org3MSP");
        final KeyDeal again = orgs.dealOf("Org1MSP");
        final KeyDeal shortOfShares = new KeyDeal(
                Fixture.EPOCH, "Org3MSP", late.commitments(), late.shares().subList(0, 2));
        final KeyDeal tooManyCommitments = new KeyDeal(
                Fixture.EPOCH,
                "Org3MSP",
                List.of(
                        late.commitments().get(0),
                        late.commitments().get(1),
                        late.commitments().get(0)),
                late.shares());

        assertThatThrownBy(() -> orgs.generation.deal(again)).hasMessageStartingWith("DUPLICATE_ID [dealer]");
        assertThatThrownBy(() -> orgs.generation.deal(shortOfShares))
                .hasMessageStartingWith("INVALID_ARGUMENT [shares] need one sealed share per member in index order");
        assertThatThrownBy(() -> orgs.generation.deal(tooManyCommitments))
                .hasMessage("INVALID_ARGUMENT [commitments] need t = 2 (a polynomial of degree t-1), got 3");
        orgs.checkAll();
        assertThatThrownBy(() -> orgs.generation.deal(late))
                .hasMessageStartingWith("INVALID_STATE [deal] the dealing of key generation 1 is over");
    }

    @Test
    void a_member_that_did_not_complain_about_a_bad_share_cannot_derive_its_share() {
        final Fixture orgs = new Fixture(3, 1510).deal("Org1MSP").deal("Org2MSP");
        orgs.generation = orgs.generation.deal(cheatingDeal(orgs));
        orgs.generation = orgs.generation.check(new KeyCheck(Fixture.EPOCH, "Org1MSP", List.of()));

        assertThatThrownBy(() -> orgs.generation.secretShare("Org1MSP", orgs.beaconPrivate.get("Org1MSP")))
                .hasMessageStartingWith("INVALID_STATE [deals[Org3MSP]] the share Org3MSP dealt to Org1MSP fails");
        assertThatThrownBy(() -> orgs.generation.secretShare("Org2MSP", orgs.beaconPrivate.get("Org1MSP")))
                .hasMessageStartingWith("INVALID_ARGUMENT [beaconPrivate]");
    }

    @Test
    void a_check_from_a_non_member_or_twice_is_refused() {
        final Fixture orgs = new Fixture(3, 1511).dealAll().checkAll();

        assertThatThrownBy(() -> orgs.generation.check(new KeyCheck(Fixture.EPOCH, "Org9MSP", List.of())))
                .hasMessageStartingWith("INVALID_ARGUMENT [holder] Org9MSP is not a member of key generation 1");
        assertThatThrownBy(() -> orgs.generation.check(new KeyCheck(Fixture.EPOCH, "Org2MSP", List.of())))
                .hasMessage("DUPLICATE_ID [holder] Org2MSP has checked in key generation 1");
        assertThatThrownBy(() -> orgs.generation.check(new KeyCheck(2, "Org2MSP", List.of())))
                .hasMessage("INVALID_ARGUMENT [epoch] this is key generation 1, not 2");
    }

    @Test
    void a_replay_of_the_stored_pieces_gives_the_stored_key_and_spots_a_forged_one() {
        final Fixture orgs = new Fixture(3, 1512).deal("Org1MSP").deal("Org2MSP");
        orgs.generation = orgs.generation.deal(cheatingDeal(orgs));
        orgs.checkAll();
        final ThresholdKey stored = orgs.generation.complete();
        final List<BeaconKey> keys = orgs.generation.members().stream()
                .map(m -> new BeaconKey(m.msp(), m.publicKey(), null, null))
                .toList();

        final KeyGeneration replayed = KeyGeneration.replay(
                Fixture.DOMAIN,
                Fixture.EPOCH,
                keys,
                List.copyOf(orgs.generation.deals().values()),
                List.copyOf(orgs.generation.checks().values()));
        final ThresholdKey forged = new ThresholdKey(
                stored.epoch(),
                stored.threshold(),
                stored.members(),
                List.of("Org1MSP", "Org2MSP", "Org3MSP"),
                stored.publicKey(),
                stored.publicShares());

        assertThat(KeyCompletion.differences(replayed, stored)).isEmpty();
        assertThat(KeyCompletion.differences(replayed, forged)).hasSize(1);
    }
}
