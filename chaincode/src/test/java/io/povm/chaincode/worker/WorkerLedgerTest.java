// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static io.povm.chaincode.worker.Identities.ORG1;
import static io.povm.chaincode.worker.Identities.ORG2;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.PovmJson;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerState;
import io.povm.api.Workers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys and indexes: every query is a prefix read, and every write keeps the indexes in step with the worker. */
class WorkerLedgerTest {
    private static final Worker.Change LATER = new Worker.Change("2027-01-03T00:00:00.000Z", "x509::x", "tx-2");

    private final LedgerStub fake = new LedgerStub();
    private final WorkerLedger ledger = new WorkerLedger(fake.stub);

    private static Worker serving(final Worker worker, final String... slas) {
        return worker.withOffer(Workers.offer(List.of(slas), 2), worker.lastUpdate());
    }

    @Test
    void create_writes_the_worker_its_identity_state_and_sla_keys_and_one_event() {
        final Worker worker = serving(Identities.org1Worker(), "gold@1", "standard@1");

        ledger.create(worker, "WorkerRegistered");

        assertThat(fake.keys(WorkerLedger.WORKER)).containsExactly("Org1MSP/w1");
        assertThat(fake.keys(WorkerLedger.BY_ID)).containsExactly("Org1MSP/" + FabricId.digest(worker.fabricId()));
        assertThat(fake.text(WorkerLedger.identityKey(ORG1, worker.fabricId()))).isEqualTo("Org1MSP/w1");
        assertThat(fake.keys(WorkerLedger.BY_STATE)).containsExactly("ACTIVE/Org1MSP/w1");
        assertThat(fake.keys(WorkerLedger.BY_SLA)).containsExactly("gold@1/Org1MSP/w1", "standard@1/Org1MSP/w1");
        assertThat(fake.events).containsExactly("WorkerRegistered");
        assertThat(fake.eventPayloads.get("WorkerRegistered"))
                .isEqualTo(fake.state.get(WorkerLedger.key(worker.workerKey())));
    }

    @Test
    void index_values_are_never_empty_because_fabric_deletes_empty_values() {
        ledger.create(Identities.org1Worker(), "WorkerRegistered");

        assertThat(fake.state.values()).allSatisfy(value -> assertThat(value).isNotEmpty());
    }

    @Test
    void pausing_moves_the_state_key_and_drops_the_sla_keys() {
        final Worker active = Identities.org1Worker();
        ledger.create(active, "WorkerRegistered");

        ledger.update(active, active.withState(WorkerState.PAUSED, LATER), "WorkerPaused");

        assertThat(fake.keys(WorkerLedger.BY_STATE)).containsExactly("PAUSED/Org1MSP/w1");
        assertThat(fake.keys(WorkerLedger.BY_SLA)).isEmpty();
        assertThat(ledger.activeServing("standard@1")).isEmpty();
        assertThat(fake.keys(WorkerLedger.BY_ID)).hasSize(1);
    }

    @Test
    void resuming_puts_the_sla_keys_back() {
        final Worker paused = Identities.org1Worker().withState(WorkerState.PAUSED, LATER);
        ledger.create(paused, "WorkerRegistered");

        ledger.update(paused, paused.withState(WorkerState.ACTIVE, LATER), "WorkerResumed");

        assertThat(ledger.activeServing("standard@1")).containsExactly(WorkerKey.of(ORG1, "w1"));
    }

    @Test
    void an_offer_update_of_an_active_worker_moves_only_the_changed_sla_keys() {
        final Worker before = serving(Identities.org1Worker(), "gold@1", "standard@1");
        ledger.create(before, "WorkerRegistered");

        ledger.update(before, serving(before, "standard@1", "turbo@3"), "WorkerOfferUpdated");

        assertThat(fake.keys(WorkerLedger.BY_SLA)).containsExactly("standard@1/Org1MSP/w1", "turbo@3/Org1MSP/w1");
    }

    @Test
    void finds_a_worker_by_the_identity_that_calls() {
        ledger.create(Identities.org1Worker(), "WorkerRegistered");

        assertThat(ledger.findByCaller(Identities.caller(ORG1, Workers.ORG1_USER2_CERT)))
                .contains(Identities.org1Worker());
        assertThat(ledger.findByCaller(Identities.caller(ORG1, Workers.ORG1_USER1_CERT)))
                .isEmpty();
        assertThat(ledger.findByIdentity(ORG2, Identities.org1Worker().fabricId()))
                .as("the same id under another MSP")
                .isEmpty();
    }

    @Test
    void lists_active_workers_serving_an_sla_for_every_org_or_for_one() {
        ledger.create(Identities.org1Worker(), "WorkerRegistered");
        ledger.create(Identities.org2Worker(), "WorkerRegistered");
        ledger.create(
                Worker.registered(
                        WorkerKey.of(ORG1, "w3"),
                        Identities.idOf(Workers.ORG1_USER1_CERT),
                        Workers.ORG1_USER1_CERT,
                        Workers.offer(List.of("gold@1"), 1),
                        LATER),
                "WorkerRegistered");

        assertThat(ledger.activeServing("standard@1"))
                .containsExactly(WorkerKey.of(ORG1, "w1"), WorkerKey.of(ORG2, "w2"));
        assertThat(ledger.activeServing("standard@1", ORG2)).containsExactly(WorkerKey.of(ORG2, "w2"));
        assertThat(ledger.activeServing("gold@1")).containsExactly(WorkerKey.of(ORG1, "w3"));
        assertThat(ledger.activeServing("standard@2")).isEmpty();
    }

    @Test
    void pages_by_org_by_state_and_by_both_with_bookmarks() {
        final Worker w1 = Identities.org1Worker();
        final Worker w2 = Identities.org2Worker();
        ledger.create(w1, "e");
        ledger.create(w2, "e");
        ledger.update(w2, w2.withState(WorkerState.PAUSED, LATER), "e");
        final Worker w2Paused = w2.withState(WorkerState.PAUSED, LATER);

        assertThat(ledger.page(Optional.empty(), Optional.empty(), 10, "").workers())
                .containsExactly(w1, w2Paused);
        assertThat(ledger.page(Optional.of(ORG2), Optional.empty(), 10, "").workers())
                .containsExactly(w2Paused);
        assertThat(ledger.page(Optional.empty(), Optional.of(WorkerState.PAUSED), 10, "")
                        .workers())
                .containsExactly(w2Paused);
        assertThat(ledger.page(Optional.of(ORG1), Optional.of(WorkerState.PAUSED), 10, "")
                        .workers())
                .isEmpty();

        final WorkerPage first = ledger.page(Optional.empty(), Optional.empty(), 1, "");
        assertThat(first.workers()).containsExactly(w1);
        assertThat(first.hasMore()).isTrue();
        final WorkerPage second = ledger.page(Optional.empty(), Optional.empty(), 1, first.bookmark());
        assertThat(second.workers()).containsExactly(w2Paused);
        assertThat(PovmJson.write(second)).contains("\"count\":1");
    }
}
