// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Attestation;
import io.povm.api.AttestationCheck.Problem;
import io.povm.api.AttestationSignature;
import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PayoutRule;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.Settlement;
import io.povm.api.Verdict;
import io.povm.client.TestJobs;
import io.povm.client.attestation.AttestationReport.ReplicaOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttestationVerifierTest {
    private final SignedJob signed = new SignedJob();
    private final Evidence honest = signed.evidence();

    @Test
    void an_honest_job_passes_every_replica_and_the_verdict_recount() {
        final AttestationReport report = AttestationVerifier.verify(honest);

        assertThat(report.passed()).isTrue();
        assertThat(report.replicas()).extracting(ReplicaOutcome::outcome).containsOnly(AttestationReport.OK);
        assertThat(report.verdict().outcome()).isEqualTo(AttestationReport.OK);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void the_order_of_the_stored_attestations_does_not_matter_since_each_names_its_replica() {
        final List<String> texts = new ArrayList<>(honest.attestations());
        java.util.Collections.reverse(texts);

        assertThat(AttestationVerifier.verify(honest.withAttestations(texts)).passed())
                .isTrue();
    }

    @Test
    void a_changed_measurement_names_that_field_with_both_values() {
        final Evidence altered = replace(0, "\"wallMillis\":812", "\"wallMillis\":813");

        final AttestationReport report = AttestationVerifier.verify(altered);

        assertThat(report.passed()).isFalse();
        assertThat(problem(report, 0))
                .contains(new Problem("attestation.wallMillis", "states 813 but the replica record has 812"));
        assertThat(report.failures())
                .containsExactly("replica 0 (Org1MSP/w1): attestation.wallMillis: states 813 but the replica record"
                        + " has 812");
    }

    @Test
    void another_workers_key_fails_the_signature() {
        final Map<String, String> keys = new HashMap<>(honest.attestationKeys());
        keys.put(SignedJob.WORKERS.get(0), SignedJob.pem(SignedJob.p256()));

        final AttestationReport report = AttestationVerifier.verify(
                new Evidence(Evidence.VERSION, honest.job(), honest.sla(), keys, honest.attestations()));

        assertThat(problem(report, 0).map(Problem::field)).contains("signature");
        assertThat(problem(report, 1)).isEmpty();
    }

    @Test
    void a_missing_key_names_the_attestation_keys() {
        final Map<String, String> keys = new HashMap<>(honest.attestationKeys());
        keys.remove(SignedJob.WORKERS.get(2));

        final AttestationReport report = AttestationVerifier.verify(
                new Evidence(Evidence.VERSION, honest.job(), honest.sla(), keys, honest.attestations()));

        assertThat(problem(report, 2).map(Problem::field)).contains("attestationKeys");
    }

    @Test
    void one_replicas_attestation_stored_in_place_of_anothers_leaves_that_one_without_and_this_one_with_two() {
        final List<String> texts = new ArrayList<>(honest.attestations());
        texts.set(0, texts.get(1));

        final AttestationReport report = AttestationVerifier.verify(honest.withAttestations(texts));

        assertThat(problem(report, 0).map(Problem::field)).contains("attestation");
        assertThat(problem(report, 1).map(Problem::field)).contains("attestation.replica");
    }

    @Test
    void a_workers_own_attestation_re_signed_for_another_replica_does_not_pass_as_that_replicas() {
        final Reveal own = signed.reveals.get(0);
        final Attestation a = own.attestation();
        final Attestation moved = a.claimedAs(1, a.workerKey(), a.msp(), a.nonce());
        final Reveal forged = new Reveal(
                moved,
                AttestationSignature.sign(moved, signed.keys.get(0).getPrivate()),
                own.output(),
                own.checkpointLeaves());
        final List<String> texts = new ArrayList<>(honest.attestations());
        texts.set(1, PovmJson.write(forged));

        final AttestationReport report = AttestationVerifier.verify(honest.withAttestations(texts));

        assertThat(report.passed()).isFalse();
        assertThat(problem(report, 1)).isPresent();
    }

    @Test
    void a_reveal_that_does_not_open_the_replicas_commitment_names_the_nonce() {
        final List<Replica> replicas = new ArrayList<>(signed.job.replicas());
        final Replica first = replicas.get(0);
        replicas.set(0, first.committed("ab".repeat(32)).revealed(first.result().orElseThrow()));
        final Job job = signed.job.withReplicas(replicas);

        final AttestationReport report = AttestationVerifier.verify(
                new Evidence(Evidence.VERSION, job, honest.sla(), honest.attestationKeys(), honest.attestations()));

        assertThat(problem(report, 0).map(Problem::field)).contains("attestation.nonce");
    }

    @Test
    void a_verdict_naming_another_winner_fails_the_recount() {
        final Verdict stored = signed.verdict();
        final Verdict wrong = new Verdict(
                stored.stage(),
                SignedJob.result(2).resultHash(),
                stored.decidedAt(),
                stored.answers(),
                stored.disagreed(),
                stored.agreed(),
                List.of(),
                List.of(),
                List.of(),
                stored.reason());

        final AttestationReport report = AttestationVerifier.verify(withVerdict(wrong));

        assertThat(report.passed()).isFalse();
        assertThat(report.replicas()).extracting(ReplicaOutcome::outcome).containsOnly(AttestationReport.OK);
        assertThat(report.verdict().field()).isEqualTo("verdict.resultHash");
        assertThat(report.verdict().reason()).contains("2 of 3 replicas agree (k-vote needs 2)");
    }

    @Test
    void a_verdict_with_a_wrong_agreed_list_fails_the_recount() {
        final Verdict stored = signed.verdict();
        final Verdict wrong = new Verdict(
                stored.stage(),
                stored.resultHash(),
                stored.decidedAt(),
                stored.answers(),
                List.of(SignedJob.WORKERS.get(0)),
                stored.disagreed(),
                List.of(),
                List.of(),
                List.of(),
                stored.reason());

        assertThat(AttestationVerifier.verify(withVerdict(wrong)).verdict().field())
                .isEqualTo("verdict.agreed");
    }

    @Test
    void a_missing_attestation_fails_its_replica() {
        final AttestationReport report = AttestationVerifier.verify(
                honest.withAttestations(honest.attestations().subList(0, 2)));

        assertThat(problem(report, 2))
                .contains(new Problem(
                        "attestation", "the ledger stores no attestation for this RESULT_REVEALED replica"));
    }

    @Test
    void an_attestation_naming_a_replica_that_is_not_revealed_is_a_problem_of_its_own() {
        final List<Replica> replicas = new ArrayList<>(signed.job.replicas());
        replicas.set(2, replicas.get(2).faulted(ReplicaState.FAULTED, "did not open its commitment"));
        final Job job = signed.job.withReplicas(replicas);

        final AttestationReport report = AttestationVerifier.verify(
                new Evidence(Evidence.VERSION, job, honest.sla(), honest.attestationKeys(), honest.attestations()));

        assertThat(report.replicas().get(2).outcome()).isEqualTo(AttestationReport.SKIPPED);
        assertThat(report.problems()).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo("attestations[2]");
            assertThat(finding.field()).isEqualTo("attestation.replica");
            assertThat(finding.reason()).contains("replica 2 is FAULTED");
        });
        assertThat(report.passed()).isFalse();
    }

    @Test
    void an_altered_checkpoint_leaf_is_named_as_the_leaves() {
        final String leaf = SignedJob.leaves(1).get(1);
        final String other = leaf.substring(0, 10) + (leaf.charAt(10) == 'a' ? 'b' : 'a') + leaf.substring(11);

        final AttestationReport report = AttestationVerifier.verify(replace(1, leaf, other));

        assertThat(problem(report, 1).map(Problem::field)).contains("checkpointLeaves");
    }

    @Test
    void a_job_without_a_verdict_skips_the_recount() {
        final Job pending = signed.job
                .withState(JobState.RESULTS_PENDING, "2026-11-20T10:08:00.000Z", Optional.empty())
                .withResolution(Job.Resolution.NONE);

        final AttestationReport report = AttestationVerifier.verify(
                new Evidence(Evidence.VERSION, pending, honest.sla(), honest.attestationKeys(), honest.attestations()));

        assertThat(report.verdict().outcome()).isEqualTo(AttestationReport.SKIPPED);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void an_iterative_job_needs_the_margin_so_two_against_one_does_not_win_with_margin_two() {
        final Job margin2 = SignedJob.resolved(
                TestJobs.job(TestJobs.spec(SignedJob.JOB_ID).toBuilder()
                        .redundancy(Redundancy.iterative(2, 3, 5))
                        .build()),
                signed.job.replicas(),
                signed.verdict());
        final Job margin1 = SignedJob.resolved(
                TestJobs.job(TestJobs.spec(SignedJob.JOB_ID).toBuilder()
                        .redundancy(Redundancy.iterative(1, 3, 5))
                        .build()),
                signed.job.replicas(),
                signed.verdict());

        final AttestationReport two = AttestationVerifier.verify(with(margin2));
        final AttestationReport one = AttestationVerifier.verify(with(margin1));

        assertThat(two.verdict().field()).isEqualTo("verdict.resultHash");
        assertThat(two.verdict().reason()).contains("has 2 vote(s) against 1 (iterative margin 2");
        assertThat(one.passed()).isTrue();
    }

    @Test
    void a_firm_verdict_is_counted_over_the_re_run_and_judges_every_replica() {
        final List<Replica> replicas = new ArrayList<>(signed.job.replicas());
        replicas.set(2, replicas.get(2).asRerun());
        final String tails = SignedJob.result(2).resultHash();
        final List<String> w = SignedJob.WORKERS;
        final Verdict firm = new Verdict(
                Verdict.FIRM,
                tails,
                "2026-11-20T10:20:00.000Z",
                List.of(new Verdict.Answer(tails, List.of(w.get(2)))),
                List.of(w.get(2)),
                List.of(w.get(0), w.get(1)),
                List.of(),
                List.of(),
                List.of(),
                "1 of 1 re-run replicas agree (the re-run needs 1)");
        final Dispute dispute = Dispute.opened(signed.job.submitter(), "wrong", 0, "2026-11-20T10:10:30.000Z", 1)
                .decided(Dispute.OVERTURNED, Optional.empty(), "overturned");
        final Job overturned = SignedJob.resolved(signed.job, replicas, firm)
                .withState(JobState.RESOLVED_FIRM, "2026-11-20T10:20:00.000Z", Optional.empty());
        final Job withDispute =
                overturned.withResolution(overturned.resolution().withDispute(dispute));

        assertThat(AttestationVerifier.verify(with(withDispute)).passed()).isTrue();

        final Verdict claimsHeads = new Verdict(
                Verdict.FIRM,
                SignedJob.result(0).resultHash(),
                firm.decidedAt(),
                firm.answers(),
                firm.disagreed(),
                firm.agreed(),
                List.of(),
                List.of(),
                List.of(),
                firm.reason());
        final Job wrong =
                withDispute.withResolution(withDispute.resolution().withVerdict(claimsHeads, Optional.empty()));
        assertThat(AttestationVerifier.verify(with(wrong)).verdict().field()).isEqualTo("verdict.resultHash");
    }

    /** Replicas 0 and 1 agree (812 and 813 ms): both are paid on the lower, 812 ms, at 750/1000. */
    private Settlement honestSettlement() {
        final long price = honest.sla().vm().pricePerVmSecond();
        final List<Settlement.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            final String worker = SignedJob.WORKERS.get(i);
            final long due = PayoutRule.due(price, 812, 750);
            entries.add(new Settlement.Entry(
                    Settlement.Entry.PAYOUT,
                    SignedJob.msp(worker),
                    "x509::" + worker,
                    due,
                    "escrow",
                    worker,
                    i,
                    due,
                    812L,
                    750L,
                    "price x 812 ms agreed"));
        }
        return new Settlement(
                SignedJob.JOB_ID,
                Settlement.SETTLE,
                JobState.FINALIZED,
                "2026-11-20T10:12:00.000Z",
                "tx-finalize",
                signed.verdict().resultHash(),
                null,
                1000,
                0,
                entries);
    }

    private static Settlement withEntry(final Settlement settlement, final int index, final Settlement.Entry entry) {
        final List<Settlement.Entry> entries = new ArrayList<>(settlement.entries());
        if (index < entries.size()) {
            entries.set(index, entry);
        } else {
            entries.add(entry);
        }
        return new Settlement(
                settlement.jobId(),
                settlement.kind(),
                settlement.jobState(),
                settlement.at(),
                settlement.txId(),
                settlement.winner(),
                settlement.dispute(),
                settlement.escrow(),
                settlement.deposits(),
                entries);
    }

    @Test
    void a_settlement_whose_payouts_follow_from_the_stored_attestations_passes() {
        final AttestationReport report = AttestationVerifier.verify(honest.withSettlement(honestSettlement()));

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void a_payout_on_the_workers_own_claim_instead_of_the_agreed_usage_fails_naming_the_replica() {
        final Settlement.Entry paid = honestSettlement().entries().get(1);
        final long inflated = PayoutRule.due(honest.sla().vm().pricePerVmSecond(), 813, 750);
        final Settlement tampered = withEntry(
                honestSettlement(),
                1,
                new Settlement.Entry(
                        paid.kind(),
                        paid.msp(),
                        paid.fabricId(),
                        inflated,
                        paid.from(),
                        paid.workerKey(),
                        paid.replica(),
                        inflated,
                        813L,
                        750L,
                        paid.why()));

        final AttestationReport report = AttestationVerifier.verify(honest.withSettlement(tampered));

        assertThat(report.passed()).isFalse();
        assertThat(report.failures())
                .containsExactly("payout of replica 1 (Org2MSP/w1): settlement.entries[1].vmMillis: states 813 but the"
                        + " stored attestations agree on 812 ms (812 ms of wall, at most 3600 s)");
    }

    @Test
    void a_due_that_does_not_follow_from_its_basis_fails_naming_the_replica() {
        final Settlement.Entry paid = honestSettlement().entries().get(0);
        final Settlement tampered = withEntry(
                honestSettlement(),
                0,
                new Settlement.Entry(
                        paid.kind(),
                        paid.msp(),
                        paid.fabricId(),
                        paid.amount() * 3000,
                        paid.from(),
                        paid.workerKey(),
                        paid.replica(),
                        paid.due() * 3000,
                        812L,
                        750L,
                        paid.why()));

        assertThat(AttestationVerifier.verify(honest.withSettlement(tampered)).failures())
                .singleElement()
                .asString()
                .startsWith("payout of replica 0 (Org1MSP/w1): settlement.entries[0].due: states ");
    }

    @Test
    void a_payout_to_the_disagreeing_replica_or_a_missing_payout_fails_naming_the_replica() {
        final Settlement.Entry paid = honestSettlement().entries().get(1);
        final Settlement toLoser = withEntry(
                honestSettlement(),
                2,
                new Settlement.Entry(
                        paid.kind(),
                        "Org3MSP",
                        "x509::Org3MSP/w1",
                        paid.amount(),
                        paid.from(),
                        "Org3MSP/w1",
                        2,
                        paid.due(),
                        812L,
                        750L,
                        paid.why()));
        final Settlement missing = new Settlement(
                SignedJob.JOB_ID,
                Settlement.SETTLE,
                JobState.FINALIZED,
                "2026-11-20T10:12:00.000Z",
                "tx-finalize",
                signed.verdict().resultHash(),
                null,
                1000,
                0,
                honestSettlement().entries().subList(0, 1));

        assertThat(AttestationVerifier.verify(honest.withSettlement(toLoser)).failures())
                .singleElement()
                .asString()
                .startsWith("payout of replica 2 (Org3MSP/w1): settlement.entries[2].replica: pays replica 2, which");
        assertThat(AttestationVerifier.verify(honest.withSettlement(missing)).failures())
                .containsExactly("payout of replica 1 (Org2MSP/w1): settlement.entries: has no payout for this"
                        + " replica, which revealed the winning answer");
    }

    private Evidence with(final Job job) {
        return new Evidence(Evidence.VERSION, job, honest.sla(), honest.attestationKeys(), honest.attestations());
    }

    private Evidence withVerdict(final Verdict verdict) {
        final Job job = SignedJob.resolved(signed.job, signed.job.replicas(), verdict);
        return new Evidence(Evidence.VERSION, job, honest.sla(), honest.attestationKeys(), honest.attestations());
    }

    private Evidence replace(final int replica, final String from, final String to) {
        final List<String> texts = new ArrayList<>(honest.attestations());
        assertThat(texts.get(replica)).contains(from);
        texts.set(replica, texts.get(replica).replace(from, to));
        return honest.withAttestations(texts);
    }

    static Optional<Problem> problem(final AttestationReport report, final int replica) {
        return report.replicas().get(replica).problem();
    }
}
