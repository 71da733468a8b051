// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Sla;
import io.povm.api.SlaState;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The governance rule transition by transition, without Fabric. */
class SlaVotingTest {
    private static final Submitter ADMIN1 = new Submitter("Org1MSP", "x509::admin1");
    private static final Sla PROPOSED = Sla.proposed(Slas.spec(), ADMIN1, "t0", "tx-0");
    private static final Sla ACTIVE = PROPOSED.activated("t1");
    private static final Sla DEPRECATED = ACTIVE.deprecated("t2");

    private static Members members(final String... msps) {
        return new Members(List.of(msps), ADMIN1, "t", "tx");
    }

    private final SlaVoting threeOrgs = new SlaVoting(members("Org1MSP", "Org2MSP", "Org3MSP"));

    private static PovmError rejection(final Runnable call) {
        return catchThrowableOfType(PovmException.class, call::run).error();
    }

    @Nested
    class Approve {
        @Test
        void the_first_approval_of_three_orgs_keeps_the_sla_proposed() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(PROPOSED, Set.of(), "Org1MSP", "t1");

            assertThat(outcome.sla()).isEqualTo(PROPOSED);
            assertThat(outcome.recorded()).isTrue();
            assertThat(outcome.votes()).isEqualTo(1);
        }

        @Test
        void the_approval_that_reaches_the_majority_activates_the_sla_at_its_time() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(PROPOSED, Set.of("Org1MSP"), "Org2MSP", "t1");

            assertThat(outcome.sla().state()).isEqualTo(SlaState.ACTIVE);
            assertThat(outcome.sla().activatedAt()).contains("t1");
            assertThat(outcome.recorded()).isTrue();
            assertThat(outcome.votes()).isEqualTo(2);
        }

        @Test
        void two_approvals_of_four_orgs_are_not_a_majority() {
            final SlaVoting fourOrgs = new SlaVoting(members("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP"));

            final SlaVoting.Outcome outcome = fourOrgs.approve(PROPOSED, Set.of("Org1MSP"), "Org2MSP", "t1");

            assertThat(outcome.sla().state()).isEqualTo(SlaState.PROPOSED);
            assertThat(fourOrgs.approve(PROPOSED, Set.of("Org1MSP", "Org2MSP"), "Org4MSP", "t1")
                            .sla()
                            .state())
                    .isEqualTo(SlaState.ACTIVE);
        }

        @Test
        void in_a_one_org_network_the_proposers_approval_is_the_majority() {
            final SlaVoting oneOrg = new SlaVoting(members("Org1MSP"));

            assertThat(oneOrg.approve(PROPOSED, Set.of(), "Org1MSP", "t0").sla().state())
                    .isEqualTo(SlaState.ACTIVE);
        }

        @Test
        void approving_again_records_nothing_and_changes_nothing() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(PROPOSED, Set.of("Org1MSP"), "Org1MSP", "t1");

            assertThat(outcome.recorded()).isFalse();
            assertThat(outcome.sla()).isEqualTo(PROPOSED);
            assertThat(outcome.votes()).isEqualTo(1);
        }

        @Test
        void votes_of_orgs_that_are_not_members_do_not_count() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(PROPOSED, Set.of("Org9MSP"), "Org2MSP", "t1");

            assertThat(outcome.votes()).isEqualTo(1);
            assertThat(outcome.sla().state()).isEqualTo(SlaState.PROPOSED);
        }

        @Test
        void a_later_approval_of_an_active_sla_is_recorded_without_reactivating_it() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(ACTIVE, Set.of("Org1MSP", "Org2MSP"), "Org3MSP", "t9");

            assertThat(outcome.sla()).isEqualTo(ACTIVE);
            assertThat(outcome.sla().activatedAt()).contains("t1");
            assertThat(outcome.recorded()).isTrue();
            assertThat(outcome.votes()).isEqualTo(3);
        }

        @Test
        void a_deprecated_sla_cannot_be_approved() {
            final PovmError error = rejection(() -> threeOrgs.approve(DEPRECATED, Set.of("Org1MSP"), "Org3MSP", "t9"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [ref] SLA standard@1 is DEPRECATED; only a PROPOSED or ACTIVE SLA can be"
                            + " approved");
        }

        @Test
        void an_org_that_approved_a_deprecated_sla_may_repeat_its_approval_harmlessly() {
            final SlaVoting.Outcome outcome = threeOrgs.approve(DEPRECATED, Set.of("Org1MSP"), "Org1MSP", "t9");

            assertThat(outcome.recorded()).isFalse();
            assertThat(outcome.sla()).isEqualTo(DEPRECATED);
        }
    }

    @Nested
    class Deprecate {
        @Test
        void a_proposed_sla_cannot_be_deprecated() {
            final PovmError error = rejection(() -> threeOrgs.deprecate(PROPOSED, Set.of(), "Org1MSP", "t9"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("ref");
            assertThat(error.reason())
                    .isEqualTo("SLA standard@1 is PROPOSED; only an ACTIVE SLA can be deprecated; a PROPOSED one never"
                            + " took effect");
        }

        @Test
        void the_first_vote_keeps_the_sla_active() {
            final SlaVoting.Outcome outcome = threeOrgs.deprecate(ACTIVE, Set.of(), "Org2MSP", "t9");

            assertThat(outcome.sla()).isEqualTo(ACTIVE);
            assertThat(outcome.recorded()).isTrue();
            assertThat(outcome.votes()).isEqualTo(1);
        }

        @Test
        void the_vote_that_reaches_the_majority_deprecates_the_sla_at_its_time() {
            final SlaVoting.Outcome outcome = threeOrgs.deprecate(ACTIVE, Set.of("Org2MSP"), "Org3MSP", "t9");

            assertThat(outcome.sla().state()).isEqualTo(SlaState.DEPRECATED);
            assertThat(outcome.sla().deprecatedAt()).contains("t9");
            assertThat(outcome.sla().activatedAt()).contains("t1");
        }

        @Test
        void voting_again_records_nothing() {
            final SlaVoting.Outcome outcome = threeOrgs.deprecate(ACTIVE, Set.of("Org2MSP"), "Org2MSP", "t9");

            assertThat(outcome.recorded()).isFalse();
            assertThat(outcome.sla()).isEqualTo(ACTIVE);
        }

        @Test
        void a_deprecated_sla_takes_no_new_votes() {
            final PovmError error =
                    rejection(() -> threeOrgs.deprecate(DEPRECATED, Set.of("Org1MSP", "Org2MSP"), "Org3MSP", "t9"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [ref] SLA standard@1 is DEPRECATED; it is deprecated already (since t2)");
        }

        @Test
        void an_org_that_voted_may_repeat_its_vote_on_a_deprecated_sla_harmlessly() {
            final SlaVoting.Outcome outcome =
                    threeOrgs.deprecate(DEPRECATED, Set.of("Org1MSP", "Org2MSP"), "Org2MSP", "t9");

            assertThat(outcome.recorded()).isFalse();
            assertThat(outcome.sla()).isEqualTo(DEPRECATED);
        }
    }
}
