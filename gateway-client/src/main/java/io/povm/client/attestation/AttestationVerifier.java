// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.AttestationCheck.Problem;
import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.client.attestation.AttestationReport.Finding;
import io.povm.client.attestation.AttestationReport.ReplicaOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a job from its {@link Evidence} alone, without the network: for every RESULT_REVEALED replica, that the
 * ledger stores exactly one attestation for it, that the stored text reads strictly, that the attestation states the
 * replica's stored result, passes the chaincode's own {@link io.povm.api.AttestationCheck} with the worker's
 * registered key and opens the replica's commitment; that no stored attestation names another replica; that
 * counting the revealed results again with the chaincode's own rules gives the stored verdict; and that every payout
 * of the settlement follows from the stored attestations ({@link PayoutRecount}).
 *
 * <pre>{@code
 * AttestationReport report = AttestationVerifier.verify(Evidence.fromJson(Files.readString(file)));
 * if (!report.passed()) {
 *     report.failures().forEach(System.err::println);   // e.g. replica 1 (Org2MSP/w1): attestation.wallMillis: ...
 * }
 * }</pre>
 */
public final class AttestationVerifier {
    private AttestationVerifier() {}

    /** One stored attestation text, read or not. */
    private record Stored(int position, Optional<Reveal> reveal, Optional<Problem> unreadable) {}

    /** @return the outcome of every replica, of the verdict recount and of attestations that name no replica */
    public static AttestationReport verify(final Evidence evidence) {
        final Job job = evidence.job();
        final Map<Integer, Replica> revealed = new TreeMap<>();
        job.replicas().stream()
                .filter(r -> r.state() == ReplicaState.RESULT_REVEALED)
                .forEach(r -> revealed.put(r.index(), r));
        final List<Finding> problems = new ArrayList<>();
        final Map<Integer, List<Stored>> byReplica = attribute(evidence.attestations(), job, revealed, problems);
        final List<ReplicaOutcome> outcomes = new ArrayList<>();
        for (final Replica replica : job.replicas()) {
            if (replica.state() != ReplicaState.RESULT_REVEALED) {
                outcomes.add(ReplicaOutcome.skipped(
                        replica.index(),
                        replica.workerKey(),
                        replica.state(),
                        "not revealed" + replica.fault().map(f -> ": " + f).orElse("")));
                continue;
            }
            final List<Stored> stored = byReplica.getOrDefault(replica.index(), List.of());
            outcomes.add(ReplicaOutcome.of(
                    replica.index(), replica.workerKey(), replica.state(), check(evidence, replica, stored)));
        }
        evidence.settled()
                .ifPresent(settlement -> problems.addAll(
                        PayoutRecount.problems(asAttested(job, byReplica), evidence.sla(), settlement)));
        return new AttestationReport(job.id(), outcomes, recount(job, evidence.sla()), problems);
    }

    /** @return the job with each revealed replica's result as its one readable stored attestation states it */
    private static Job asAttested(final Job job, final Map<Integer, List<Stored>> byReplica) {
        final List<Replica> replicas = new ArrayList<>(job.replicas());
        for (int i = 0; i < replicas.size(); i++) {
            final Replica replica = replicas.get(i);
            final List<Stored> stored = byReplica.getOrDefault(replica.index(), List.of());
            if (stored.size() == 1 && stored.get(0).reveal().isPresent()) {
                final Reveal reveal = stored.get(0).reveal().get();
                replicas.set(i, replica.revealed(reveal.attestation().result(reveal.inlineOutput())));
            }
        }
        return job.withReplicas(replicas);
    }

    /**
     * (a) Gives each stored text to the replica its attestation names; a text that does not read goes to the replica
     * at its position in the ledger's replica order, so that its problem is reported there.
     */
    private static Map<Integer, List<Stored>> attribute(
            final List<String> texts,
            final Job job,
            final Map<Integer, Replica> revealed,
            final List<Finding> problems) {
        final List<Integer> order = new ArrayList<>(revealed.keySet());
        final Map<Integer, List<Stored>> byReplica = new TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            final Stored stored = read(i, texts.get(i));
            final Optional<Integer> named =
                    stored.reveal().map(r -> r.attestation().replica());
            final Optional<Integer> owner = named.isPresent()
                    ? named.filter(revealed::containsKey)
                    : Optional.of(i).filter(p -> p < order.size()).map(order::get);
            if (owner.isPresent()) {
                byReplica.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(stored);
            } else {
                problems.add(Finding.failed("attestations[" + i + "]", orphan(stored, named, job)));
            }
        }
        return byReplica;
    }

    private static Problem orphan(final Stored stored, final Optional<Integer> named, final Job job) {
        if (named.isEmpty()) {
            return stored.unreadable().orElseThrow();
        }
        final int index = named.get();
        final String where = job.replicas().stream()
                .filter(r -> r.index() == index)
                .findFirst()
                .map(r -> "replica " + index + " is " + r.state())
                .orElse("the job has no replica " + index);
        return new Problem("attestation.replica", "states " + index + " but " + where + ", not RESULT_REVEALED");
    }

    /** (b) Reads a stored text strictly; a failure names the field PovmJson reports. */
    private static Stored read(final int position, final String text) {
        try {
            return new Stored(position, Optional.of(PovmJson.read(text, Reveal.class)), Optional.empty());
        } catch (PovmException e) {
            return new Stored(
                    position,
                    Optional.empty(),
                    Optional.of(new Problem(e.error().field(), e.error().reason())));
        }
    }

    private static Optional<Problem> check(final Evidence evidence, final Replica replica, final List<Stored> stored) {
        if (stored.isEmpty()) {
            return Optional.of(
                    new Problem("attestation", "the ledger stores no attestation for this RESULT_REVEALED replica"));
        }
        final Optional<Problem> unreadable =
                stored.stream().flatMap(s -> s.unreadable().stream()).findFirst();
        if (unreadable.isPresent()) {
            return unreadable;
        }
        if (stored.size() > 1) {
            return Optional.of(new Problem(
                    "attestation.replica",
                    stored.size() + " stored attestations are this replica's; the ledger stores one per replica"));
        }
        return RevealChecks.firstProblem(
                evidence.job(),
                replica,
                evidence.sla(),
                evidence.attestationKey(replica.workerKey()),
                stored.get(0).reveal().orElseThrow());
    }

    /** (f) Counts the revealed results again. */
    private static Finding recount(final Job job, final SlaSpec sla) {
        if (job.verdict().isEmpty()) {
            return new Finding("verdict", AttestationReport.SKIPPED, null, "no verdict yet (job " + job.state() + ")");
        }
        final Verdict verdict = job.verdict().get();
        return VerdictRecount.firstProblem(job, sla, verdict)
                .map(problem -> Finding.failed("verdict", problem))
                .orElseGet(() -> {
                    final Verdict count =
                            VerdictRecount.count(job, sla, verdict).verdict();
                    return new Finding(
                            "verdict",
                            AttestationReport.OK,
                            null,
                            verdict.stage() + " verdict recounted: "
                                    + count.winner().orElse("no winner") + " (" + count.reason() + ")");
                });
    }
}
