// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.Operator;
import io.povm.api.OperatorList;
import io.povm.api.PovmError;
import io.povm.api.Submitter;
import io.povm.client.PovmClientException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code povm org members|propose|approve|show} against a mocked MembersClient. */
class OrgCommandsTest {
    private static final Submitter ORG1_ADMIN = new Submitter("Org1MSP", "x509::CN=Admin@org1");
    private static final Approval ORG1 = new Approval("Org1MSP", ORG1_ADMIN.id(), "2026-11-21T10:00:00Z", "tx-1");
    private static final Approval ORG2 = new Approval("Org2MSP", "x509::CN=Admin@org2", "2026-11-21T10:01:00Z", "tx-2");

    private final CliHarness cli = new CliHarness();
    private final MemberProposal proposed = MemberProposal.open("Org4MSP", ORG1_ADMIN, ORG1, 2);

    @Test
    void members_lists_the_orgs_and_the_majority() {
        when(cli.members.members())
                .thenReturn(new Members(
                        List.of("Org1MSP", "Org2MSP", "Org3MSP"), ORG1_ADMIN, "2026-11-20T09:00:00Z", "tx-0"));

        assertThat(cli.run("org", "members")).isZero();

        assertThat(cli.out()).contains("members   Org1MSP, Org2MSP, Org3MSP").contains("majority  2 of 3");
    }

    @Test
    void propose_counts_the_proposers_org_and_says_how_many_are_needed() {
        when(cli.members.propose("Org4MSP")).thenReturn(proposed);

        assertThat(cli.run("org", "propose", "Org4MSP", "--profile", "org1-admin"))
                .isZero();

        assertThat(cli.out())
                .contains("org       Org4MSP PROPOSED")
                .contains("proposed  by Org1MSP at 2026-11-21T10:00:00Z")
                .contains("approvals 1 of 2 needed")
                .contains("  Org1MSP at 2026-11-21T10:00:00Z")
                .doesNotContain("executed");
    }

    @Test
    void the_approval_that_reaches_the_majority_shows_the_org_added_and_json_is_the_proposal() {
        when(cli.members.approve("Org4MSP")).thenReturn(proposed.approved(ORG2, 2, true));

        assertThat(cli.run("org", "approve", "Org4MSP", "--profile", "org2-admin"))
                .isZero();
        assertThat(cli.out()).contains("org       Org4MSP EXECUTED").contains("executed  2026-11-21T10:01:00Z");

        assertThat(cli.run("org", "approve", "Org4MSP", "-o", "json")).isZero();
        assertThat(cli.out())
                .startsWith("{\"msp\":\"Org4MSP\",\"state\":\"EXECUTED\",")
                .contains("\"approvals\":[{\"msp\":\"Org1MSP\"");
        verify(cli.members, times(2)).approve("Org4MSP");
    }

    @Test
    void show_of_an_org_nobody_proposed_says_how_to_propose_it() {
        when(cli.members.proposal("Org9MSP"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.NOT_FOUND, "mspId", "no proposal to add Org9MSP"), null));

        assertThat(cli.run("org", "show", "Org9MSP")).isEqualTo(ExitCodes.NOT_FOUND);

        assertThat(cli.err())
                .startsWith("error: NOT_FOUND [mspId] no proposal to add Org9MSP")
                .contains("povm org propose MSP");
    }

    @Test
    void a_vote_by_a_non_admin_is_refused_with_a_hint_at_the_admin_profile() {
        when(cli.members.approve("Org4MSP"))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.FORBIDDEN, "caller", "only an org admin may vote"), null));

        assertThat(cli.run("org", "approve", "Org4MSP")).isEqualTo(ExitCodes.REJECTED);

        assertThat(cli.err()).contains("--profile org2-admin");
    }

    @Test
    void a_vote_without_an_msp_is_a_usage_error_and_calls_nothing() {
        assertThat(cli.run("org", "approve")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("Missing required parameter: 'MSP'");
        verifyNoInteractions(cli.members);
    }

    @Test
    void add_operator_registers_the_certificate_read_from_the_file() throws Exception {
        final java.nio.file.Path pem = java.nio.file.Files.createTempFile("operator", ".pem");
        java.nio.file.Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        when(cli.members.registerOperator(java.nio.file.Files.readString(pem)))
                .thenReturn(new Operator(
                        "Org1MSP", "x509::CN=User2@org1", ORG1_ADMIN.id(), "2026-12-06T10:00:00Z", "tx-9"));

        assertThat(cli.run("org", "add-operator", "--profile", "org1-admin", "--cert", pem.toString()))
                .isZero();

        assertThat(cli.out())
                .contains("operator  Org1MSP x509::CN=User2@org1")
                .contains("since     2026-12-06T10:00:00Z (tx tx-9)");
    }

    @Test
    void add_operator_without_a_certificate_is_a_usage_error_before_connecting() {
        assertThat(cli.run("org", "add-operator", "--profile", "org1-admin")).isEqualTo(2);

        assertThat(cli.err()).contains("--cert");
        verifyNoInteractions(cli.members);
    }

    @Test
    void add_operator_as_a_client_is_refused_with_a_hint_to_use_the_orgs_admin() throws Exception {
        final java.nio.file.Path pem = java.nio.file.Files.createTempFile("operator", ".pem");
        when(cli.members.registerOperator(org.mockito.ArgumentMatchers.anyString()))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.FORBIDDEN, "caller", "org:RegisterOperator requires an admin"), null));

        assertThat(cli.run("org", "add-operator", "--cert", pem.toString())).isEqualTo(3);

        assertThat(cli.err()).contains("FORBIDDEN [caller]").contains("--profile org1-admin");
    }

    @Test
    void operators_lists_the_registered_identities_or_says_that_admins_stand_in() {
        when(cli.members.operators("Org2MSP")).thenReturn(new OperatorList("Org2MSP", List.of()));
        when(cli.members.operators("Org1MSP"))
                .thenReturn(new OperatorList(
                        "Org1MSP",
                        List.of(new Operator(
                                "Org1MSP", "x509::CN=User2@org1", ORG1_ADMIN.id(), "2026-12-06T10:00:00Z", "tx-9"))));

        assertThat(cli.run("org", "operators", "Org2MSP")).isZero();
        assertThat(cli.out()).contains("Org2MSP has no registered operator; its admins act as operators");
        assertThat(cli.run("org", "operators", "Org1MSP")).isZero();
        assertThat(cli.out()).contains("x509::CN=User2@org1  since 2026-12-06T10:00:00Z");
    }
}
