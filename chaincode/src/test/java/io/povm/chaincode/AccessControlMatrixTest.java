// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.org.OrgContract;
import io.povm.chaincode.sla.SlaContract;
import java.util.List;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The access-control matrix of the org and sla contracts (docs/access-control-sla.md), one nested class per
 * operation and one case per identity. Members are Org1MSP, Org2MSP and Org3MSP; the caller is Org2's admin, client or
 * worker, or the admin of Org4MSP, which is not a member. A refused call names the rule and writes nothing.
 */
class AccessControlMatrixTest {
    private final MockLedger ledger = new MockLedger();
    private final SlaContract slas = new SlaContract();
    private final OrgContract orgs = new OrgContract();

    /** The identities the matrix tells apart. */
    enum Who {
        MEMBER_ADMIN("Org2MSP", Identities.admin(2)),
        CLIENT("Org2MSP", Identities.client(2)),
        WORKER("Org2MSP", Identities.worker(2)),
        NON_MEMBER_ADMIN("Org4MSP", Identities.admin(4));

        private final String msp;
        private final String subject;

        Who(final String msp, final String subject) {
            this.msp = msp;
            this.subject = subject;
        }
    }

    private Context as(final Who who) {
        return ledger.as(who.msp, who.subject);
    }

    private void members() {
        ledger.put(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        List.of("Org1MSP", "Org2MSP", "Org3MSP"), new Submitter("Org1MSP", "x509::a"), "t", "tx-0")));
    }

    /** standard@1 proposed by Org1; with {@code active}, approved by Org3 too. */
    private void standard(final boolean active) {
        members();
        slas.Propose(ledger.as("Org1MSP", Identities.admin(1)), Slas.VALID_JSON);
        ledger.commit();
        if (active) {
            slas.Approve(ledger.as("Org3MSP", Identities.admin(3)), "standard@1");
            ledger.commit();
        }
    }

    /** Runs a governance call as {@code who}: allowed only for the member admin, else FORBIDDEN naming the rule. */
    private void governance(final Who who, final String transaction, final Function<Context, String> call) {
        final Context ctx = as(who);
        switch (who) {
            case MEMBER_ADMIN:
                assertThatCode(() -> call.apply(ctx)).doesNotThrowAnyException();
                assertThat(ledger.eventNames()).hasSize(1);
                return;
            case CLIENT:
            case WORKER:
                assertForbidden(
                        call, ctx, transaction + " requires an org admin identity (OU=admin); caller has OU=client");
                return;
            case NON_MEMBER_ADMIN:
            default:
                assertForbidden(
                        call,
                        ctx,
                        transaction + " requires an admin of a member org; Org4MSP is not a member (members:"
                                + " Org1MSP, Org2MSP, Org3MSP)");
        }
    }

    private void assertForbidden(final Function<Context, String> call, final Context ctx, final String rule) {
        final PovmError error = errorOf(() -> call.apply(ctx));
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.field()).isEqualTo("caller");
        assertThat(error.reason()).isEqualTo(rule);
        assertThat(ledger.stateWrites()).isZero();
        assertThat(ledger.eventNames()).isEmpty();
    }

    /** Runs a read as {@code who}: everyone may read. */
    private void read(final Who who, final Function<Context, String> call) {
        final Context ctx = as(who);
        assertThatCode(() -> call.apply(ctx)).doesNotThrowAnyException();
        assertThat(ledger.stateWrites()).isZero();
    }

    @Nested
    class OrgBootstrap {
        @ParameterizedTest
        @EnumSource(Who.class)
        void only_an_org_admin_whose_org_is_in_the_list_may_bootstrap(final Who who) {
            final Context ctx = as(who);
            final String list = "[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]";
            switch (who) {
                case MEMBER_ADMIN:
                    assertThatCode(() -> orgs.Bootstrap(ctx, list)).doesNotThrowAnyException();
                    return;
                case CLIENT:
                case WORKER:
                    assertForbidden(
                            c -> orgs.Bootstrap(c, list),
                            ctx,
                            "org:Bootstrap requires an org admin identity (OU=admin); caller has OU=client");
                    return;
                case NON_MEMBER_ADMIN:
                default:
                    final PovmError error = errorOf(() -> orgs.Bootstrap(ctx, list));
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(error.field()).isEqualTo("mspIds");
                    assertThat(error.reason()).startsWith("must include the caller's own org Org4MSP");
                    assertThat(ledger.stateWrites()).isZero();
            }
        }
    }

    @Nested
    class OrgGetMembers {
        @BeforeEach
        void bootstrapped() {
            members();
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void everyone_may_read_the_members(final Who who) {
            read(who, orgs::GetMembers);
        }
    }

    @Nested
    class SlaPropose {
        @BeforeEach
        void bootstrapped() {
            members();
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void only_an_admin_of_a_member_org_may_propose(final Who who) {
            governance(who, "sla:Propose", ctx -> slas.Propose(ctx, Slas.VALID_JSON));
        }
    }

    @Nested
    class SlaApprove {
        @BeforeEach
        void proposed() {
            standard(false);
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void only_an_admin_of_a_member_org_may_approve(final Who who) {
            governance(who, "sla:Approve", ctx -> slas.Approve(ctx, "standard@1"));
        }
    }

    @Nested
    class SlaDeprecate {
        @BeforeEach
        void active() {
            standard(true);
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void only_an_admin_of_a_member_org_may_vote_to_deprecate(final Who who) {
            governance(who, "sla:Deprecate", ctx -> slas.Deprecate(ctx, "standard@1"));
        }
    }

    @Nested
    class SlaReads {
        @BeforeEach
        void active() {
            standard(true);
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void everyone_may_get_an_sla(final Who who) {
            read(who, ctx -> slas.Get(ctx, "standard@1"));
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void everyone_may_list_slas(final Who who) {
            read(who, ctx -> slas.List(ctx, "ACTIVE", "50", ""));
        }

        @ParameterizedTest
        @EnumSource(Who.class)
        void everyone_may_list_an_slas_votes(final Who who) {
            read(who, ctx -> slas.ListApprovals(ctx, "standard@1"));
        }
    }
}
