// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.CustomerRecord;
import io.povm.api.JobState;
import io.povm.api.Sla;
import io.povm.api.SlaState;
import io.povm.api.Worker;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why nothing has taken a SUBMITTED job yet, from what the ledger says: the constraints the chaincode's assignment
 * checks, in its order (an ACTIVE SLA, an ACTIVE worker offering it, the reputation floor, a free slot, workers of
 * distinct orgs), then whether any eligible worker's daemon seems to run (recent heartbeats; the daemons are what
 * call the assignment). Pure: {@link AssignmentProbe} gathers the facts.
 *
 * @param blocked whether a constraint keeps the job from being assigned now
 * @param reasons the failed constraint first, then notes; when nothing is blocked, what happens next
 */
@JsonPropertyOrder({"blocked", "reasons"})
record AssignmentDiagnosis(@JsonProperty("blocked") boolean blocked, @JsonProperty("reasons") List<String> reasons) {
    /** A worker whose last heartbeat is older than this is taken for one whose daemon does not run. */
    static final Duration STALE_HEARTBEAT = Duration.ofMinutes(2);

    /**
     * What the diagnosis reads.
     *
     * @param slaRef the job's SLA, {@code name@version}
     * @param replicas how many replicas the job needs first
     * @param sla the SLA as the ledger holds it, or empty when it has none
     * @param workers every registered worker, any state
     * @param records the track records of the ACTIVE workers offering the SLA, by worker key (missing: no history)
     * @param customer the submitter's standing, when read
     * @param now the time heartbeats are compared with
     */
    record Facts(
            String slaRef,
            int replicas,
            Optional<Sla> sla,
            List<Worker> workers,
            Map<String, WorkerRecord> records,
            Optional<CustomerRecord> customer,
            Instant now) {}

    /** @return the diagnosis of a job in {@code state}: nothing to say unless it is SUBMITTED */
    static Optional<AssignmentDiagnosis> of(final JobState state, final Facts facts) {
        return state == JobState.SUBMITTED ? Optional.of(of(facts)) : Optional.empty();
    }

    static AssignmentDiagnosis of(final Facts facts) {
        final List<String> notes = new ArrayList<>();
        facts.customer()
                .map(Score::of)
                .filter(score -> !score.meetsFloor())
                .ifPresent(score -> notes.add("the submitter's standing " + score.againstFloor()
                        + ": its new jobs are refused until it improves"));
        final Optional<String> blocker = blocker(facts, notes);
        final List<String> reasons = new ArrayList<>();
        blocker.ifPresent(reasons::add);
        reasons.addAll(notes);
        return new AssignmentDiagnosis(blocker.isPresent(), List.copyOf(reasons));
    }

    private static Optional<String> blocker(final Facts facts, final List<String> notes) {
        final String sla = facts.slaRef();
        if (facts.sla().isEmpty()) {
            return Optional.of("no SLA " + sla + " on the ledger; see: povm sla list");
        }
        if (facts.sla().get().state() != SlaState.ACTIVE) {
            return Optional.of("SLA " + sla + " is " + facts.sla().get().state() + ", not ACTIVE: workers take jobs"
                    + " only under an ACTIVE SLA; see: povm sla show " + sla);
        }
        final List<Worker> offering = facts.workers().stream()
                .filter(worker -> worker.offer().slas().contains(sla))
                .toList();
        if (offering.isEmpty()) {
            return Optional.of("no registered worker offers SLA " + sla + " ("
                    + facts.workers().size()
                    + " worker(s) registered); an org admin registers one with: povm worker register");
        }
        final List<Worker> active = offering.stream()
                .filter(worker -> worker.state() == WorkerState.ACTIVE)
                .toList();
        if (active.isEmpty()) {
            return Optional.of(offering.size() + " worker(s) offer SLA " + sla + " but none is ACTIVE ("
                    + describe(offering, worker -> worker.state().name()) + ")");
        }
        final List<Worker> reputable = active.stream()
                .filter(worker -> score(facts, worker).meetsFloor())
                .toList();
        if (reputable.isEmpty()) {
            return Optional.of("every ACTIVE worker offering SLA " + sla + " is below the reputation floor ("
                    + describe(active, worker -> "score " + score(facts, worker).text()) + ")");
        }
        final List<Worker> free = reputable.stream()
                .filter(worker -> worker.freeSlots().orElse(1) > 0)
                .toList();
        if (free.isEmpty()) {
            return Optional.of("every eligible worker for SLA " + sla + " is busy: no free slot by its last"
                    + " heartbeat ("
                    + describe(reputable, worker -> "0 of " + worker.offer().slots() + " free")
                    + "); the job waits for one");
        }
        final long orgsServing = orgs(reputable);
        final long orgsFree = orgs(free);
        if (orgsFree < facts.replicas() && orgsServing > orgsFree) {
            return Optional.of("the job needs " + facts.replicas() + " workers of distinct orgs; " + orgsServing
                    + " org(s) serve SLA " + sla + " but only " + orgsFree + " have a worker with a free slot now;"
                    + " the job waits for one");
        }
        if (orgsServing < facts.replicas()) {
            notes.add("only " + orgsServing + " of " + facts.replicas() + " replicas can be assigned: replicas need"
                    + " workers of distinct orgs and " + orgsServing + " org(s) have an eligible worker");
        }
        final List<Worker> alive = free.stream()
                .filter(worker -> heartbeatAge(worker, facts.now())
                        .filter(age -> age.compareTo(STALE_HEARTBEAT) <= 0)
                        .isPresent())
                .toList();
        if (alive.isEmpty()) {
            return Optional.of(free.size() + " worker(s) could take the job but none sent a heartbeat in the last "
                    + STALE_HEARTBEAT.toMinutes() + " minutes: is a worker daemon running? start one with: povm"
                    + " worker start");
        }
        notes.add("every constraint holds: " + free.size() + " eligible worker(s) in " + orgsFree
                + " org(s); a worker daemon assigns the job on its next poll");
        return Optional.empty();
    }

    private static Score score(final Facts facts, final Worker worker) {
        return Score.of(facts.records().getOrDefault(worker.key(), WorkerRecord.empty(worker.key())));
    }

    private static long orgs(final List<Worker> workers) {
        return workers.stream().map(Worker::msp).distinct().count();
    }

    private static Optional<Duration> heartbeatAge(final Worker worker, final Instant now) {
        try {
            return worker.lastHeartbeatAt().map(at -> Duration.between(Instant.parse(at), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(final List<Worker> workers, final java.util.function.Function<Worker, String> what) {
        return workers.stream()
                .map(worker -> worker.key() + " " + what.apply(worker))
                .collect(Collectors.joining(", "));
    }
}
