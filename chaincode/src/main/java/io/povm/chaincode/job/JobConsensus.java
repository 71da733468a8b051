// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.api.VerdictCount;
import io.povm.api.WorkerRecord;
import io.povm.chaincode.clock.MultipartyClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns counted results into the job's next state (see {@code docs/consensus.md}): a soft verdict with its challenge
 * window, a failed job, one more replica for iterative redundancy, or a dispute's firm verdict with its bisection.
 * Also closes reveal windows that passed on the multiparty clock. Pure: the contract reads the ledger, calls this
 * and writes what it returns.
 */
public final class JobConsensus {
    private JobConsensus() {}

    /** A change to one worker's record, e.g. {@code WorkerRecord::withAgreement}. */
    public record RecordChange(String workerKey, UnaryOperator<WorkerRecord> change) {
        /**
         * @return the changes with every change of one worker composed into one, in order, first appearance first:
         *     Fabric does not show a transaction its own writes, so two separate read-modify-writes of one record
         *     in one transaction would keep only the last
         */
        public static Map<String, UnaryOperator<WorkerRecord>> byWorker(final List<RecordChange> changes) {
            final Map<String, UnaryOperator<WorkerRecord>> folded = new LinkedHashMap<>();
            for (final RecordChange change : changes) {
                folded.merge(change.workerKey(), change.change(), (first, then) -> r -> then.apply(first.apply(r)));
            }
            return folded;
        }
    }

    /**
     * @param job the job after the step
     * @param records the changes to workers' records the step implies
     * @param note what happened or why nothing did
     */
    public record Step(Job job, List<RecordChange> records, String note) {
        static Step unchanged(final Job job, final String note) {
            return new Step(job, List.of(), note);
        }
    }

    /**
     * Closes the reveal window of every committed replica whose worker did not reveal by {@code revealBy} on the
     * multiparty clock (the worker's own org's ticks never count), then counts.
     */
    public static Step advance(
            final Job job,
            final SlaSpec sla,
            final MultipartyClock clock,
            final Supplier<ReplicaDraw> draw,
            final Map<Integer, Reveal> reveals,
            final String at) {
        return advance(job, sla, clock, draw, () -> reveals, r -> false, at);
    }

    /** As {@link #advance}, with the adaptive spot-check decision ({@link #count}). */
    public static Step advance(
            final Job job,
            final SlaSpec sla,
            final MultipartyClock clock,
            final Supplier<ReplicaDraw> draw,
            final Supplier<Map<Integer, Reveal>> reveals,
            final Predicate<Replica> unchecked,
            final String at) {
        final List<RecordChange> records = new ArrayList<>();
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        final Optional<String> revealBy = job.resolution().revealBy();
        final boolean leased = replicas.stream().anyMatch(Replica::isLeased);
        if (revealBy.isPresent() && !leased) {
            final Instant deadline = Instant.parse(revealBy.get());
            for (final Replica r : job.replicas()) {
                if (r.state() == ReplicaState.RESULT_COMMITTED && clock.hasPassed(deadline, r.msp())) {
                    replicas.set(
                            r.index(),
                            r.faulted(ReplicaState.UNREVEALED, "committed but did not reveal by " + revealBy.get()));
                    records.add(new RecordChange(r.workerKey(), WorkerRecord::withTimeout));
                }
            }
        }
        final Job closed = records.isEmpty()
                ? job
                : JobLifecycle.apply(job, JobEvent.REPLICA_UPDATE, at).withReplicas(replicas);
        final Step counted = count(closed, sla, draw, reveals, unchecked, at);
        final List<RecordChange> all = new ArrayList<>(records);
        all.addAll(counted.records());
        return new Step(counted.job(), all, counted.note());
    }

    /** Counts the current phase's results, if they are all in, and moves the job on. */
    public static Step count(
            final Job job,
            final SlaSpec sla,
            final Supplier<ReplicaDraw> draw,
            final Map<Integer, Reveal> reveals,
            final String at) {
        return count(job, sla, draw, () -> reveals, r -> false, at);
    }

    /**
     * @param unchecked for an adaptive job's single replica: whether its worker is trusted and the random spot check
     *     passed it by; otherwise the job draws the spot check's replicas
     */
    public static Step count(
            final Job job,
            final SlaSpec sla,
            final Supplier<ReplicaDraw> draw,
            final Supplier<Map<Integer, Reveal>> reveals,
            final Predicate<Replica> unchecked,
            final String at) {
        if (job.state() != JobState.RESULTS_PENDING && job.state() != JobState.RESOLVING) {
            return Step.unchanged(job, "job is " + job.state() + "; there are no results to count");
        }
        final VerdictCount.Outcome outcome = VerdictCount.count(job, sla, at, unchecked);
        final Verdict verdict = outcome.verdict();
        if (job.state() == JobState.RESOLVING) {
            return decideDispute(job, outcome, reveals.get(), at);
        }
        switch (outcome.kind()) {
            case WON:
                final Job soft = JobLifecycle.apply(job, JobEvent.SOFT_RESOLVE, at);
                return new Step(
                        soft.withResolution(soft.resolution()
                                .withVerdict(
                                        verdict,
                                        Optional.of(LeaseDeadlines.after(
                                                at, sla.lease().challengeWindowSeconds())))),
                        verdictRecords(verdict),
                        "soft verdict: " + verdict.reason());
            case NO_WINNER:
                final Job failed =
                        JobLifecycle.apply(job, JobEvent.FAIL, at, Optional.of("no answer won: " + verdict.reason()));
                return new Step(
                        failed.withResolution(failed.resolution().withVerdict(verdict, Optional.empty())),
                        workerViolations(verdict),
                        "failed: " + verdict.reason());
            case NEEDS_REPLICA:
                final ReplicaDraw fresh = draw.get();
                final int wanted = job.spec().redundancy().isAdaptive()
                        ? job.spec().redundancy().replicas().orElse(1) - 1
                        : 1;
                final List<Replica> added = FreshWorkers.draw(job, fresh, wanted);
                if (added.size() < wanted) {
                    return Step.unchanged(
                            job,
                            verdict.reason() + ": " + wanted + " more replica(s) needed but only " + added.size()
                                    + " worker(s) that never held one are eligible now (" + fresh.whyNone() + ")");
                }
                final List<Replica> replicas = new ArrayList<>(job.replicas());
                replicas.addAll(added);
                return new Step(
                        JobLifecycle.apply(job, JobEvent.REOPEN, at).withReplicas(replicas),
                        List.of(),
                        added.size() + " more replica(s) drawn: " + verdict.reason());
            default:
                return Step.unchanged(job, "nothing to count yet: " + verdict.reason());
        }
    }

    private static List<RecordChange> verdictRecords(final Verdict verdict) {
        final List<RecordChange> records = new ArrayList<>();
        verdict.agreed().forEach(w -> records.add(new RecordChange(w, WorkerRecord::withAgreement)));
        verdict.disagreed().forEach(w -> records.add(new RecordChange(w, WorkerRecord::withDisagreement)));
        records.addAll(workerViolations(verdict));
        return records;
    }

    private static List<RecordChange> workerViolations(final Verdict verdict) {
        return verdict.violations().stream()
                .filter(v -> Verdict.Violation.WORKER.equals(v.party()))
                .map(v -> new RecordChange(v.who(), WorkerRecord::withViolation))
                .toList();
    }

    private static Step decideDispute(
            final Job job, final VerdictCount.Outcome outcome, final Map<Integer, Reveal> reveals, final String at) {
        if (outcome.kind() == VerdictCount.Kind.PENDING) {
            return Step.unchanged(job, "the re-run replicas have not all revealed yet");
        }
        final Verdict soft = job.verdict().orElseThrow(() -> PovmException.internal("a disputed job has no verdict"));
        final String softWinner = soft.resultHash();
        final Dispute dispute = job.dispute().orElseThrow(() -> PovmException.internal("RESOLVING without dispute"));
        if (outcome.kind() != VerdictCount.Kind.WON) {
            final Dispute undecided = dispute.decided(
                    Dispute.UNDECIDED,
                    Optional.empty(),
                    "the re-run reached no majority (" + outcome.verdict().reason() + "); the soft verdict stands");
            final Job firm = JobLifecycle.apply(job, JobEvent.FIRM_RESOLVE, at);
            return new Step(firm.withResolution(firm.resolution().withDispute(undecided)), List.of(), "undecided");
        }
        final Verdict firmVerdict = outcome.verdict();
        final String firmWinner = firmVerdict.resultHash();
        final boolean upheld = firmWinner.equals(softWinner);
        final Optional<Dispute.Divergence> divergence = Bisection.firstDivergence(
                leaves(job, reveals, softWinner, false), leaves(job, reveals, firmWinner, true));
        final String note = (upheld
                        ? "the re-run agrees with the soft verdict"
                        : "the re-run overturns the soft" + " verdict " + softWinner + " with " + firmWinner)
                + divergence
                        .map(d -> "; the checkpoints first diverge at index " + d.index())
                        .orElse("; the checkpoints do not diverge");
        final Dispute decided = dispute.decided(upheld ? Dispute.UPHELD : Dispute.OVERTURNED, divergence, note);
        final List<RecordChange> records = new ArrayList<>();
        for (final Replica r : job.replicas()) {
            if (r.state() != ReplicaState.RESULT_REVEALED) {
                continue;
            }
            final boolean agreesFirm = VerdictCount.agrees(r, firmWinner);
            if (r.rerun()) {
                records.add(new RecordChange(
                        r.workerKey(), agreesFirm ? WorkerRecord::withAgreement : WorkerRecord::withDisagreement));
            } else if (!upheld) {
                final boolean agreedSoft = VerdictCount.agrees(r, softWinner);
                if (agreedSoft || agreesFirm) {
                    records.add(new RecordChange(r.workerKey(), rec -> rec.withVerdictReversed(agreedSoft)));
                }
            }
        }
        final Job firm = JobLifecycle.apply(job, JobEvent.FIRM_RESOLVE, at);
        return new Step(
                firm.withResolution(firm.resolution()
                        .withVerdict(firmVerdict, job.resolution().challengeBy())
                        .withDispute(decided)),
                records,
                note);
    }

    /** @return the leaves revealed by the first replica of the phase that gave {@code answer}; empty if none */
    private static List<String> leaves(
            final Job job, final Map<Integer, Reveal> reveals, final String answer, final boolean rerun) {
        for (final Replica r : job.replicas()) {
            if (r.rerun() == rerun && VerdictCount.agrees(r, answer) && reveals.containsKey(r.index())) {
                return reveals.get(r.index()).checkpointLeaves();
            }
        }
        return List.of();
    }
}
