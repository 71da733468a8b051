// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static io.povm.chaincode.worker.Identities.ORG1;
import static io.povm.chaincode.worker.Identities.ORG2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Resources;
import io.povm.api.Sla;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.Slas;
import io.povm.api.Submitter;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.api.Workers;
import io.povm.chaincode.sla.SlaLedger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every transaction of the worker contract over an in-memory ledger, one nested class per transaction. */
class WorkerContractTest {
    private static final String W1 = "Org1MSP/w1";
    private static final String W1_KEY = WorkerLedger.key(WorkerKey.of(ORG1, "w1"));

    private final WorkerContract contract = new WorkerContract();
    private final LedgerStub ledger = new LedgerStub();
    private final Context ctx = mock(Context.class);

    @BeforeEach
    void a_transaction_signed_by_org1s_admin() {
        when(ctx.getStub()).thenReturn(ledger.stub);
        as(WorkerOperationTest.Who.OWN_ORG_ADMIN);
        sla("standard", 1);
        sla("gold", 1);
    }

    /** Puts an ACTIVE SLA on the ledger, as governance would have: offers may list only SLAs that exist. */
    private void sla(final String name, final int version) {
        final SlaSpec spec = Slas.spec(name, version);
        ledger.state.put(
                SlaLedger.key(spec.ref()),
                PovmJson.writeBytes(new Sla(
                        spec,
                        SlaState.ACTIVE,
                        new Submitter(ORG1, "x509::CN=Admin@org1::CN=ca.org1"),
                        "2026-11-01T00:00:00.000Z",
                        "tx-propose",
                        "2026-11-01T00:01:00.000Z",
                        null)));
    }

    private void as(final WorkerOperationTest.Who who) {
        as(who.msp, who.pem);
    }

    private void as(final String msp, final String pem) {
        final ClientIdentity identity = Identities.identity(msp, pem);
        when(ctx.getClientIdentity()).thenReturn(identity);
    }

    /** Puts workers on the ledger as committed state: neither their writes nor their events count. */
    private void given(final Worker... workers) {
        final WorkerLedger setUp = new WorkerLedger(ledger.stub);
        for (Worker worker : workers) {
            setUp.create(worker, "set-up");
        }
        clearInvocations(ledger.stub);
        ledger.events.clear();
        ledger.eventPayloads.clear();
    }

    private static Worker inState(final Worker worker, final WorkerState state) {
        return worker.withState(state, Identities.REGISTERED);
    }

    private static String registrationJson(final String name, final String pem) {
        return PovmJson.write(Workers.registration(name, pem));
    }

    private static PovmError errorOf(final ThrowingCallable transaction) {
        final ChaincodeException e = catchThrowableOfType(ChaincodeException.class, transaction);
        assertThat(e).as("the transaction fails with a ChaincodeException").isNotNull();
        final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
        assertThat(e.getMessage()).isEqualTo(error.toMessage());
        return error;
    }

    private void assertNothingWritten() {
        verify(ledger.stub, never()).putState(anyString(), any());
        verify(ledger.stub, never()).delState(anyString());
        verify(ledger.stub, never()).setEvent(anyString(), any());
    }

    private Worker stored() {
        return PovmJson.read(ledger.text(W1_KEY), Worker.class);
    }

    private void assertOneEvent(final String event, final String result) {
        assertThat(ledger.events).containsExactly(event);
        assertThat(new String(ledger.eventPayloads.get(event), StandardCharsets.UTF_8))
                .isEqualTo(result)
                .isEqualTo(ledger.text(W1_KEY));
    }

    @Nested
    class Register {
        @Test
        void an_offer_for_an_sla_that_does_not_exist_is_refused_naming_it() {
            final String json = PovmJson.write(new WorkerRegistration(
                    "w1", Workers.ORG1_USER2_CERT, Workers.offer(List.of("gold@1", "zombie@7"), 2)));

            final PovmError error = errorOf(() -> contract.Register(ctx, json));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(error.field()).isEqualTo("offer.slas[1]");
            assertThat(error.reason()).startsWith("SLA zombie@7 does not exist");
            assertNothingWritten();
        }

        @Test
        void stores_an_active_worker_of_the_admins_org_with_its_indexes_and_one_event() {
            final String result = contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER2_CERT));

            final Worker worker = PovmJson.read(result, Worker.class);
            assertThat(worker.key()).isEqualTo(W1);
            assertThat(worker.state()).isEqualTo(WorkerState.ACTIVE);
            assertThat(worker.fabricId()).isEqualTo(Identities.idOf(Workers.ORG1_USER2_CERT));
            assertThat(worker.stake().total()).isEqualTo(995_328L);
            assertThat(worker.registration())
                    .isEqualTo(new Worker.Change(
                            LedgerStub.TX_TIME_ISO, Identities.idOf(Workers.ORG1_ADMIN_CERT), LedgerStub.TX_ID));
            assertThat(ledger.keys(WorkerLedger.BY_SLA)).containsExactly("standard@1/Org1MSP/w1");
            assertThat(ledger.keys(WorkerLedger.BY_STATE)).containsExactly("ACTIVE/Org1MSP/w1");
            assertOneEvent("WorkerRegistered", result);
        }

        @Test
        void returns_the_stored_worker_and_writes_nothing_for_the_identical_registration() {
            given(Identities.org1Worker());

            final String result = contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER2_CERT));

            assertThat(PovmJson.read(result, Worker.class)).isEqualTo(Identities.org1Worker());
            assertNothingWritten();
        }

        @Test
        void refuses_a_different_offer_for_the_same_identity_naming_update_offer() {
            given(Identities.org1Worker());
            final String json = registrationJson("w1", Workers.ORG1_USER2_CERT).replace("\"slots\":2", "\"slots\":3");

            final PovmError error = errorOf(() -> contract.Register(ctx, json));

            assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
            assertThat(error.field()).isEqualTo("offer");
            assertThat(error.reason()).endsWith("change it with worker:UpdateOffer");
            assertNothingWritten();
        }

        @Test
        void forbids_an_admin_to_register_another_orgs_certificate() {
            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w2", Workers.ORG2_USER2_CERT)));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.field()).isEqualTo("certificatePem");
            assertThat(error.reason()).startsWith("Register: an org admin registers only identities of its own org");
            assertNothingWritten();
        }

        @ParameterizedTest(name = "{0} may not register")
        @EnumSource(
                value = WorkerOperationTest.Who.class,
                names = {"THE_WORKER_ITSELF", "ANOTHER_WORKER", "A_CLIENT"})
        void forbids_every_identity_but_an_admin_naming_the_rule(final WorkerOperationTest.Who who) {
            as(who);

            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER2_CERT)));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] Register requires an org admin identity (OU=admin); caller has"
                            + " OU=client");
            assertNothingWritten();
        }

        @Test
        void forbids_another_orgs_admin_registering_org1s_worker() {
            as(WorkerOperationTest.Who.OTHER_ORG_ADMIN);

            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER2_CERT)));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).contains("(Org2MSP) CA 'CN=ca.org2.povm.test");
            assertNothingWritten();
        }

        @Test
        void refuses_a_name_held_by_another_identity() {
            given(Identities.org1Worker());

            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER1_CERT)));

            assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
            assertThat(error.field()).isEqualTo("name");
            assertNothingWritten();
        }

        @Test
        void refuses_an_admin_certificate_as_a_worker() {
            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w1", Workers.ORG1_ADMIN_CERT)));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("certificatePem");
            assertNothingWritten();
        }

        @Test
        void rejects_a_broken_offer_by_its_field() {
            final String json = registrationJson("w1", Workers.ORG1_USER2_CERT).replace("\"slots\":2", "\"slots\":0");

            assertThat(errorOf(() -> contract.Register(ctx, json)).field()).isEqualTo("offer.slots");
            assertNothingWritten();
        }

        @Test
        void rejects_text_that_is_not_json() {
            assertThat(errorOf(() -> contract.Register(ctx, "w1 please")).field())
                    .isEqualTo("registration");
            assertNothingWritten();
        }
    }

    @Nested
    class UpdateOffer {
        @Test
        void an_offer_for_an_sla_that_does_not_exist_is_refused_naming_it() {
            given(Identities.org1Worker());
            final String ghost = PovmJson.write(Workers.offer(List.of("ghost@7"), 2));

            final PovmError error = errorOf(() -> contract.UpdateOffer(ctx, W1, ghost));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(error.field()).isEqualTo("offer.slas[0]");
            assertNothingWritten();
        }

        private final WorkerOffer gold =
                new WorkerOffer(List.of("gold@1"), 4, Workers.TOTAL, new Resources(0, 0, 0), Workers.P256_KEY);

        @Test
        void replaces_the_offer_recomputes_the_stake_and_moves_the_sla_keys() {
            given(Identities.org1Worker());

            final String result = contract.UpdateOffer(ctx, W1, PovmJson.write(gold));

            assertThat(stored().offer()).isEqualTo(gold);
            assertThat(stored().stake().total()).isEqualTo(256L * 4000 + 32L * 8192 + 40960);
            assertThat(ledger.keys(WorkerLedger.BY_SLA)).containsExactly("gold@1/Org1MSP/w1");
            assertOneEvent("WorkerOfferUpdated", result);
        }

        @Test
        void writes_nothing_for_the_identical_offer() {
            given(Identities.org1Worker());

            contract.UpdateOffer(ctx, W1, PovmJson.write(Workers.offer()));

            assertNothingWritten();
        }

        @ParameterizedTest(name = "{0} may not update the offer")
        @EnumSource(
                value = WorkerOperationTest.Who.class,
                names = {"OTHER_ORG_ADMIN", "THE_WORKER_ITSELF", "ANOTHER_WORKER", "A_CLIENT"})
        void is_for_the_workers_own_org_admin_only(final WorkerOperationTest.Who who) {
            given(Identities.org1Worker());
            as(who);

            final PovmError error = errorOf(() -> contract.UpdateOffer(ctx, W1, PovmJson.write(gold)));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).startsWith("UpdateOffer requires an admin of the worker's own org (Org1MSP)");
            assertNothingWritten();
        }

        @Test
        void validates_the_new_offer_like_register() {
            given(Identities.org1Worker());
            final String p384 = PovmJson.write(
                    new WorkerOffer(List.of("gold@1"), 1, Workers.TOTAL, Workers.RESERVED, Workers.P384_KEY));

            assertThat(errorOf(() -> contract.UpdateOffer(ctx, W1, p384)).field())
                    .isEqualTo("offer.attestationKeyPem");
            assertNothingWritten();
        }

        @Test
        void reports_an_unknown_worker_as_not_found() {
            final PovmError error = errorOf(() -> contract.UpdateOffer(ctx, "Org1MSP/w9", PovmJson.write(gold)));

            assertThat(error.toMessage())
                    .isEqualTo("NOT_FOUND [workerKey] worker 'Org1MSP/w9' does not exist; list them with worker:List");
        }
    }

    @Nested
    class Pause {

        @Test
        void the_worker_itself_pauses_and_its_sla_keys_go() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            final String result = contract.Pause(ctx, W1);

            assertThat(stored().state()).isEqualTo(WorkerState.PAUSED);
            assertThat(stored().lastUpdate().by()).isEqualTo(Identities.idOf(Workers.ORG1_USER2_CERT));
            assertThat(ledger.keys(WorkerLedger.BY_SLA)).isEmpty();
            assertThat(ledger.keys(WorkerLedger.BY_STATE)).containsExactly("PAUSED/Org1MSP/w1");
            assertOneEvent("WorkerPaused", result);
        }

        @Test
        void its_org_admin_may_pause_it() {
            given(Identities.org1Worker());

            contract.Pause(ctx, W1);

            assertThat(stored().state()).isEqualTo(WorkerState.PAUSED);
        }

        @Test
        void another_orgs_admin_may_not() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.OTHER_ORG_ADMIN);

            final PovmError error = errorOf(() -> contract.Pause(ctx, W1));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] Pause requires the worker itself or an admin of its own org"
                            + " (Org1MSP); caller is an admin of Org2MSP");
            assertNothingWritten();
        }

        @Test
        void another_orgs_worker_may_not() {
            given(Identities.org1Worker(), Identities.org2Worker());
            as(WorkerOperationTest.Who.ANOTHER_WORKER);

            assertThat(errorOf(() -> contract.Pause(ctx, W1)).code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @Test
        void a_paused_worker_stays_paused_without_a_write() {
            given(inState(Identities.org1Worker(), WorkerState.PAUSED));

            assertThat(PovmJson.read(contract.Pause(ctx, W1), Worker.class).state())
                    .isEqualTo(WorkerState.PAUSED);
            assertNothingWritten();
        }

        @Test
        void a_revoked_worker_cannot_be_paused() {
            given(inState(Identities.org1Worker(), WorkerState.REVOKED));

            final PovmError error = errorOf(() -> contract.Pause(ctx, W1));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.reason()).startsWith("worker Org1MSP/w1 is REVOKED; Pause is allowed only from ACTIVE");
            assertNothingWritten();
        }

        @Test
        void rejects_a_malformed_key_without_reading_the_ledger() {
            assertThat(errorOf(() -> contract.Pause(ctx, "w1")).field()).isEqualTo("workerKey");
            verify(ledger.stub, never()).getState(anyString());
        }
    }

    @Nested
    class Resume {

        @Test
        void the_worker_itself_resumes_and_serves_its_slas_again() {
            given(inState(Identities.org1Worker(), WorkerState.PAUSED));
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            final String result = contract.Resume(ctx, W1);

            assertThat(stored().state()).isEqualTo(WorkerState.ACTIVE);
            assertThat(ledger.keys(WorkerLedger.BY_SLA)).containsExactly("standard@1/Org1MSP/w1");
            assertOneEvent("WorkerResumed", result);
        }

        @Test
        void a_client_of_the_same_org_may_not() {
            given(inState(Identities.org1Worker(), WorkerState.PAUSED));
            as(WorkerOperationTest.Who.A_CLIENT);

            assertThat(errorOf(() -> contract.Resume(ctx, W1)).code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }

        @Test
        void a_deregistered_worker_cannot_come_back() {
            given(inState(Identities.org1Worker(), WorkerState.DEREGISTERED));

            assertThat(errorOf(() -> contract.Resume(ctx, W1)).code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertNothingWritten();
        }
    }

    @Nested
    class Deregister {

        @Test
        void the_worker_itself_leaves_for_good() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            final String result = contract.Deregister(ctx, W1);

            assertThat(stored().state()).isEqualTo(WorkerState.DEREGISTERED);
            assertThat(ledger.keys(WorkerLedger.BY_SLA)).isEmpty();
            assertThat(ledger.keys(WorkerLedger.BY_ID))
                    .as("the identity stays bound")
                    .hasSize(1);
            assertOneEvent("WorkerDeregistered", result);
        }

        @Test
        void its_identity_cannot_be_registered_again() {
            given(inState(Identities.org1Worker(), WorkerState.DEREGISTERED));

            final PovmError error =
                    errorOf(() -> contract.Register(ctx, registrationJson("w1", Workers.ORG1_USER2_CERT)));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertNothingWritten();
        }

        @Test
        void another_orgs_admin_may_not() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.OTHER_ORG_ADMIN);

            assertThat(errorOf(() -> contract.Deregister(ctx, W1)).code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }
    }

    @Nested
    class Revoke {

        @Test
        void its_own_org_admin_revokes_it() {
            given(inState(Identities.org1Worker(), WorkerState.PAUSED));

            final String result = contract.Revoke(ctx, W1);

            assertThat(stored().state()).isEqualTo(WorkerState.REVOKED);
            assertThat(ledger.keys(WorkerLedger.BY_STATE)).containsExactly("REVOKED/Org1MSP/w1");
            assertOneEvent("WorkerRevoked", result);
        }

        @Test
        void another_orgs_admin_can_never_revoke_it() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.OTHER_ORG_ADMIN);

            final PovmError error = errorOf(() -> contract.Revoke(ctx, W1));

            assertThat(error.reason()).contains("an org admin can revoke its own workers, never another org's");
            assertNothingWritten();
        }

        @Test
        void the_worker_itself_cannot_revoke_itself() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            assertThat(errorOf(() -> contract.Revoke(ctx, W1)).code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertNothingWritten();
        }
    }

    @Nested
    class Heartbeat {

        @Test
        void records_the_transaction_time_and_free_slots() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            final String result = contract.Heartbeat(ctx, W1, "1");

            assertThat(stored().lastHeartbeatAt()).contains(LedgerStub.TX_TIME_ISO);
            assertThat(stored().freeSlots()).hasValue(1);
            assertThat(stored().lastUpdate()).isEqualTo(Identities.REGISTERED);
            assertOneEvent("WorkerHeartbeat", result);
            verify(ledger.stub).putState(anyString(), any());
        }

        @Test
        void without_free_slots_keeps_the_last_count() {
            given(Identities.org1Worker().withHeartbeat("2027-01-01T00:00:00.000Z", OptionalInt.of(2)));
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            contract.Heartbeat(ctx, W1, "");

            assertThat(stored().freeSlots()).hasValue(2);
            assertThat(stored().lastHeartbeatAt()).contains(LedgerStub.TX_TIME_ISO);
        }

        @ParameterizedTest(name = "{0} may not send its heartbeat")
        @EnumSource(
                value = WorkerOperationTest.Who.class,
                names = {"OWN_ORG_ADMIN", "OTHER_ORG_ADMIN", "ANOTHER_WORKER", "A_CLIENT"})
        void only_the_worker_itself_may(final WorkerOperationTest.Who who) {
            given(Identities.org1Worker());
            as(who);

            final PovmError error = errorOf(() -> contract.Heartbeat(ctx, W1, ""));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).startsWith("Heartbeat requires the worker's own identity (Org1MSP, x509::");
            assertNothingWritten();
        }

        @ParameterizedTest(name = "free slots \"{0}\" are rejected")
        @ValueSource(strings = {"-1", "3", "01", "two", " 1", "1000"})
        void rejects_free_slots_outside_0_to_the_offers_slots(final String freeSlots) {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            assertThat(errorOf(() -> contract.Heartbeat(ctx, W1, freeSlots)).field())
                    .isEqualTo("freeSlots");
            assertNothingWritten();
        }
    }

    @Nested
    class Get {

        @ParameterizedTest(name = "{0} may read it")
        @EnumSource(WorkerOperationTest.Who.class)
        void anyone_may_read_a_worker(final WorkerOperationTest.Who who) {
            given(Identities.org1Worker());
            as(who);

            assertThat(contract.Get(ctx, W1)).isEqualTo(ledger.text(W1_KEY));
        }

        @Test
        void reports_a_missing_worker_as_not_found() {
            assertThat(errorOf(() -> contract.Get(ctx, "Org2MSP/w1")).code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class ListWorkers {

        @BeforeEach
        void two_orgs_workers_one_paused() {
            given(Identities.org1Worker(), inState(Identities.org2Worker(), WorkerState.PAUSED));
        }

        private WorkerPage list(final String org, final String state, final String pageSize, final String bookmark) {
            return PovmJson.read(contract.List(ctx, org, state, pageSize, bookmark), WorkerPage.class);
        }

        @ParameterizedTest(name = "{0} may list them")
        @EnumSource(WorkerOperationTest.Who.class)
        void anyone_may_list_workers(final WorkerOperationTest.Who who) {
            as(who);

            assertThat(list("", "", "50", "").count()).isEqualTo(2);
        }

        @Test
        void lists_every_worker_in_key_order() {
            assertThat(list("", "", "50", "").workers())
                    .extracting(Worker::key)
                    .containsExactly("Org1MSP/w1", "Org2MSP/w2");
        }

        @Test
        void lists_one_orgs_workers() {
            assertThat(list(ORG2, "", "50", "").workers())
                    .extracting(Worker::key)
                    .containsExactly("Org2MSP/w2");
        }

        @Test
        void lists_by_state_for_every_org_and_for_one() {
            assertThat(list("", "PAUSED", "50", "").workers())
                    .extracting(Worker::key)
                    .containsExactly("Org2MSP/w2");
            assertThat(list(ORG1, "PAUSED", "50", "").workers()).isEmpty();
            assertThat(list(ORG1, "ACTIVE", "50", "").workers())
                    .extracting(Worker::key)
                    .containsExactly(W1);
        }

        @Test
        void pages_with_a_bookmark() {
            final WorkerPage first = list("", "", "1", "");

            assertThat(first.hasMore()).isTrue();
            assertThat(list("", "", "1", first.bookmark()).workers())
                    .extracting(Worker::key)
                    .containsExactly("Org2MSP/w2");
        }

        @Test
        void rejects_an_unknown_state_naming_the_accepted_ones() {
            assertThat(errorOf(() -> contract.List(ctx, "", "paused", "50", "")).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [state] 'paused' is not a worker state; accepted: ACTIVE, PAUSED,"
                            + " DEREGISTERED, REVOKED, or empty for all");
        }

        @Test
        void rejects_a_malformed_org_and_page_size() {
            assertThat(errorOf(() -> contract.List(ctx, "Org 1", "", "50", "")).field())
                    .isEqualTo("org");
            assertThat(errorOf(() -> contract.List(ctx, "", "", "201", "")).field())
                    .isEqualTo("pageSize");
        }
    }

    @Nested
    class Whoami {

        @Test
        void the_worker_finds_its_own_registration() {
            given(Identities.org1Worker());
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            assertThat(contract.Whoami(ctx)).isEqualTo(ledger.text(W1_KEY));
        }

        @Test
        void finds_it_in_a_terminal_state_too() {
            given(inState(Identities.org1Worker(), WorkerState.REVOKED));
            as(WorkerOperationTest.Who.THE_WORKER_ITSELF);

            assertThat(PovmJson.read(contract.Whoami(ctx), Worker.class).state())
                    .isEqualTo(WorkerState.REVOKED);
        }

        @ParameterizedTest(name = "{0} is no worker")
        @EnumSource(
                value = WorkerOperationTest.Who.class,
                names = {"OWN_ORG_ADMIN", "OTHER_ORG_ADMIN", "ANOTHER_WORKER", "A_CLIENT"})
        void anyone_may_ask_and_only_the_worker_finds_this_registration(final WorkerOperationTest.Who who) {
            given(Identities.org1Worker());
            as(who);

            assertThat(errorOf(() -> contract.Whoami(ctx)).code()).isEqualTo(ErrorCode.NOT_FOUND);
        }

        @Test
        void any_other_identity_is_not_found_naming_who_registers_it() {
            given(Identities.org1Worker());
            as(ORG2, Workers.ORG2_USER2_CERT);

            final PovmError error = errorOf(() -> contract.Whoami(ctx));

            assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(error.field()).isEqualTo("caller");
            assertThat(error.reason())
                    .startsWith("no worker is registered for this identity (Org2MSP, x509::CN=User2@org2.povm.test")
                    .endsWith("an admin of Org2MSP registers it with worker:Register");
        }
    }

    @Nested
    class UnknownTransaction {

        @Test
        void names_the_accepted_transactions() {
            assertThat(errorOf(() -> contract.unknownTransaction(ctx)).toMessage())
                    .isEqualTo(
                            "INVALID_ARGUMENT [function] unknown transaction of contract worker; accepted: Register,"
                                    + " UpdateOffer, Pause, Resume, Deregister, Revoke, Heartbeat, Get, GetRecord, GetOrgRecord, List, Whoami");
        }
    }
}
