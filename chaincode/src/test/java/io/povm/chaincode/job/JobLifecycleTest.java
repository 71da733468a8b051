// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, event) pair of the full cartesian product against an explicit expected table: the allowed ones lead
 * where the table says, every other one is INVALID_STATE naming the state, the event and the allowed events.
 */
class JobLifecycleTest {
    /** The expected transitions, written out independently of the code: "FROM EVENT TO", one per line. */
    private static final String EXPECTED =
            """
            SUBMITTED ASSIGN ASSIGNED
            SUBMITTED CANCEL CANCELLED
            SUBMITTED EXPIRE EXPIRED
            SUBMITTED FAIL FAILED
            ASSIGNED START RUNNING
            ASSIGNED REASSIGN ASSIGNED
            ASSIGNED EXPIRE EXPIRED
            ASSIGNED FAIL FAILED
            RUNNING REPLICA_UPDATE RUNNING
            RUNNING REASSIGN RUNNING
            RUNNING ALL_RESULTS_IN RESULTS_PENDING
            RUNNING EXPIRE EXPIRED
            RUNNING FAIL FAILED
            RESULTS_PENDING REPLICA_UPDATE RESULTS_PENDING
            RESULTS_PENDING REOPEN RUNNING
            RESULTS_PENDING SOFT_RESOLVE RESOLVED_SOFT
            RESULTS_PENDING EXPIRE EXPIRED
            RESULTS_PENDING FAIL FAILED
            RESOLVED_SOFT CHALLENGE CHALLENGED
            RESOLVED_SOFT FINALIZE FINALIZED
            CHALLENGED START_RESOLUTION RESOLVING
            CHALLENGED FAIL FAILED
            RESOLVING REPLICA_UPDATE RESOLVING
            RESOLVING REASSIGN RESOLVING
            RESOLVING FIRM_RESOLVE RESOLVED_FIRM
            RESOLVING FAIL FAILED
            RESOLVED_FIRM FINALIZE FINALIZED
            """;

    private static final String SUBMITTED_AT = "2026-11-20T10:00:00.123Z";
    private static final String LATER = "2026-11-20T10:05:00.000Z";

    static Map<JobState, Map<JobEvent, JobState>> expected() {
        final Map<JobState, Map<JobEvent, JobState>> table = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            table.put(state, new EnumMap<>(JobEvent.class));
        }
        EXPECTED.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            final String[] cells = line.split(" ");
            table.get(JobState.valueOf(cells[0])).put(JobEvent.valueOf(cells[1]), JobState.valueOf(cells[2]));
        });
        return table;
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(JobState.values())
                .flatMap(state -> Stream.of(JobEvent.values()).map(event -> Arguments.of(state, event)));
    }

    private static Job jobIn(final JobState state) {
        final JobSpec spec = PovmJson.read(Specs.VALID_JSON, JobSpec.class);
        final Job submitted = Job.submitted(spec, new Submitter("Org1MSP", "x509::CN=User1"), SUBMITTED_AT, "tx-1");
        return submitted
                .withState(state, SUBMITTED_AT, Optional.empty())
                .withReplicas(List.of(new Replica(0, "Org2MSP/w1", "Org2MSP", ReplicaState.RUNNING)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void each_pair_is_allowed_exactly_when_the_expected_table_says_so(final JobState state, final JobEvent event) {
        final JobState to = expected().get(state).get(event);

        if (to != null) {
            assertThat(JobLifecycle.next(state, event)).isEqualTo(to);
            assertThat(JobLifecycle.target(state, event)).contains(to);
        } else {
            assertThat(JobLifecycle.target(state, event)).isEmpty();
            final PovmException refused =
                    catchThrowableOfType(PovmException.class, () -> JobLifecycle.next(state, event));
            assertThat(refused).as(state + " + " + event + " must be refused").isNotNull();
            assertThat(refused.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(refused.error().field()).isEqualTo("state");
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void applying_an_event_to_a_job_moves_it_or_refuses_naming_state_event_and_allowed_events(
            final JobState state, final JobEvent event) {
        final Job job = jobIn(state);
        final JobState to = expected().get(state).get(event);

        if (to == null) {
            final PovmException refused = catchThrowableOfType(
                    PovmException.class, () -> JobLifecycle.apply(job, event, LATER, Optional.of("why")));
            assertThat(refused.getMessage())
                    .isEqualTo("INVALID_STATE [state] job 'flip-1' is " + state + ": event " + event
                            + " is not allowed; allowed events: " + allowedText(state));
        } else if (to == state) {
            assertThat(JobLifecycle.apply(job, event, LATER, Optional.of("why")))
                    .isSameAs(job);
        } else {
            final Job moved = JobLifecycle.apply(job, event, LATER, Optional.of("why"));
            assertThat(moved.state()).isEqualTo(to);
            assertThat(moved.stateChangedAt()).isEqualTo(LATER);
            assertThat(moved.stateReason()).contains("why");
            assertThat(moved.replicas()).isEqualTo(job.replicas());
            assertThat(moved.spec()).isEqualTo(job.spec());
            assertThat(moved.submitTxId()).isEqualTo("tx-1");
            assertThat(moved.submittedAt()).isEqualTo(SUBMITTED_AT);
        }
    }

    private static String allowedText(final JobState state) {
        final Map<JobEvent, JobState> allowed = expected().get(state);
        if (allowed.isEmpty()) {
            return "none, " + state + " is final";
        }
        return String.join(", ", allowed.keySet().stream().map(Enum::name).toList());
    }

    @Test
    void the_code_table_is_the_expected_table() {
        assertThat(JobLifecycle.transitions()).isEqualTo(expected());
    }

    @Test
    void covers_every_state_and_every_event() {
        assertThat(JobLifecycle.transitions()).containsOnlyKeys(JobState.values());
        assertThat(JobLifecycle.transitions().values().stream().flatMap(m -> m.keySet().stream()))
                .containsAll(List.of(JobEvent.values()));
    }

    @Test
    void the_final_states_are_finalized_cancelled_expired_and_failed() {
        assertThat(Stream.of(JobState.values()).filter(JobLifecycle::isFinal))
                .containsExactly(JobState.FINALIZED, JobState.CANCELLED, JobState.EXPIRED, JobState.FAILED);
    }

    @Test
    void every_non_final_state_is_reachable_from_submitted_and_can_end() {
        for (JobState state : JobState.values()) {
            assertThat(reachable(JobState.SUBMITTED, state))
                    .as("%s reachable", state)
                    .isTrue();
            assertThat(Stream.of(JobState.values()).anyMatch(end -> JobLifecycle.isFinal(end) && reachable(state, end)))
                    .as("%s can end", state)
                    .isTrue();
        }
    }

    private static boolean reachable(final JobState from, final JobState to) {
        final java.util.Set<JobState> seen = java.util.EnumSet.of(from);
        final java.util.Deque<JobState> queue = new java.util.ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            for (JobState next : JobLifecycle.transitions().get(queue.poll()).values()) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen.contains(to);
    }

    @Test
    void the_table_cannot_be_changed_from_outside() {
        final Map<JobEvent, JobState> submitted = JobLifecycle.transitions().get(JobState.SUBMITTED);

        assertThat(catchThrowableOfType(
                        UnsupportedOperationException.class, () -> submitted.put(JobEvent.START, JobState.RUNNING)))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        UnsupportedOperationException.class,
                        () -> JobLifecycle.allowedEvents(JobState.SUBMITTED).clear()))
                .isNotNull();
    }
}
