// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static io.povm.api.JobState.ASSIGNED;
import static io.povm.api.JobState.CANCELLED;
import static io.povm.api.JobState.CHALLENGED;
import static io.povm.api.JobState.EXPIRED;
import static io.povm.api.JobState.FAILED;
import static io.povm.api.JobState.FINALIZED;
import static io.povm.api.JobState.RESOLVED_FIRM;
import static io.povm.api.JobState.RESOLVED_SOFT;
import static io.povm.api.JobState.RESOLVING;
import static io.povm.api.JobState.RESULTS_PENDING;
import static io.povm.api.JobState.RUNNING;
import static io.povm.api.JobState.SUBMITTED;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job state machine: the ECM request lifecycle (paper 003) extended for replicas. Every allowed transition is one
 * entry {@code (state, event) -> next state} of one table; every other pair is refused with {@code INVALID_STATE}
 * naming the state, the event and the events the state allows. Pure: no Fabric, no clock (callers pass the
 * transaction timestamp). {@code docs/job-lifecycle.md} shows the same table; a test keeps the two equal.
 *
 * <pre>{@code
 * Job assigned = JobLifecycle.apply(job, JobEvent.ASSIGN, txTime).withReplicas(drawn);
 * Job moved = JobLifecycle.apply(assigned, JobEvent.REASSIGN, txTime).withReplicas(replaced); // state kept
 * }</pre>
 *
 * <p>Replica-level events ({@link JobEvent#REPLICA_UPDATE}, {@link JobEvent#REASSIGN}) keep the state; {@link
 * #apply} then returns the job unchanged, and the caller changes its replicas. A job whose deadline passes can
 * expire only while it has no result yet (up to {@link JobState#RESULTS_PENDING}): once a result stands, the
 * challenge process decides, not the clock.
 */
public final class JobLifecycle {
    private static final Map<JobState, Map<JobEvent, JobState>> TRANSITIONS = table();

    private JobLifecycle() {}

    private static Map<JobState, Map<JobEvent, JobState>> table() {
        final Map<JobState, Map<JobEvent, JobState>> table = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            table.put(state, new EnumMap<>(JobEvent.class));
        }
        allow(table, SUBMITTED, JobEvent.ASSIGN, ASSIGNED);
        allow(table, SUBMITTED, JobEvent.CANCEL, CANCELLED);
        allow(table, ASSIGNED, JobEvent.START, RUNNING);
        allow(table, ASSIGNED, JobEvent.REASSIGN, ASSIGNED);
        allow(table, RUNNING, JobEvent.REPLICA_UPDATE, RUNNING);
        allow(table, RUNNING, JobEvent.REASSIGN, RUNNING);
        allow(table, RUNNING, JobEvent.ALL_RESULTS_IN, RESULTS_PENDING);
        allow(table, RESULTS_PENDING, JobEvent.REPLICA_UPDATE, RESULTS_PENDING);
        allow(table, RESULTS_PENDING, JobEvent.REOPEN, RUNNING);
        allow(table, RESULTS_PENDING, JobEvent.SOFT_RESOLVE, RESOLVED_SOFT);
        allow(table, RESOLVED_SOFT, JobEvent.CHALLENGE, CHALLENGED);
        allow(table, RESOLVED_SOFT, JobEvent.FINALIZE, FINALIZED);
        allow(table, CHALLENGED, JobEvent.START_RESOLUTION, RESOLVING);
        allow(table, RESOLVING, JobEvent.REPLICA_UPDATE, RESOLVING);
        allow(table, RESOLVING, JobEvent.REASSIGN, RESOLVING);
        allow(table, RESOLVING, JobEvent.FIRM_RESOLVE, RESOLVED_FIRM);
        allow(table, RESOLVED_FIRM, JobEvent.FINALIZE, FINALIZED);
        for (JobState state : Set.of(SUBMITTED, ASSIGNED, RUNNING, RESULTS_PENDING)) {
            allow(table, state, JobEvent.EXPIRE, EXPIRED);
        }
        for (JobState state : Set.of(SUBMITTED, ASSIGNED, RUNNING, RESULTS_PENDING, CHALLENGED, RESOLVING)) {
            allow(table, state, JobEvent.FAIL, FAILED);
        }
        final Map<JobState, Map<JobEvent, JobState>> frozen = new EnumMap<>(JobState.class);
        table.forEach((state, events) -> frozen.put(state, Collections.unmodifiableMap(events)));
        return Collections.unmodifiableMap(frozen);
    }

    private static void allow(
            final Map<JobState, Map<JobEvent, JobState>> table,
            final JobState from,
            final JobEvent event,
            final JobState to) {
        table.get(from).put(event, to);
    }

    /** @return every allowed transition: state, then event, to the next state; unmodifiable, in enum order */
    public static Map<JobState, Map<JobEvent, JobState>> transitions() {
        return TRANSITIONS;
    }

    /** @return the events a state allows, in {@link JobEvent} order; empty for a final state */
    public static Set<JobEvent> allowedEvents(final JobState state) {
        return Collections.unmodifiableSet(
                TRANSITIONS.get(Objects.requireNonNull(state, "state")).keySet());
    }

    /** @return whether no event leaves this state: FINALIZED, CANCELLED, EXPIRED, FAILED */
    public static boolean isFinal(final JobState state) {
        return allowedEvents(state).isEmpty();
    }

    /** @return the state an event leads to, or empty when the state does not allow it */
    public static Optional<JobState> target(final JobState state, final JobEvent event) {
        return Optional.ofNullable(
                TRANSITIONS.get(Objects.requireNonNull(state, "state")).get(event));
    }

    /**
     * @return the state the event leads to
     * @throws PovmException INVALID_STATE [state] naming the state, the event and the allowed events
     */
    public static JobState next(final JobState state, final JobEvent event) {
        return target(state, Objects.requireNonNull(event, "event"))
                .orElseThrow(() -> refusal("the job", state, event));
    }

    /**
     * Applies an event to a job, without a reason.
     *
     * @see #apply(Job, JobEvent, String, Optional)
     */
    public static Job apply(final Job job, final JobEvent event, final String at) {
        return apply(job, event, at, Optional.empty());
    }

    /**
     * Applies an event to a job. A state change records {@code at} as {@link Job#stateChangedAt()} and the reason,
     * if any, as {@link Job#stateReason()}; an event that keeps the state returns the job unchanged.
     *
     * @param at the transaction timestamp, ISO-8601 UTC with milliseconds
     * @param reason why, e.g. the submitter's reason for cancelling; empty when none
     * @throws PovmException INVALID_STATE [state] when the job's state does not allow the event, e.g. {@code job
     *     'flip-1' is ASSIGNED: event CANCEL is not allowed; allowed events: START, REASSIGN, EXPIRE, FAIL}
     */
    public static Job apply(final Job job, final JobEvent event, final String at, final Optional<String> reason) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        final JobState next =
                target(job.state(), event).orElseThrow(() -> refusal("job '" + job.id() + "'", job.state(), event));
        if (next == job.state()) {
            return job;
        }
        return job.withState(next, at, reason);
    }

    private static PovmException refusal(final String subject, final JobState state, final JobEvent event) {
        final Set<JobEvent> allowed = allowedEvents(state);
        final String options = allowed.isEmpty()
                ? "none, " + state + " is final"
                : allowed.stream().map(JobEvent::name).collect(Collectors.joining(", "));
        return new PovmException(new PovmError(
                ErrorCode.INVALID_STATE,
                "state",
                subject + " is " + state + ": event " + event + " is not allowed; allowed events: " + options));
    }
}
