// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.sla;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaEvent;
import io.povm.api.SlaPage;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.SlaVote;
import io.povm.api.SlaVotes;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import io.povm.chaincode.Identities;
import io.povm.chaincode.MockLedger;
import io.povm.chaincode.org.MemberLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every transaction of the sla contract over a mocked stub whose world state behaves like Fabric's: reads see only
 * committed writes, and {@code commit()} ends a transaction.
 */
class SlaContractTransactionsTest {
    private static final String SLA_KEY = "/sla/standard/000001/";
    private static final String ADMIN1_ID = Identities.idOf(Identities.admin(1));

    private final SlaContract contract = new SlaContract();
    private final MockLedger ledger = new MockLedger();

    @BeforeEach
    void three_member_orgs() {
        members("Org1MSP", "Org2MSP", "Org3MSP");
    }

    private void members(final String... msps) {
        ledger.put(
                MemberLedger.key(),
                PovmJson.write(new Members(List.of(msps), new Submitter("Org1MSP", ADMIN1_ID), "t", "tx-0")));
    }

    private Context admin(final int org) {
        return ledger.as("Org" + org + "MSP", Identities.admin(org));
    }

    private Sla propose(final int org, final SlaSpec spec) {
        final Sla sla = PovmJson.read(contract.Propose(admin(org), PovmJson.write(spec)), Sla.class);
        ledger.commit();
        return sla;
    }

    private SlaStatus approve(final int org, final String ref) {
        final SlaStatus status = PovmJson.read(contract.Approve(admin(org), ref), SlaStatus.class);
        ledger.commit();
        return status;
    }

    private SlaStatus deprecate(final int org, final String ref) {
        final SlaStatus status = PovmJson.read(contract.Deprecate(admin(org), ref), SlaStatus.class);
        ledger.commit();
        return status;
    }

    /** standard@1 proposed by Org1 and approved by Org2: ACTIVE. */
    private void activeStandard() {
        propose(1, Slas.spec());
        approve(2, "standard@1");
    }

    private void assertNothingWritten() {
        assertThat(ledger.stateWrites()).as("state writes").isZero();
        assertThat(ledger.eventNames()).as("events").isEmpty();
    }

    private SlaEvent event() {
        return PovmJson.read(ledger.eventPayload(), SlaEvent.class);
    }

    private Sla stored(final String key) {
        return PovmJson.read(ledger.get(key.replace('/', '\u0000')).orElseThrow(), Sla.class);
    }

    @Nested
    class Propose {
        @Test
        void creates_a_proposed_sla_counting_the_proposers_org_as_its_first_approval() {
            final String result = contract.Propose(admin(1), Slas.VALID_JSON);

            final String expected = "{\"spec\":" + Slas.VALID_JSON + ",\"state\":\"PROPOSED\","
                    + "\"proposer\":{\"msp\":\"Org1MSP\",\"id\":\"" + ADMIN1_ID + "\"},"
                    + "\"proposedAt\":\"" + MockLedger.NOW_ISO + "\",\"proposeTxId\":\"tx-1\"}";
            assertThat(result).isEqualTo(expected);
            final Map<String, String> writes = new LinkedHashMap<>();
            writes.put(SLA_KEY, expected);
            writes.put("/sla-state/PROPOSED/standard/000001/", "standard@1");
            writes.put(
                    "/sla-approval/standard/000001/Org1MSP/",
                    "{\"msp\":\"Org1MSP\",\"id\":\"" + ADMIN1_ID + "\",\"votedAt\":\"" + MockLedger.NOW_ISO
                            + "\",\"txId\":\"tx-1\"}");
            assertThat(ledger.writes()).containsExactlyEntriesOf(writes);
        }

        @Test
        void sets_one_sla_proposed_event_with_what_a_dashboard_needs() {
            contract.Propose(admin(1), Slas.VALID_JSON);

            assertThat(ledger.eventNames()).containsExactly("SlaProposed");
            assertThat(ledger.eventPayload())
                    .isEqualTo("{\"sla\":\"standard@1\",\"action\":\"PROPOSE\",\"org\":\"Org1MSP\","
                            + "\"state\":\"PROPOSED\",\"approvals\":1,\"deprecationVotes\":0,\"threshold\":2,"
                            + "\"members\":3,\"txId\":\"tx-1\",\"at\":\"" + MockLedger.NOW_ISO + "\"}");
        }

        @Test
        void stores_the_same_bytes_for_terms_written_in_another_order() {
            final String reordered = "{\"job\":{\"maxOutputBytes\":1048576,\"maxInputBytes\":1048576},"
                    + "\"vm\":{\"pricePerVmSecond\":10,\"minBenchmarkOpsPerSec\":50000,\"network\":\"none\","
                    + "\"maxWallSeconds\":3600,\"diskMiB\":10240,\"memoryMiB\":2048,\"cpuMillis\":2000},"
                    + "\"version\":1,\n \"name\":\"standard\"}";

            assertThat(PovmJson.read(contract.Propose(admin(1), reordered), Sla.class)
                            .spec())
                    .isEqualTo(Slas.spec());
            assertThat(ledger.writes().get(SLA_KEY)).contains("\"spec\":" + Slas.VALID_JSON);
        }

        @Test
        void the_same_terms_again_by_the_same_org_return_the_stored_sla_and_write_nothing() {
            final Sla first = propose(1, Slas.spec());

            final String again = contract.Propose(admin(1), Slas.VALID_JSON);

            assertThat(PovmJson.read(again, Sla.class)).isEqualTo(first);
            assertNothingWritten();
        }

        @Test
        void the_same_terms_by_another_org_are_a_duplicate_that_should_be_approved_instead() {
            propose(1, Slas.spec());

            final PovmError error = errorOf(() -> contract.Propose(admin(2), Slas.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("DUPLICATE_ID [version] SLA standard@1 already exists with these terms (proposed by"
                            + " Org1MSP at " + MockLedger.NOW_ISO + "); approve it instead: sla:Approve standard@1");
            assertNothingWritten();
        }

        @Test
        void other_terms_under_a_taken_version_are_a_duplicate() {
            propose(1, Slas.spec());

            final PovmError error = errorOf(
                    () -> contract.Propose(admin(1), Slas.edited(s -> Slas.vm(s).put("pricePerVmSecond", 11))));

            assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
            assertThat(error.field()).isEqualTo("version");
            assertThat(error.reason()).contains("already exists with other terms", "propose yours as a new version");
            assertNothingWritten();
            assertThat(stored(SLA_KEY).spec()).isEqualTo(Slas.spec());
        }

        @ParameterizedTest(name = "{0} is rejected at [{2}]")
        @MethodSource("io.povm.api.InvalidSlaSpecs#rules")
        void rejects_a_broken_rule_naming_the_field_and_writes_nothing(
                final String what, final String json, final String field) {
            final PovmError error = errorOf(() -> contract.Propose(admin(1), json));

            assertThat(error.code()).as(what).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).as(what).isEqualTo(field);
            assertNothingWritten();
        }

        @Test
        void a_client_may_not_propose() {
            final PovmError error =
                    errorOf(() -> contract.Propose(ledger.as("Org1MSP", Identities.client(1)), Slas.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] sla:Propose requires an org admin identity (OU=admin); caller has"
                            + " OU=client");
            assertNothingWritten();
        }

        @Test
        void a_worker_may_not_propose() {
            final PovmError error =
                    errorOf(() -> contract.Propose(ledger.as("Org2MSP", Identities.worker(2)), Slas.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).startsWith("sla:Propose requires an org admin identity");
            assertNothingWritten();
        }

        @Test
        void a_peer_may_not_propose() {
            final PovmError error =
                    errorOf(() -> contract.Propose(ledger.as("Org1MSP", Identities.peer(1)), Slas.VALID_JSON));

            assertThat(error.reason()).endsWith("caller has OU=peer");
            assertNothingWritten();
        }

        @Test
        void the_admin_of_an_org_that_is_not_a_member_may_not_propose() {
            final PovmError error =
                    errorOf(() -> contract.Propose(ledger.as("Org4MSP", Identities.admin(4)), Slas.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] sla:Propose requires an admin of a member org; Org4MSP is not a"
                            + " member (members: Org1MSP, Org2MSP, Org3MSP)");
            assertNothingWritten();
        }

        @Test
        void nothing_can_be_proposed_before_the_members_are_set() {
            ledger.put(MemberLedger.key(), "");

            final PovmError error = errorOf(() -> contract.Propose(admin(1), Slas.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [members] the member orgs are not set yet; an org admin must run"
                            + " org:Bootstrap first");
            assertNothingWritten();
        }

        @Test
        void in_a_one_org_network_the_proposal_activates_at_once() {
            members("Org1MSP");

            final Sla sla = PovmJson.read(contract.Propose(admin(1), Slas.VALID_JSON), Sla.class);

            assertThat(sla.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(sla.activatedAt()).contains(MockLedger.NOW_ISO);
            assertThat(ledger.eventNames()).containsExactly("SlaActivated");
            assertThat(ledger.writes()).containsKey("/sla-state/ACTIVE/standard/000001/");
            assertThat(ledger.writes()).doesNotContainKey("/sla-state/PROPOSED/standard/000001/");
        }
    }

    @Nested
    class Approve {
        @BeforeEach
        void standard_proposed_by_org1() {
            propose(1, Slas.spec());
        }

        @Test
        void the_second_orgs_approval_activates_the_sla_in_the_same_transaction() {
            final String result = contract.Approve(admin(2), "standard@1");

            assertThat(PovmJson.read(result, SlaStatus.class))
                    .isEqualTo(new SlaStatus(SlaRef.parse("standard@1", "r"), SlaState.ACTIVE, 2, 0, 2, 3));
            assertThat(ledger.writes())
                    .containsOnlyKeys(
                            "/sla-approval/standard/000001/Org2MSP/",
                            SLA_KEY,
                            "/sla-state/PROPOSED/standard/000001/",
                            "/sla-state/ACTIVE/standard/000001/");
            assertThat(ledger.writes().get("/sla-state/PROPOSED/standard/000001/"))
                    .as("deleted")
                    .isNull();
            ledger.commit();
            assertThat(stored(SLA_KEY).state()).isEqualTo(SlaState.ACTIVE);
            assertThat(stored(SLA_KEY).activatedAt()).contains(MockLedger.NOW_ISO);
        }

        @Test
        void the_activating_approval_sets_one_sla_activated_event() {
            contract.Approve(admin(2), "standard@1");

            assertThat(ledger.eventNames()).containsExactly("SlaActivated");
            final SlaEvent event = event();
            assertThat(event.action()).isEqualTo(SlaEvent.Action.APPROVE);
            assertThat(event.org()).isEqualTo("Org2MSP");
            assertThat(event.previousState()).contains(SlaState.PROPOSED);
            assertThat(event.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(event.changedState()).isTrue();
            assertThat(event.status().approvals()).isEqualTo(2);
            assertThat(event.status().threshold()).isEqualTo(2);
            assertThat(event.txId()).isEqualTo(ledger.txId());
        }

        @Test
        void an_approval_short_of_the_majority_only_records_the_vote() {
            members("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP", "Org5MSP");

            final SlaStatus status = PovmJson.read(contract.Approve(admin(2), "standard@1"), SlaStatus.class);

            assertThat(status.state()).isEqualTo(SlaState.PROPOSED);
            assertThat(status.approvals()).isEqualTo(2);
            assertThat(status.threshold()).isEqualTo(3);
            assertThat(ledger.writes()).containsOnlyKeys("/sla-approval/standard/000001/Org2MSP/");
            assertThat(ledger.eventNames()).containsExactly("SlaApproved");
            assertThat(event().changedState()).isFalse();
        }

        @Test
        void approving_twice_is_idempotent_and_writes_nothing() {
            final SlaStatus first = approve(2, "standard@1");

            final String again = contract.Approve(admin(2), "standard@1");

            assertThat(PovmJson.read(again, SlaStatus.class)).isEqualTo(first);
            assertNothingWritten();
        }

        @Test
        void the_proposer_approving_its_own_sla_is_idempotent() {
            final SlaStatus status = PovmJson.read(contract.Approve(admin(1), "standard@1"), SlaStatus.class);

            assertThat(status.approvals()).isEqualTo(1);
            assertThat(status.state()).isEqualTo(SlaState.PROPOSED);
            assertNothingWritten();
        }

        @Test
        void a_third_org_may_still_approve_an_active_sla() {
            approve(2, "standard@1");

            final SlaStatus status = PovmJson.read(contract.Approve(admin(3), "standard@1"), SlaStatus.class);

            assertThat(status.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(status.approvals()).isEqualTo(3);
            assertThat(ledger.writes()).containsOnlyKeys("/sla-approval/standard/000001/Org3MSP/");
            assertThat(ledger.eventNames()).containsExactly("SlaApproved");
        }

        @Test
        void approvals_are_read_key_by_key_without_a_range_query() {
            contract.Approve(admin(2), "standard@1");

            assertThat(ledger.partialQueries()).isEmpty();
        }

        @Test
        void a_deprecated_sla_cannot_be_approved() {
            approve(2, "standard@1");
            deprecate(1, "standard@1");
            deprecate(2, "standard@1");

            final PovmError error = errorOf(() -> contract.Approve(admin(3), "standard@1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("ref");
            assertNothingWritten();
        }

        @Test
        void an_unknown_sla_is_not_found() {
            final PovmError error = errorOf(() -> contract.Approve(admin(2), "standard@2"));

            assertThat(error.toMessage())
                    .isEqualTo("NOT_FOUND [ref] SLA standard@2 does not exist; list the SLAs with sla:List");
            assertNothingWritten();
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "standard", "standard@0", "Standard@1"})
        void a_malformed_reference_is_rejected_naming_ref(final String ref) {
            final PovmError error = errorOf(() -> contract.Approve(admin(2), ref));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("ref");
            assertNothingWritten();
        }

        @Test
        void a_client_may_not_approve() {
            final PovmError error =
                    errorOf(() -> contract.Approve(ledger.as("Org2MSP", Identities.client(2)), "standard@1"));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] sla:Approve requires an org admin identity (OU=admin); caller has"
                            + " OU=client");
            assertNothingWritten();
        }

        @Test
        void a_worker_may_not_approve() {
            final PovmError error =
                    errorOf(() -> contract.Approve(ledger.as("Org2MSP", Identities.worker(2)), "standard@1"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @Test
        void the_admin_of_an_org_that_is_not_a_member_may_not_approve() {
            final PovmError error =
                    errorOf(() -> contract.Approve(ledger.as("Org4MSP", Identities.admin(4)), "standard@1"));

            assertThat(error.reason()).startsWith("sla:Approve requires an admin of a member org; Org4MSP is not");
            assertNothingWritten();
        }
    }

    @Nested
    class Deprecate {
        @Test
        void the_first_vote_is_recorded_and_the_sla_stays_active() {
            activeStandard();

            final SlaStatus status = PovmJson.read(contract.Deprecate(admin(3), "standard@1"), SlaStatus.class);

            assertThat(status).isEqualTo(new SlaStatus(SlaRef.parse("standard@1", "r"), SlaState.ACTIVE, 2, 1, 2, 3));
            assertThat(ledger.writes()).containsOnlyKeys("/sla-deprecation/standard/000001/Org3MSP/");
            assertThat(ledger.eventNames()).containsExactly("SlaDeprecationVoted");
        }

        @Test
        void the_vote_that_reaches_the_majority_deprecates_the_sla_and_moves_its_index_entry() {
            activeStandard();
            deprecate(3, "standard@1");

            final SlaStatus status = PovmJson.read(contract.Deprecate(admin(1), "standard@1"), SlaStatus.class);

            assertThat(status.state()).isEqualTo(SlaState.DEPRECATED);
            assertThat(status.deprecationVotes()).isEqualTo(2);
            assertThat(ledger.eventNames()).containsExactly("SlaDeprecated");
            assertThat(event().previousState()).contains(SlaState.ACTIVE);
            ledger.commit();
            assertThat(stored(SLA_KEY).deprecatedAt()).contains(MockLedger.NOW_ISO);
            assertThat(ledger.keys())
                    .contains("/sla-state/DEPRECATED/standard/000001/")
                    .doesNotContain("/sla-state/ACTIVE/standard/000001/", "/sla-state/PROPOSED/standard/000001/");
        }

        @Test
        void a_proposed_sla_cannot_be_deprecated() {
            propose(1, Slas.spec());

            final PovmError error = errorOf(() -> contract.Deprecate(admin(1), "standard@1"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [ref] SLA standard@1 is PROPOSED; only an ACTIVE SLA can be deprecated;"
                            + " a PROPOSED one never took effect");
            assertNothingWritten();
        }

        @Test
        void voting_twice_is_idempotent_and_writes_nothing() {
            activeStandard();
            final SlaStatus first = deprecate(2, "standard@1");

            assertThat(PovmJson.read(contract.Deprecate(admin(2), "standard@1"), SlaStatus.class))
                    .isEqualTo(first);
            assertNothingWritten();
        }

        @Test
        void a_deprecated_sla_takes_no_new_votes() {
            activeStandard();
            deprecate(1, "standard@1");
            deprecate(2, "standard@1");

            final PovmError error = errorOf(() -> contract.Deprecate(admin(3), "standard@1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertNothingWritten();
        }

        @Test
        void a_client_may_not_vote_to_deprecate() {
            activeStandard();

            final PovmError error =
                    errorOf(() -> contract.Deprecate(ledger.as("Org1MSP", Identities.client(1)), "standard@1"));

            assertThat(error.reason()).startsWith("sla:Deprecate requires an org admin identity");
            assertNothingWritten();
        }

        @Test
        void a_worker_may_not_vote_to_deprecate() {
            activeStandard();

            final PovmError error =
                    errorOf(() -> contract.Deprecate(ledger.as("Org3MSP", Identities.worker(3)), "standard@1"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @Test
        void the_admin_of_an_org_that_is_not_a_member_may_not_vote_to_deprecate() {
            activeStandard();

            final PovmError error =
                    errorOf(() -> contract.Deprecate(ledger.as("Org4MSP", Identities.admin(4)), "standard@1"));

            assertThat(error.reason()).startsWith("sla:Deprecate requires an admin of a member org");
            assertNothingWritten();
        }

        @Test
        void an_unknown_sla_is_not_found() {
            assertThat(errorOf(() -> contract.Deprecate(admin(1), "nothing@1")).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertNothingWritten();
        }
    }

    @Nested
    class Get {
        @Test
        void returns_the_stored_sla_to_any_identity() {
            final Sla proposed = propose(1, Slas.spec());

            for (Context reader : List.of(
                    ledger.as("Org2MSP", Identities.client(2)),
                    ledger.as("Org3MSP", Identities.worker(3)),
                    ledger.as("Org4MSP", Identities.admin(4)))) {
                assertThat(PovmJson.read(contract.Get(reader, "standard@1"), Sla.class))
                        .isEqualTo(proposed);
            }
        }

        @Test
        void reports_a_missing_sla_as_not_found() {
            assertThat(errorOf(() -> contract.Get(admin(1), "standard@7")).toMessage())
                    .isEqualTo("NOT_FOUND [ref] SLA standard@7 does not exist; list the SLAs with sla:List");
        }

        @Test
        void rejects_a_malformed_reference() {
            assertThat(errorOf(() -> contract.Get(admin(1), "standard")).field())
                    .isEqualTo("ref");
        }
    }

    @Nested
    class List_ {
        @BeforeEach
        void four_slas_in_three_states() {
            propose(1, Slas.spec("standard", 10));
            propose(1, Slas.spec("standard", 2));
            propose(2, Slas.spec("basic", 1));
            approve(3, "basic@1");
            propose(3, Slas.spec("gpu", 1));
            approve(1, "gpu@1");
            deprecate(1, "gpu@1");
            deprecate(2, "gpu@1");
        }

        private SlaPage list(final String state, final String pageSize, final String bookmark) {
            return PovmJson.read(
                    contract.List(ledger.as("Org1MSP", Identities.client(1)), state, pageSize, bookmark),
                    SlaPage.class);
        }

        private List<String> refs(final SlaPage page) {
            final List<String> refs = new ArrayList<>();
            page.slas().forEach(s -> refs.add(s.ref().toString()));
            return refs;
        }

        @Test
        void lists_every_sla_by_name_then_version_as_a_number() {
            final SlaPage page = list("", "50", "");

            assertThat(refs(page)).containsExactly("basic@1", "gpu@1", "standard@2", "standard@10");
            assertThat(page.bookmark()).isEmpty();
        }

        @Test
        void lists_one_state_through_its_index_only() {
            assertThat(refs(list("PROPOSED", "50", ""))).containsExactly("standard@2", "standard@10");
            assertThat(refs(list("ACTIVE", "50", ""))).containsExactly("basic@1");
            assertThat(refs(list("DEPRECATED", "50", ""))).containsExactly("gpu@1");
            assertThat(ledger.partialQueries())
                    .containsExactly("/sla-state/PROPOSED/", "/sla-state/ACTIVE/", "/sla-state/DEPRECATED/");
        }

        @Test
        void pages_with_the_ledgers_bookmark_until_the_last_page() {
            final SlaPage first = list("", "3", "");
            final SlaPage second = list("", "3", first.bookmark());

            assertThat(refs(first)).containsExactly("basic@1", "gpu@1", "standard@2");
            assertThat(first.hasMore()).isTrue();
            assertThat(refs(second)).containsExactly("standard@10");
            assertThat(second.hasMore()).isFalse();
        }

        @ParameterizedTest(name = "state \"{0}\" is rejected")
        @ValueSource(strings = {"active", "RETIRED", " ACTIVE"})
        void rejects_an_unknown_state_naming_the_accepted_ones(final String state) {
            final PovmError error = errorOf(() -> contract.List(admin(1), state, "50", ""));

            assertThat(error.field()).isEqualTo("state");
            assertThat(error.reason()).endsWith("must be one of: PROPOSED, ACTIVE, DEPRECATED, or \"\" for every SLA");
        }

        @ParameterizedTest(name = "page size \"{0}\" is rejected")
        @ValueSource(strings = {"0", "201", "", "ten"})
        void rejects_a_page_size_outside_1_to_200(final String pageSize) {
            assertThat(errorOf(() -> contract.List(admin(1), "", pageSize, "")).field())
                    .isEqualTo("pageSize");
        }
    }

    @Nested
    class ListApprovals {
        @Test
        void lists_each_orgs_approval_and_deprecation_vote_with_the_members_and_threshold() {
            activeStandard();
            deprecate(3, "standard@1");

            final SlaVotes votes = PovmJson.read(
                    contract.ListApprovals(ledger.as("Org3MSP", Identities.client(3)), "standard@1"), SlaVotes.class);

            assertThat(votes.sla()).isEqualTo("standard@1");
            assertThat(votes.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(votes.threshold()).isEqualTo(2);
            assertThat(votes.members()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
            assertThat(votes.approvals()).extracting(SlaVote::msp).containsExactly("Org1MSP", "Org2MSP");
            assertThat(votes.approvals().get(1).txId()).isEqualTo("tx-2");
            assertThat(votes.deprecationVotes()).extracting(SlaVote::msp).containsExactly("Org3MSP");
        }

        @Test
        void does_not_list_votes_of_another_version_or_of_a_name_sharing_the_prefix() {
            activeStandard();
            propose(2, Slas.spec("standard", 10));
            propose(3, Slas.spec("standard-x", 1));

            final SlaVotes votes = PovmJson.read(contract.ListApprovals(admin(1), "standard@1"), SlaVotes.class);

            assertThat(votes.approvals()).extracting(SlaVote::msp).containsExactly("Org1MSP", "Org2MSP");
        }

        @Test
        void reports_a_missing_sla_as_not_found() {
            assertThat(errorOf(() -> contract.ListApprovals(admin(1), "standard@1"))
                            .code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class RequireActive {
        private SlaLedger slas() {
            ledger.as("Org1MSP", Identities.client(1));
            return new SlaLedger(ledger.stub());
        }

        private PovmError rejection(final String ref) {
            final io.povm.api.PovmException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    io.povm.api.PovmException.class, () -> slas().requireActive(ref));
            assertThat(e).as("rejected").isNotNull();
            return e.error();
        }

        @Test
        void returns_an_active_sla() {
            activeStandard();

            assertThat(slas().requireActive("standard@1").state()).isEqualTo(SlaState.ACTIVE);
            assertThat(slas().find("standard", 1)).map(Sla::state).contains(SlaState.ACTIVE);
        }

        @Test
        void refuses_a_proposed_sla_saying_how_many_approvals_it_has() {
            propose(1, Slas.spec());

            assertThat(rejection("standard@1").toMessage())
                    .isEqualTo("INVALID_STATE [sla] SLA standard@1 is PROPOSED (1 of 2 approvals); a job may reference"
                            + " only an ACTIVE SLA");
        }

        @Test
        void refuses_a_deprecated_sla_saying_since_when() {
            activeStandard();
            deprecate(1, "standard@1");
            deprecate(2, "standard@1");

            assertThat(rejection("standard@1").toMessage())
                    .isEqualTo("INVALID_STATE [sla] SLA standard@1 is DEPRECATED (since " + MockLedger.NOW_ISO
                            + "); a job may reference only an ACTIVE SLA");
        }

        @Test
        void reports_a_missing_sla_as_not_found_at_the_sla_field() {
            assertThat(rejection("premium@3").toMessage())
                    .isEqualTo("NOT_FOUND [sla] SLA premium@3 does not exist; a job may reference only an ACTIVE SLA");
        }

        @Test
        void rejects_a_malformed_reference_at_the_sla_field() {
            final PovmError error = rejection("premium");

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("sla");
        }

        @Test
        void finds_nothing_for_an_unknown_sla() {
            assertThat(slas().find("premium", 3)).isEmpty();
        }
    }

    @Nested
    class UnknownTransaction {
        @Test
        void names_the_accepted_transactions() {
            assertThat(errorOf(() -> contract.unknownTransaction(admin(1))).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [function] unknown transaction; accepted: sla:Propose, sla:Approve,"
                            + " sla:Deprecate, sla:Get, sla:List, sla:ListApprovals");
        }
    }
}
