// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.WorkerRecord;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import io.povm.chaincode.worker.WorkerLedger;
import org.junit.jupiter.api.Test;

/** Which workers a draw may pick, on a mocked stub: ACTIVE, serving the SLA, free, above the reputation floor. */
class EligibleWorkersTest {
    private final LedgerFake ledger = new LedgerFake();
    private final String org2 = RegisteredWorkers.register(ledger.stub, "Org2MSP", "w2", "x509::CN=w2::CN=ca.org2");
    private final String org3 = RegisteredWorkers.register(ledger.stub, "Org3MSP", "w3", "x509::CN=w3::CN=ca.org3");

    private EligibleWorkers eligible() {
        return EligibleWorkers.forSla(new WorkerLedger(ledger.stub), new WorkerRecordLedger(ledger.stub), "standard@1");
    }

    @Test
    void a_worker_below_the_reputation_floor_is_not_drawn_nor_counted_as_serving() {
        new WorkerRecordLedger(ledger.stub).write(new WorkerRecord(org3, 0, 3, 0));

        final EligibleWorkers eligible = eligible();

        assertThat(eligible.candidates()).extracting(Candidate::workerKey).containsExactly(org2);
        assertThat(eligible.orgsServing()).isEqualTo(1);
    }

    @Test
    void when_every_serving_worker_is_below_the_floor_the_reason_says_so() {
        final WorkerRecordLedger records = new WorkerRecordLedger(ledger.stub);
        records.write(new WorkerRecord(org2, 0, 3, 0));
        records.write(new WorkerRecord(org3, 1, 6, 0));

        final EligibleWorkers eligible = eligible();

        assertThat(eligible.candidates()).isEmpty();
        assertThat(eligible.whyNone())
                .isEqualTo("2 ACTIVE worker(s) serve SLA standard@1 but none meets the reputation floor");
    }

    @Test
    void workers_with_a_clean_record_are_all_eligible() {
        assertThat(eligible().candidates()).extracting(Candidate::workerKey).containsExactlyInAnyOrder(org2, org3);
        assertThat(eligible().orgsServing()).isEqualTo(2);
    }
}
