// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Settlement;
import io.povm.api.Sha256;
import io.povm.api.Verdict;
import io.povm.client.worker.WorkerClient;
import io.povm.worker.job.CoinFlip;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result consensus on the real network (docs/consensus.md) with one dishonest worker among three: one org's daemon
 * runs in one faulty mode per test (docs/workers.md), the other two are honest. Each job is a 3-vote coin flip, so
 * each org's worker holds one replica; the verdict must be the honest answer, recomputed here in Java. Each test
 * spoils a different org's worker, so that no worker's reputation falls below the assignment floor (1/4) on a
 * network the other ITs share: a worker with one penalty and no agreement scores 1/3.
 */
class ConsensusIT {
    private static String faulty = "org3";
    private static final int K = 6;
    private static DaemonNetwork network;

    @BeforeAll
    static void three_daemons_run() throws Exception {
        network = new DaemonNetwork("consensus-it").start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (network != null) {
            network.close();
        }
    }

    @AfterEach
    void honest_again() throws Exception {
        network.restart(faulty, "none");
        network.awaitIdle();
    }

    private static final Predicate<Job> DECIDED =
            j -> j.verdict().isPresent() && (j.state() == JobState.RESOLVED_SOFT || j.state() == JobState.FINALIZED);

    /** @return the decided job, after checking that its verdict is the honest answer, agreed by org1 and org2 */
    private static Job decided(final String org, final String mode) throws Exception {
        faulty = org;
        network.restart(faulty, mode);
        network.awaitIdle();
        final String id = DaemonNetwork.unique(mode);
        network.customer.submit(network.coinflipJob(id, K, 3));

        final Job job = network.await(id, DECIDED);

        final String honest = CoinFlip.result(id, K);
        final Verdict verdict = job.verdict().orElseThrow();
        assertThat(verdict.winner()).contains(Sha256.hex(Sha256.hash(honest.getBytes(StandardCharsets.UTF_8))));
        assertThat(verdict.agreed())
                .containsExactlyInAnyOrderElementsOf(DaemonNetwork.ORGS.stream()
                        .filter(o -> !o.equals(org))
                        .map(network.workerKeys::get)
                        .toList());
        return job;
    }

    private static Replica faultyReplica(final Job job) {
        return job.replicas().stream()
                .filter(r -> r.workerKey().equals(network.workerKeys.get(faulty)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_wrong_answer_is_outvoted_and_its_worker_disagreed() throws Exception {
        final long disagreements = network.record("org3").disagreements();

        final Job job = decided("org3", "wrong-answer");

        assertThat(job.verdict().orElseThrow().disagreed()).containsExactly(network.workerKeys.get(faulty));
        assertThat(faultyReplica(job).state()).isEqualTo(ReplicaState.RESULT_REVEALED);
        assertThat(faultyReplica(job).result().orElseThrow().output().orElseThrow())
                .isNotEqualTo(CoinFlip.result(job.id(), K));
        assertThat(network.record("org3").disagreements())
                .as("the wrong worker's reputation drops")
                .isEqualTo(disagreements + 1);

        network.await(job.id(), j -> j.state() == JobState.FINALIZED);
        final Settlement settlement = network.credits().settlement(job.id());
        assertThat(settlement.entries())
                .as("the daemons finalize the job after its challenge window; the wrong worker is not paid")
                .filteredOn(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .extracting(Settlement.Entry::workerKey)
                .containsExactlyInAnyOrderElementsOf(job.verdict().orElseThrow().agreed());
        assertThat(settlement.paid()).isPositive();
    }

    @Test
    void a_copier_cannot_open_its_commitment_and_is_faulted() throws Exception {
        final long faults = network.record("org2").faults();

        final Job job = decided("org2", "copy");

        assertThat(faultyReplica(job).state()).isEqualTo(ReplicaState.FAULTED);
        assertThat(faultyReplica(job).fault())
                .hasValueSatisfying(f -> assertThat(f).contains("commitment"));
        assertThat(job.verdict().orElseThrow().faulted()).containsExactly(network.workerKeys.get(faulty));
        assertThat(network.record("org2").faults()).isEqualTo(faults + 1);
    }

    @Test
    void a_silent_worker_is_unrevealed_after_the_reveal_window_and_the_verdict_stands() throws Exception {
        final Job job = decided("org1", "silent");

        assertThat(faultyReplica(job).state()).isEqualTo(ReplicaState.UNREVEALED);
        assertThat(job.verdict().orElseThrow().timedOut()).containsExactly(network.workerKeys.get(faulty));
    }

    @Test
    void an_inflater_is_paid_and_ticketed_on_the_agreed_usage_like_its_honest_peers_and_its_record_shows_it()
            throws Exception {
        faulty = "org3";
        final long violations = network.record("org3").violations();
        network.restart(faulty, "inflate-usage");
        network.awaitIdle();
        final String id = DaemonNetwork.unique("inflate-usage");
        network.customer.submit(network.coinflipJob(id, K, 3));

        final Job job = network.await(id, DECIDED);

        final Verdict verdict = job.verdict().orElseThrow();
        assertThat(verdict.agreed()).as("the inflater's answer is right").hasSize(3);
        assertThat(verdict.violations()).as("the inflater's claim is flagged").anySatisfy(v -> {
            assertThat(v.kind()).isEqualTo(Verdict.Violation.USAGE);
            assertThat(v.who()).isEqualTo(network.workerKeys.get(faulty));
        });
        assertThat(network.record("org3").violations()).isEqualTo(violations + 1);

        network.await(job.id(), j -> j.state() == JobState.FINALIZED);
        final java.util.List<Settlement.Entry> payouts = network.credits().settlement(job.id()).entries().stream()
                .filter(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .toList();
        assertThat(payouts).hasSize(3);
        assertThat(payouts)
                .as("every replica, the inflater's too, is paid (and ticketed) on the same agreed VM-ms")
                .extracting(Settlement.Entry::vmMillis)
                .containsOnly(payouts.get(0).vmMillis());
        final long agreed = payouts.get(0).vmMillis();
        assertThat(agreed)
                .as("the agreed usage is the honest replicas', far below what the inflater claimed")
                .isLessThan(faultyReplica(job).result().orElseThrow().wallMillis() / 10);
        for (final Settlement.Entry payout : payouts) {
            assertThat(payout.due() * 1000.0 / payout.permille())
                    .as("due per unit of multiplier, %s", payout.workerKey())
                    .isCloseTo(
                            payouts.get(0).due() * 1000.0 / payouts.get(0).permille(),
                            org.assertj.core.data.Offset.offset(3.0));
        }
        assertThat(network.credits().audit().conserved()).isTrue();
    }

    @Test
    void a_lone_inflater_is_paid_no_more_than_the_ledger_saw_between_its_acknowledgement_and_its_commit()
            throws Exception {
        faulty = "org3";
        network.restart(faulty, "inflate-usage");
        network.awaitIdle();
        final List<WorkerClient> others = List.of("org1", "org2").stream()
                .map(org -> new WorkerClient(network.connect(org + "-user2").chaincode()))
                .toList();
        final String id = DaemonNetwork.unique("inflate-usage-k1");
        try {
            // only the inflater's worker may be drawn for the single replica
            others.forEach(w -> w.pause(w.findSelf().orElseThrow().workerKey()));
            network.customer.submit(network.coinflipJob(id, K, 1));
            network.await(id, j -> !j.replicas().isEmpty());
        } finally {
            others.forEach(w -> w.resume(w.findSelf().orElseThrow().workerKey()));
        }

        final Job job = network.await(id, j -> j.state() == JobState.FINALIZED);

        final Replica lone = faultyReplica(job);
        final long claimed = lone.result().orElseThrow().wallMillis();
        final Settlement.Entry payout = network.credits().settlement(id).entries().stream()
                .filter(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .findFirst()
                .orElseThrow();
        assertThat(claimed)
                .as("the inflater claims the SLA's max wall less 1 ms")
                .isEqualTo(599_999L);
        assertThat(payout.vmMillis())
                .as("paid on the time between its acknowledgement and its commit on the ledger, not its claim")
                .isLessThan(60_000L);
        assertThat(network.credits().audit().conserved()).isTrue();
    }
}
