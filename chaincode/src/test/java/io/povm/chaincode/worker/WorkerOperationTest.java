// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static io.povm.chaincode.worker.Identities.ORG1;
import static io.povm.chaincode.worker.Identities.ORG2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerState;
import io.povm.api.Workers;
import io.povm.chaincode.worker.Actor.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worker rules as a table: who may run each operation on Org1's worker {@code Org1MSP/w1} (the access-control
 * matrix of docs/access-control-workers.md), and what each operation does from each state.
 */
class WorkerOperationTest {
    private static final Worker.Change CHANGE = new Worker.Change("2027-01-02T03:04:05.678Z", "x509::someone", "tx-1");

    /** The identities of the matrix, as callers on Org1MSP/w1. */
    enum Who {
        OWN_ORG_ADMIN(ORG1, Workers.ORG1_ADMIN_CERT, Relation.OWN_ADMIN),
        OTHER_ORG_ADMIN(ORG2, Workers.ORG2_ADMIN_CERT, Relation.OTHER_ADMIN),
        THE_WORKER_ITSELF(ORG1, Workers.ORG1_USER2_CERT, Relation.SELF),
        ANOTHER_WORKER(ORG2, Workers.ORG2_USER2_CERT, Relation.OTHER),
        A_CLIENT(ORG1, Workers.ORG1_USER1_CERT, Relation.OTHER);

        final String msp;
        final String pem;
        final Relation relation;

        Who(final String msp, final String pem, final Relation relation) {
            this.msp = msp;
            this.pem = pem;
            this.relation = relation;
        }

        Actor actor() {
            return Identities.actor(msp, pem);
        }
    }

    private static boolean allowed(final WorkerOperation operation, final Who who) {
        switch (operation) {
            case UPDATE_OFFER:
            case REVOKE:
                return who == Who.OWN_ORG_ADMIN;
            case HEARTBEAT:
                return who == Who.THE_WORKER_ITSELF;
            default:
                return who == Who.OWN_ORG_ADMIN || who == Who.THE_WORKER_ITSELF;
        }
    }

    static Stream<Arguments> matrix() {
        final List<Arguments> cells = new ArrayList<>();
        for (WorkerOperation operation : WorkerOperation.values()) {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(operation, who, allowed(operation, who)));
            }
        }
        return cells.stream();
    }

    private static PovmError errorOf(final Runnable call) {
        final PovmException e = catchThrowableOfType(PovmException.class, call::run);
        assertThat(e).as("the call is refused").isNotNull();
        return e.error();
    }

    @ParameterizedTest(name = "{0} by {1}: allowed={2}")
    @MethodSource("matrix")
    void follows_the_access_control_matrix(final WorkerOperation operation, final Who who, final boolean allowed) {
        final Worker worker = Identities.org1Worker();
        assertThat(who.actor().relationTo(worker)).isEqualTo(who.relation);

        if (allowed) {
            operation.authorize(who.actor(), worker);
        } else {
            final PovmError error = errorOf(() -> operation.authorize(who.actor(), worker));
            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.field()).isEqualTo("caller");
            assertThat(error.reason()).startsWith(operation.transaction() + " requires ");
        }
    }

    @Nested
    class Rules {

        @Test
        void revoke_by_another_orgs_admin_names_the_rule() {
            final PovmError error = errorOf(
                    () -> WorkerOperation.REVOKE.authorize(Who.OTHER_ORG_ADMIN.actor(), Identities.org1Worker()));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] Revoke requires an admin of the worker's own org (Org1MSP): an org"
                            + " admin can revoke its own workers, never another org's; caller is an admin of Org2MSP");
        }

        @Test
        void pause_by_another_worker_names_the_rule() {
            final PovmError error =
                    errorOf(() -> WorkerOperation.PAUSE.authorize(Who.ANOTHER_WORKER.actor(), Identities.org1Worker()));

            assertThat(error.reason())
                    .isEqualTo("Pause requires the worker itself or an admin of its own org (Org1MSP); caller is an"
                            + " identity of Org2MSP that is neither this worker nor an admin");
        }

        @Test
        void the_workers_id_under_another_msp_is_not_the_worker() {
            final Actor impostor = new Actor(ORG2, Identities.org1Worker().fabricId(), false);

            assertThat(impostor.relationTo(Identities.org1Worker())).isEqualTo(Relation.OTHER);
        }

        @Test
        void update_offer_by_the_worker_itself_is_forbidden() {
            assertThat(errorOf(() -> WorkerOperation.UPDATE_OFFER.authorize(
                                    Who.THE_WORKER_ITSELF.actor(), Identities.org1Worker()))
                            .reason())
                    .endsWith("caller is the worker itself");
        }
    }

    /** Every state-changing operation from every state: changed to its target, unchanged, or INVALID_STATE. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of(WorkerOperation.PAUSE, WorkerState.ACTIVE, "PAUSED"),
                Arguments.of(WorkerOperation.PAUSE, WorkerState.PAUSED, "unchanged"),
                Arguments.of(WorkerOperation.PAUSE, WorkerState.DEREGISTERED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.PAUSE, WorkerState.REVOKED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.RESUME, WorkerState.ACTIVE, "unchanged"),
                Arguments.of(WorkerOperation.RESUME, WorkerState.PAUSED, "ACTIVE"),
                Arguments.of(WorkerOperation.RESUME, WorkerState.DEREGISTERED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.RESUME, WorkerState.REVOKED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.DEREGISTER, WorkerState.ACTIVE, "DEREGISTERED"),
                Arguments.of(WorkerOperation.DEREGISTER, WorkerState.PAUSED, "DEREGISTERED"),
                Arguments.of(WorkerOperation.DEREGISTER, WorkerState.DEREGISTERED, "unchanged"),
                Arguments.of(WorkerOperation.DEREGISTER, WorkerState.REVOKED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.REVOKE, WorkerState.ACTIVE, "REVOKED"),
                Arguments.of(WorkerOperation.REVOKE, WorkerState.PAUSED, "REVOKED"),
                Arguments.of(WorkerOperation.REVOKE, WorkerState.DEREGISTERED, "INVALID_STATE"),
                Arguments.of(WorkerOperation.REVOKE, WorkerState.REVOKED, "unchanged"));
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource("transitions")
    void changes_state_by_the_table(final WorkerOperation operation, final WorkerState from, final String expected) {
        final Worker worker = Identities.org1Worker().withState(from, Identities.REGISTERED);
        final Actor admin = Who.OWN_ORG_ADMIN.actor();

        if ("INVALID_STATE".equals(expected)) {
            final PovmError error = errorOf(() -> WorkerLifecycle.changeState(operation, worker, admin, CHANGE));
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("state");
            assertThat(error.reason())
                    .startsWith("worker Org1MSP/w1 is " + from + "; " + operation.transaction() + " is allowed only"
                            + " from ")
                    .contains("is terminal");
            return;
        }
        final WorkerLifecycle.Outcome outcome = WorkerLifecycle.changeState(operation, worker, admin, CHANGE);
        if ("unchanged".equals(expected)) {
            assertThat(outcome.changed()).isFalse();
            assertThat(outcome.worker()).isSameAs(worker);
        } else {
            assertThat(outcome.changed()).isTrue();
            assertThat(outcome.worker().state()).isEqualTo(WorkerState.valueOf(expected));
            assertThat(outcome.worker().lastUpdate()).isEqualTo(CHANGE);
            assertThat(outcome.worker().registration()).isEqualTo(Identities.REGISTERED);
        }
    }

    @Nested
    class OfferAndHeartbeat {

        @Test
        void an_offer_update_of_a_terminal_worker_is_invalid_state() {
            final Worker revoked = Identities.org1Worker().withState(WorkerState.REVOKED, Identities.REGISTERED);

            final PovmError error = errorOf(
                    () -> WorkerLifecycle.updateOffer(revoked, Who.OWN_ORG_ADMIN.actor(), Workers.offer(), CHANGE));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [state] worker Org1MSP/w1 is REVOKED; UpdateOffer is allowed only from"
                            + " ACTIVE or PAUSED (REVOKED is terminal: nothing changes it any more; register a new"
                            + " identity instead)");
        }

        @Test
        void the_identical_offer_changes_nothing() {
            final Worker worker = Identities.org1Worker();

            assertThat(WorkerLifecycle.updateOffer(worker, Who.OWN_ORG_ADMIN.actor(), Workers.offer(), CHANGE)
                            .changed())
                    .isFalse();
        }

        @Test
        void a_new_offer_of_a_paused_worker_recomputes_its_stake() {
            final Worker paused = Identities.org1Worker().withState(WorkerState.PAUSED, Identities.REGISTERED);
            final WorkerOffer bigger =
                    new WorkerOffer(List.of("standard@1"), 4, Workers.TOTAL, new Resources(0, 0, 0), Workers.P256_KEY);

            final WorkerLifecycle.Outcome outcome =
                    WorkerLifecycle.updateOffer(paused, Who.OWN_ORG_ADMIN.actor(), bigger, CHANGE);

            assertThat(outcome.worker().stake().total()).isEqualTo(256L * 4000 + 32L * 8192 + 40960);
            assertThat(outcome.worker().state()).isEqualTo(WorkerState.PAUSED);
        }

        @Test
        void a_heartbeat_of_a_paused_worker_records_time_and_free_slots() {
            final Worker paused = Identities.org1Worker().withState(WorkerState.PAUSED, Identities.REGISTERED);

            final WorkerLifecycle.Outcome outcome = WorkerLifecycle.heartbeat(
                    paused, Who.THE_WORKER_ITSELF.actor(), OptionalInt.of(2), "2027-01-02T03:04:05.678Z");

            assertThat(outcome.changed()).isTrue();
            assertThat(outcome.worker().lastHeartbeatAt()).contains("2027-01-02T03:04:05.678Z");
            assertThat(outcome.worker().freeSlots()).hasValue(2);
        }

        @Test
        void a_heartbeat_with_more_free_slots_than_offered_is_invalid() {
            final PovmError error = errorOf(() -> WorkerLifecycle.heartbeat(
                    Identities.org1Worker(), Who.THE_WORKER_ITSELF.actor(), OptionalInt.of(3), "t"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [freeSlots] is 3; must be from 0 to the offer's 2 slots");
        }

        @Test
        void a_heartbeat_of_a_deregistered_worker_is_invalid_state() {
            final Worker gone = Identities.org1Worker().withState(WorkerState.DEREGISTERED, Identities.REGISTERED);

            assertThat(errorOf(() -> WorkerLifecycle.heartbeat(
                                    gone, Who.THE_WORKER_ITSELF.actor(), OptionalInt.empty(), "t"))
                            .code())
                    .isEqualTo(ErrorCode.INVALID_STATE);
        }
    }
}
