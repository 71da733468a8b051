// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.CreditAudit;
import io.povm.api.Dispute;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.JobState;
import io.povm.api.LeaseTerms;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.api.VmTerms;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result consensus on the real network (docs/consensus.md), with six worker identities (two per org) the test plays itself:
 * commit-reveal, k-vote with a wrong worker, a copier caught by its commitment, a silent worker closed by the reveal
 * window, iterative redundancy with and without a faulty worker, and a challenged wrong verdict overturned by a
 * re-run with the bisection naming the first diverging checkpoint. Reveal and challenge windows are 3 s.
 */
class ConsensusFlowIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static final List<String> ORGS = List.of("org1", "org2", "org3");
    private static final int WINDOW_SECONDS = 3;
    private static final long PRICE = 10;
    private static CreditClient credits;
    private static SlaSpec sla;
    private static JobClient customer;
    private static WorkerClient records;
    private static SyntheticWorkers workers;

    @BeforeAll
    static void an_sla_with_short_windows_served_by_six_test_workers() throws Exception {
        customer = new JobClient(connect("org1").chaincode());
        records = new WorkerClient(connect("org1").chaincode());
        credits = new CreditClient(connect("org1").chaincode());
        final SlaSpec terms = new SlaSpec(
                "consensus-" + Instant.now().toEpochMilli(),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(5)
                        .minBenchmarkOpsPerSec(0)
                        .pricePerVmSecond(PRICE)
                        .build(),
                new JobLimits(65_536, 65_536),
                Optional.of(new LeaseTerms(60, 5, WINDOW_SECONDS, WINDOW_SECONDS)));
        final String ref = new SlaClient(connect("org1-admin").chaincode())
                .propose(terms)
                .ref()
                .toString();
        ItNetwork.synced(); // the voter's peer has the proposal
        new SlaClient(connect("org2-admin").chaincode()).approve(ref);
        ItNetwork.synced(); // the other orgs act on the SLA next
        sla = terms;
        // two workers per org: every test makes the worker of some replica wrong, faulty or silent, and which worker
        // holds that replica is the assignment's draw; with one worker in an org, three bad marks put it under the
        // reputation floor and its org out of the draw, so a later k = 3 job got two replicas (CI saw it once)
        workers = new SyntheticWorkers(
                sla,
                List.of("org1-user3", "org2-user3", "org3-user3", "org1-user4", "org2-user4", "org3-user4"),
                customer);
    }

    @AfterAll
    static void close() {
        if (workers != null) {
            workers.close();
        }
        GATEWAYS.forEach(PovmGateway::close);
    }

    @AfterEach
    void no_credit_was_created_or_destroyed() {
        final CreditAudit audit = credits.audit();
        assertThat(audit.conserved())
                .as("balances + escrow + deposits == supply: %s", audit)
                .isTrue();
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }

    private static Job running(final Redundancy redundancy) {
        final Job submitted = customer.submit(ItNetwork.builder(ItNetwork.uniqueId("cons"))
                .command("coinflip")
                .sla(sla.ref().toString())
                .redundancy(redundancy)
                .build());
        return workers.acknowledgeAll(customer.assign(submitted.id()));
    }

    private static Job synced(final Job job) {
        return workers.synced(job, customer);
    }

    /** Commits the given answers for the replicas from {@code first}, then reveals them all, in replica order. */
    private static Job answer(final Job job, final int first, final List<String> outputs) {
        Job current = job;
        final Map<Integer, Reveal> reveals = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            final int index = first + i;
            final Reveal reveal =
                    workers.answer(current, index, outputs.get(i), SyntheticWorkers.leaves(outputs.get(i), 8));
            reveals.put(index, reveal);
            current = workers.commit(current, index, reveal);
        }
        for (int i = 0; i < outputs.size(); i++) {
            current = workers.reveal(current, first + i, reveals.get(first + i));
        }
        return current;
    }

    private static WorkerRecord record(final Replica replica) {
        return records.record(WorkerKey.parse(replica.workerKey(), "workerKey"));
    }

    @Test
    void k_vote_takes_the_majority_and_the_wrong_worker_loses_reputation() throws Exception {
        final Job job = running(Redundancy.kVote(3));
        final Replica wrong = job.replicas().get(1);
        final long disagreementsBefore = record(wrong).disagreements();

        final Job resolved = answer(job, 0, List.of("{\"flips\":14}\n", "{\"flips\":15}\n", "{\"flips\":14}\n"));

        assertThat(resolved.state()).isEqualTo(JobState.RESOLVED_SOFT);
        final Verdict verdict = resolved.verdict().orElseThrow();
        assertThat(verdict.resultHash())
                .isEqualTo(resolved.replicas().get(0).result().orElseThrow().resultHash());
        assertThat(verdict.disagreed()).containsExactly(wrong.workerKey());
        assertThat(record(wrong).disagreements()).isEqualTo(disagreementsBefore + 1);
        assertThat(customer.attestations(job.id()).reveals()).hasSize(3);

        waitUntilPast(Instant.parse(resolved.resolution().challengeBy().orElseThrow()));
        everyOrgTicks();
        synced(customer.finalizeJob(job.id()));
        final Settlement settlement = credits.settlement(job.id());
        assertThat(payees(settlement)).containsExactlyInAnyOrderElementsOf(verdict.agreed());
        assertThat(settlement.refunded()).isEqualTo(settlement.escrow() - settlement.paid());
    }

    /**
     * @return the workers with a payout entry. Its amount can round down to 0: the synthetic workers acknowledge and
     *     commit within milliseconds, and a lone re-run is paid on at most the time between the two on the ledger
     *     (docs/consensus.md, "Agreed usage"), so a fast machine makes it a few ms.
     */
    private static List<String> payees(final Settlement settlement) {
        return settlement.entries().stream()
                .filter(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .map(Settlement.Entry::workerKey)
                .toList();
    }

    @Test
    void a_worker_that_copies_a_revealed_answer_is_caught_by_its_commitment() {
        final Job job = running(Redundancy.kVote(3));
        final Reveal honest0 = workers.answer(job, 0, "{\"flips\":6}\n", SyntheticWorkers.leaves("six", 4));
        final Reveal honest1 = workers.answer(job, 1, "{\"flips\":6}\n", SyntheticWorkers.leaves("six", 4));
        final Reveal placeholder = workers.answer(job, 2, "nothing run", List.of());
        Job current = workers.commit(job, 0, honest0);
        current = workers.commit(current, 1, honest1);
        current = workers.commit(current, 2, placeholder);
        current = workers.reveal(current, 0, honest0);
        final Reveal copied = workers.answer(current, 2, "{\"flips\":6}\n", SyntheticWorkers.leaves("six", 4));

        current = workers.reveal(current, 2, copied);
        assertThat(current.replicas().get(2).state()).isEqualTo(ReplicaState.FAULTED);
        current = workers.reveal(current, 1, honest1);

        assertThat(current.state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(current.verdict().orElseThrow().faulted())
                .containsExactly(job.replicas().get(2).workerKey());
        assertThat(current.verdict().orElseThrow().agreed()).hasSize(2);
        assertThat(record(job.replicas().get(2)).faults()).isPositive();
    }

    @Test
    void a_silent_worker_is_closed_out_by_the_reveal_window_and_the_verdict_still_stands() throws Exception {
        final Job job = running(Redundancy.kVote(3));
        final List<Reveal> reveals = new ArrayList<>();
        Job current = job;
        for (int i = 0; i < 3; i++) {
            reveals.add(workers.answer(current, i, "{\"flips\":30}\n", SyntheticWorkers.leaves("thirty", 4)));
            current = workers.commit(current, i, reveals.get(i));
        }
        current = workers.reveal(current, 0, reveals.get(0));
        current = workers.reveal(current, 1, reveals.get(1));
        final String jobId = job.id();
        assertThatThrownBy(() -> customer.advance(jobId))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));

        waitUntilPast(Instant.parse(current.resolution().revealBy().orElseThrow()));
        everyOrgTicks();
        final Job closed = synced(customer.advance(jobId));

        assertThat(closed.replicas().get(2).state()).isEqualTo(ReplicaState.UNREVEALED);
        assertThat(closed.state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(closed.verdict().orElseThrow().timedOut())
                .containsExactly(job.replicas().get(2).workerKey());
    }

    @Test
    void iterative_redundancy_with_a_faulty_worker_takes_more_replicas_and_still_finds_the_right_answer() {
        final Job honest = answer(running(Redundancy.iterative(2, 2, 5)), 0, List.of("ok\n", "ok\n"));
        assertThat(honest.state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(honest.replicas()).hasSize(2);

        Job faulty = running(Redundancy.iterative(2, 2, 5));
        faulty = answer(faulty, 0, List.of("ok\n", "bad\n"));
        while (faulty.state() == JobState.RUNNING) {
            final int next = faulty.replicas().size() - 1;
            faulty = answer(workers.acknowledgeAll(faulty), next, List.of("ok\n"));
        }

        assertThat(faulty.state()).isEqualTo(JobState.RESOLVED_SOFT);
        assertThat(faulty.replicas()).hasSize(4);
        assertThat(faulty.verdict().orElseThrow().resultHash())
                .isEqualTo(honest.verdict().orElseThrow().resultHash());
    }

    @Test
    void a_challenged_wrong_verdict_is_overturned_by_the_rerun_and_the_bisection_names_the_diverging_checkpoint()
            throws Exception {
        Job job = running(Redundancy.kVote(1));
        final List<String> right = SyntheticWorkers.leaves("right", 16);
        final List<String> wrongLeaves = new ArrayList<>(right.subList(0, 9));
        wrongLeaves.addAll(SyntheticWorkers.leaves("wrong", 7));
        final Reveal wrong = workers.answer(job, 0, "{\"flips\":99}\n", wrongLeaves);
        job = workers.reveal(workers.commit(job, 0, wrong), 0, wrong);
        assertThat(job.state()).isEqualTo(JobState.RESOLVED_SOFT);

        final long beforeChallenge = credits.balance().balance();
        Job resolving = workers.acknowledgeAll(synced(customer.challenge(job.id(), "the flip count is wrong")));
        final long deposit = resolving.dispute().orElseThrow().deposit();
        assertThat(deposit).isEqualTo(PRICE * 1 * 5);
        assertThat(credits.balance().balance()).isEqualTo(beforeChallenge - deposit);
        assertThat(resolving.state()).isEqualTo(JobState.RESOLVING);
        final Replica rerun = resolving.replicas().get(1);
        assertThat(rerun.rerun()).isTrue();
        assertThat(rerun.msp()).isNotEqualTo(job.replicas().get(0).msp());
        final Reveal correct = workers.answer(resolving, 1, "{\"flips\":14}\n", right);
        resolving = workers.reveal(workers.commit(resolving, 1, correct), 1, correct);

        assertThat(resolving.state()).isEqualTo(JobState.RESOLVED_FIRM);
        final Dispute dispute = resolving.dispute().orElseThrow();
        assertThat(dispute.outcome()).isEqualTo(Dispute.OVERTURNED);
        assertThat(dispute.firstDivergence().index()).isEqualTo(9);
        assertThat(resolving.verdict().orElseThrow().resultHash())
                .isEqualTo(correct.attestation().resultHash());
        assertThat(synced(customer.finalizeJob(job.id())).state()).isEqualTo(JobState.FINALIZED);
        final Settlement settlement = credits.settlement(job.id());
        assertThat(payees(settlement))
                .as("the re-run worker is paid, the worker of the overturned verdict is not")
                .containsExactly(rerun.workerKey());
        assertThat(credits.balance().balance())
                .as("the challenger's deposit returns in full; the escrow pays the re-run and refunds the rest")
                .isEqualTo(beforeChallenge - deposit + settlement.refunded());
        assertThat(settlement.entries())
                .anyMatch(e -> Settlement.Entry.REFUND.equals(e.kind())
                        && "deposit".equals(e.from())
                        && e.amount() == deposit);
        final String id = job.id();
        assertThatThrownBy(() -> customer.finalizeJob(id))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
    }

    @Test
    void an_unchallenged_verdict_finalizes_once_the_clocks_passed_its_challenge_window() throws Exception {
        final Job soft = answer(running(Redundancy.kVote(1)), 0, List.of("fine\n"));
        final String id = soft.id();
        assertThatThrownBy(() -> customer.finalizeJob(id))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.getMessage())
                        .contains("still open"));

        waitUntilPast(Instant.parse(soft.resolution().challengeBy().orElseThrow()));
        everyOrgTicks();

        assertThat(customer.finalizeJob(id).state()).isEqualTo(JobState.FINALIZED);
        assertThatThrownBy(() -> customer.challenge(id, "too late"))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
    }

    private static void waitUntilPast(final Instant deadline) throws InterruptedException {
        final long millis = Duration.between(Instant.now(), deadline).toMillis() + 300;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void everyOrgTicks() {
        final Map<String, PovmGateway> gateways = new java.util.LinkedHashMap<>();
        ORGS.forEach(org -> gateways.put(org, connect(org + "-admin")));
        ItNetwork.everyOrgTicks(gateways);
    }
}
