// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CustomerRecord;
import io.povm.api.JobState;
import io.povm.api.Sla;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerState;
import io.povm.client.TestSlas;
import io.povm.client.TestWorkers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which constraint keeps every worker from taking a SUBMITTED job, checked in the chaincode's order. */
class AssignmentDiagnosisTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String RECENT = "2026-11-20T09:59:55Z";
    private static final String SLA = "standard@1";

    private static Worker worker(final String msp, final String name, final int freeSlots) {
        return TestWorkers.worker(WorkerKey.of(msp, name)).withHeartbeat(RECENT, OptionalInt.of(freeSlots));
    }

    private static AssignmentDiagnosis diagnose(
            final int replicas,
            final Optional<Sla> sla,
            final List<Worker> workers,
            final Map<String, WorkerRecord> records,
            final Optional<CustomerRecord> customer) {
        return AssignmentDiagnosis.of(
                new AssignmentDiagnosis.Facts(SLA, replicas, sla, workers, records, customer, NOW));
    }

    private static AssignmentDiagnosis diagnose(final int replicas, final List<Worker> workers) {
        return diagnose(replicas, Optional.of(TestSlas.active("standard", 1)), workers, Map.of(), Optional.empty());
    }

    @Test
    void a_job_that_is_no_longer_submitted_needs_no_explanation() {
        assertThat(AssignmentDiagnosis.of(
                        JobState.RUNNING,
                        new AssignmentDiagnosis.Facts(
                                SLA, 1, Optional.empty(), List.of(), Map.of(), Optional.empty(), NOW)))
                .isEmpty();
    }

    @Test
    void an_sla_missing_from_the_ledger_is_the_first_constraint() {
        final AssignmentDiagnosis diagnosis =
                diagnose(1, Optional.empty(), List.of(worker("Org1MSP", "w1", 2)), Map.of(), Optional.empty());

        assertThat(diagnosis.blocked()).isTrue();
        assertThat(diagnosis.reasons().get(0)).startsWith("no SLA standard@1 on the ledger");
    }

    @Test
    void an_sla_that_is_not_active_blocks_the_job() {
        final AssignmentDiagnosis diagnosis = diagnose(
                1,
                Optional.of(TestSlas.proposed("standard", 1)),
                List.of(worker("Org1MSP", "w1", 2)),
                Map.of(),
                Optional.empty());

        assertThat(diagnosis.reasons().get(0)).startsWith("SLA standard@1 is PROPOSED, not ACTIVE");
    }

    @Test
    void no_worker_offering_the_sla_blocks_the_job() {
        final AssignmentDiagnosis diagnosis = diagnose(1, List.of());

        assertThat(diagnosis.blocked()).isTrue();
        assertThat(diagnosis.reasons().get(0))
                .startsWith("no registered worker offers SLA standard@1 (0 worker(s) registered)");
    }

    @Test
    void workers_offering_the_sla_that_are_all_paused_block_the_job() {
        final Worker paused = worker("Org1MSP", "w1", 2)
                .withState(WorkerState.PAUSED, new Worker.Change(RECENT, "x509::admin", "tx-pause"));

        final AssignmentDiagnosis diagnosis = diagnose(1, List.of(paused));

        assertThat(diagnosis.reasons().get(0))
                .isEqualTo("1 worker(s) offer SLA standard@1 but none is ACTIVE (Org1MSP/w1 PAUSED)");
    }

    @Test
    void workers_all_below_the_reputation_floor_block_the_job_and_show_their_scores() {
        final Worker w1 = worker("Org1MSP", "w1", 2);
        // 0 agreements, 3 disagreements: (0+1)/(0+3+2) = 1/5 < 1/4
        WorkerRecord record = WorkerRecord.empty(w1.key());
        for (int i = 0; i < 3; i++) {
            record = record.withDisagreement();
        }

        final AssignmentDiagnosis diagnosis = diagnose(
                1,
                Optional.of(TestSlas.active("standard", 1)),
                List.of(w1),
                Map.of(w1.key(), record),
                Optional.empty());

        assertThat(diagnosis.reasons().get(0))
                .isEqualTo("every ACTIVE worker offering SLA standard@1 is below the reputation floor"
                        + " (Org1MSP/w1 score 1/5 = 0.20)");
    }

    @Test
    void a_worker_exactly_at_the_floor_is_still_eligible() {
        final Worker w1 = worker("Org1MSP", "w1", 2);
        // 0 agreements, 2 disagreements: (0+1)/(0+2+2) = 1/4, the floor itself
        final WorkerRecord record =
                WorkerRecord.empty(w1.key()).withDisagreement().withDisagreement();

        final AssignmentDiagnosis diagnosis = diagnose(
                1,
                Optional.of(TestSlas.active("standard", 1)),
                List.of(w1),
                Map.of(w1.key(), record),
                Optional.empty());

        assertThat(diagnosis.blocked()).isFalse();
    }

    @Test
    void workers_without_a_free_slot_block_the_job() {
        final AssignmentDiagnosis diagnosis =
                diagnose(1, List.of(worker("Org1MSP", "w1", 0), worker("Org2MSP", "w1", 0)));

        assertThat(diagnosis.reasons().get(0))
                .startsWith("every eligible worker for SLA standard@1 is busy: no free slot")
                .contains("Org1MSP/w1 0 of 2 free", "Org2MSP/w1 0 of 2 free");
    }

    @Test
    void fewer_orgs_with_a_free_worker_than_replicas_while_more_serve_makes_the_job_wait() {
        final AssignmentDiagnosis diagnosis = diagnose(
                3, List.of(worker("Org1MSP", "w1", 1), worker("Org2MSP", "w1", 0), worker("Org3MSP", "w1", 0)));

        assertThat(diagnosis.blocked()).isTrue();
        assertThat(diagnosis.reasons().get(0))
                .isEqualTo("the job needs 3 workers of distinct orgs; 3 org(s) serve SLA standard@1 but only 1 have"
                        + " a worker with a free slot now; the job waits for one");
    }

    @Test
    void fewer_orgs_than_replicas_in_all_is_a_note_not_a_block() {
        final AssignmentDiagnosis diagnosis =
                diagnose(3, List.of(worker("Org1MSP", "w1", 1), worker("Org1MSP", "w2", 1)));

        assertThat(diagnosis.blocked()).isFalse();
        assertThat(diagnosis.reasons())
                .anySatisfy(reason -> assertThat(reason).startsWith("only 1 of 3 replicas can be assigned"));
    }

    @Test
    void eligible_workers_without_a_recent_heartbeat_suggest_that_no_daemon_runs() {
        final Worker silent = TestWorkers.worker(WorkerKey.of("Org1MSP", "w1"))
                .withHeartbeat("2026-11-20T09:50:00Z", OptionalInt.of(2));

        final AssignmentDiagnosis diagnosis = diagnose(1, List.of(silent));

        assertThat(diagnosis.blocked()).isTrue();
        assertThat(diagnosis.reasons().get(0))
                .isEqualTo("1 worker(s) could take the job but none sent a heartbeat in the last 2 minutes: is a"
                        + " worker daemon running? start one with: povm worker start");
    }

    @Test
    void when_every_constraint_holds_it_says_so() {
        final AssignmentDiagnosis diagnosis =
                diagnose(1, List.of(worker("Org1MSP", "w1", 2), worker("Org2MSP", "w1", 1)));

        assertThat(diagnosis.blocked()).isFalse();
        assertThat(diagnosis.reasons())
                .containsExactly("every constraint holds: 2 eligible worker(s) in 2 org(s); a worker daemon assigns"
                        + " the job on its next poll");
    }

    @Test
    void a_customer_below_standing_is_noted() {
        // 3 jobs, all with violations: (3-3+1)/(3+2) = 1/5 < 1/4
        final CustomerRecord customer = new CustomerRecord("Org1MSP", "x509::u", 3, 3);

        final AssignmentDiagnosis diagnosis = diagnose(
                1,
                Optional.of(TestSlas.active("standard", 1)),
                List.of(worker("Org1MSP", "w1", 2)),
                Map.of(),
                Optional.of(customer));

        assertThat(diagnosis.reasons()).anySatisfy(reason -> assertThat(reason)
                .isEqualTo("the submitter's standing 1/5 = 0.20, below the floor 1/4: its new jobs are"
                        + " refused until it improves"));
    }
}
