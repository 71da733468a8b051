// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MintProposal;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MintVotingTest {
    private static final Members FIVE = new Members(
            List.of("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP", "Org5MSP"), new Submitter("Org1MSP", "a"), "t", "tx");

    private static MintProposal proposal() {
        return new MintProposal(
                "m-1",
                "Org1MSP",
                "x509::u",
                100,
                "",
                MintProposal.PROPOSED,
                new Submitter("Org1MSP", "a"),
                "t",
                List.of(),
                3,
                null);
    }

    private static Approval by(final String org) {
        return new Approval(org, "x509::admin@" + org, "t-" + org, "tx-" + org);
    }

    @Test
    void executes_with_the_approval_that_reaches_a_majority_of_member_orgs_and_not_before() {
        final MintVoting voting = new MintVoting(FIVE);

        final MintProposal one = voting.approve(proposal(), by("Org1MSP"));
        final MintProposal two = voting.approve(one, by("Org2MSP"));
        final MintProposal three = voting.approve(two, by("Org3MSP"));

        assertThat(one.executed()).isFalse();
        assertThat(two.executed()).isFalse();
        assertThat(three.executed()).isTrue();
        assertThat(three.executedAt()).isEqualTo("t-Org3MSP");
        assertThat(three.approvals()).extracting(Approval::msp).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
    }

    @Test
    void approvals_of_orgs_that_are_not_members_do_not_count() {
        final MintVoting voting = new MintVoting(FIVE);

        final MintProposal outsiders = voting.approve(voting.approve(proposal(), by("Org8MSP")), by("Org9MSP"));
        final MintProposal withOne = voting.approve(outsiders, by("Org1MSP"));

        assertThat(withOne.executed()).isFalse();
    }

    @Test
    void a_second_approval_by_the_same_org_returns_the_proposal_unchanged() {
        final MintVoting voting = new MintVoting(FIVE);
        final MintProposal once = voting.approve(proposal(), by("Org2MSP"));

        assertThat(voting.approve(once, by("Org2MSP"))).isSameAs(once);
    }

    @Test
    void an_org_that_approved_an_executed_mint_gets_it_back_unchanged() {
        final MintVoting voting =
                new MintVoting(new Members(List.of("Org1MSP"), new Submitter("Org1MSP", "a"), "t", "tx"));
        final MintProposal executed = voting.approve(proposal(), by("Org1MSP"));

        assertThat(voting.approve(executed, by("Org1MSP"))).isSameAs(executed);
    }

    @Test
    void refuses_any_approval_of_an_executed_mint() {
        final MintVoting voting =
                new MintVoting(new Members(List.of("Org1MSP"), new Submitter("Org1MSP", "a"), "t", "tx"));
        final MintProposal executed = voting.approve(proposal(), by("Org1MSP"));

        final PovmException e =
                catchThrowableOfType(PovmException.class, () -> voting.approve(executed, by("Org2MSP")));

        assertThat(executed.executed()).isTrue();
        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(e.error().reason()).contains("executed already");
    }
}
