// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.PovmException;
import io.povm.api.beacon.P256;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartialTest {
    private static final long ROUND = 7;
    private static Fixture orgs;
    private static ThresholdKey key;

    @BeforeAll
    static void keyGeneration() {
        orgs = new Fixture(3, 1501).dealAll().checkAll();
        key = orgs.generation.complete();
    }

    @Test
    void a_partial_made_with_the_org_s_share_verifies() {
        final Partial partial = orgs.partial(ROUND, "Org2MSP");

        assertThat(Partials.valid(key, Fixture.DOMAIN, ROUND, partial)).isTrue();
        assertThat(partial.sigma())
                .isEqualTo(P256.hex(Fixture.times(
                        Fixture.DOMAIN.roundPoint(ROUND),
                        orgs.generation.secretShare("Org2MSP", orgs.beaconPrivate.get("Org2MSP")))));
    }

    @Test
    void a_partial_with_a_tampered_sigma_is_refused_naming_the_org() {
        final Partial honest = orgs.partial(ROUND, "Org2MSP");
        final Partial tampered = new Partial(
                ROUND,
                "Org2MSP",
                P256.hex(P256.point("sigma", honest.sigma()).twice().normalize()),
                honest.challenge(),
                honest.response());

        assertThatThrownBy(() -> Partials.verify(key, Fixture.DOMAIN, ROUND, tampered))
                .isInstanceOf(PovmException.class)
                .hasMessageStartingWith(
                        "INVALID_ARGUMENT [partials[Org2MSP]] Org2MSP's partial for round 7 is refused");
    }

    @Test
    void a_partial_made_with_another_secret_is_refused_although_its_proof_is_consistent() {
        final BigInteger wrong = orgs.generation
                .secretShare("Org3MSP", orgs.beaconPrivate.get("Org3MSP"))
                .add(BigInteger.ONE);
        final Partial partial = Partial.create(Fixture.DOMAIN, ROUND, "Org3MSP", wrong, orgs.random);

        assertThatThrownBy(() -> Partials.verify(key, Fixture.DOMAIN, ROUND, partial))
                .hasMessageContaining("[partials[Org3MSP]]")
                .hasMessageContaining("public share X_3");
    }

    @Test
    void a_partial_relabelled_to_another_round_or_org_is_refused() {
        final Partial partial = orgs.partial(ROUND, "Org1MSP");
        final Partial otherRound =
                new Partial(ROUND + 1, partial.msp(), partial.sigma(), partial.challenge(), partial.response());
        final Partial otherOrg =
                new Partial(ROUND, "Org2MSP", partial.sigma(), partial.challenge(), partial.response());

        assertThat(Partials.valid(key, Fixture.DOMAIN, ROUND + 1, otherRound)).isFalse();
        assertThat(Partials.valid(key, Fixture.DOMAIN, ROUND, otherOrg)).isFalse();
        assertThatThrownBy(() -> Partials.verify(key, Fixture.DOMAIN, ROUND + 1, partial))
                .hasMessageContaining("is for round 7, not 8");
    }

    @Test
    void a_partial_from_a_non_member_or_in_another_domain_is_refused() {
        final Partial partial = orgs.partial(ROUND, "Org1MSP");
        final Partial stranger =
                new Partial(ROUND, "Org9MSP", partial.sigma(), partial.challenge(), partial.response());

        assertThatThrownBy(() -> Partials.verify(key, Fixture.DOMAIN, ROUND, stranger))
                .hasMessage("INVALID_ARGUMENT [partials[Org9MSP]] Org9MSP is not a member of key generation 1;"
                        + " it has no share");
        assertThat(Partials.valid(key, new BeaconDomain("other", "povm"), ROUND, partial))
                .isFalse();
    }

    @Test
    void a_malformed_partial_is_refused_naming_the_org() {
        final Partial partial = orgs.partial(ROUND, "Org1MSP");
        final Partial malformed = new Partial(ROUND, "Org1MSP", "02zz", partial.challenge(), partial.response());

        assertThatThrownBy(() -> Partials.verify(key, Fixture.DOMAIN, ROUND, malformed))
                .hasMessageStartingWith("INVALID_ARGUMENT [partials[Org1MSP]] Org1MSP's partial is malformed");
    }

    @Test
    void the_round_point_is_a_curve_point_that_differs_per_round_and_domain() {
        assertThat(Fixture.DOMAIN.roundPoint(ROUND).isValid()).isTrue();
        assertThat(Fixture.DOMAIN.roundPoint(ROUND)).isEqualTo(Fixture.DOMAIN.roundPoint(ROUND));
        assertThat(Fixture.DOMAIN.roundPoint(ROUND)).isNotEqualTo(Fixture.DOMAIN.roundPoint(ROUND + 1));
        assertThat(Fixture.DOMAIN.roundPoint(ROUND)).isNotEqualTo(new BeaconDomain("povm", "other").roundPoint(ROUND));
    }
}
