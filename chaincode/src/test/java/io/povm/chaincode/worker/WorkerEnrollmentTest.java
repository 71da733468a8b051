// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import static io.povm.chaincode.worker.Identities.ORG1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.api.Workers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Register's decision: create, replay the identical registration, or refuse; one identity is one worker. */
class WorkerEnrollmentTest {
    private static final Worker.Change NOW = new Worker.Change("2027-01-02T03:04:05.678Z", "x509::admin", "tx-1");
    private static final String USER2_ID = Identities.idOf(Workers.ORG1_USER2_CERT);

    private static WorkerEnrollment enrollment(final String name, final WorkerRegistration registration) {
        return new WorkerEnrollment(WorkerKey.of(ORG1, name), registration, USER2_ID, NOW);
    }

    private static PovmError errorOf(final Runnable call) {
        final PovmException e = catchThrowableOfType(PovmException.class, call::run);
        assertThat(e).as("the registration is refused").isNotNull();
        return e.error();
    }

    @Test
    void creates_an_active_worker_under_the_admins_msp() {
        final WorkerLifecycle.Outcome outcome = enrollment("w1", Workers.registration("w1", Workers.ORG1_USER2_CERT))
                .decide(Optional.empty(), Optional.empty());

        assertThat(outcome.changed()).isTrue();
        final Worker worker = outcome.worker();
        assertThat(worker.key()).isEqualTo("Org1MSP/w1");
        assertThat(worker.state()).isEqualTo(WorkerState.ACTIVE);
        assertThat(worker.fabricId()).isEqualTo(USER2_ID);
        assertThat(worker.registration()).isEqualTo(NOW);
        assertThat(worker.lastUpdate()).isEqualTo(NOW);
    }

    @Test
    void replays_the_identical_registration_without_a_write() {
        final Worker stored = Identities.org1Worker();

        final WorkerLifecycle.Outcome outcome = enrollment("w1", Workers.registration("w1", Workers.ORG1_USER2_CERT))
                .decide(Optional.of(stored), Optional.of(stored));

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.worker()).isSameAs(stored);
    }

    @Test
    void points_a_different_offer_to_update_offer() {
        final Worker stored = Identities.org1Worker();
        final WorkerRegistration other =
                new WorkerRegistration("w1", Workers.ORG1_USER2_CERT, Workers.offer(List.of("gold@1"), 2));

        final PovmError error = errorOf(() -> enrollment("w1", other).decide(Optional.of(stored), Optional.of(stored)));

        assertThat(error.toMessage())
                .isEqualTo("DUPLICATE_ID [offer] worker Org1MSP/w1 is already registered with a different offer;"
                        + " change it with worker:UpdateOffer");
    }

    @Test
    void refuses_the_same_identity_under_a_second_name() {
        final PovmError error = errorOf(() -> enrollment("w9", Workers.registration("w9", Workers.ORG1_USER2_CERT))
                .decide(Optional.empty(), Optional.of(Identities.org1Worker())));

        assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
        assertThat(error.field()).isEqualTo("certificatePem");
        assertThat(error.reason()).startsWith("this identity is already registered as worker Org1MSP/w1");
    }

    @Test
    void refuses_a_name_that_another_identity_holds() {
        final Worker holder = Worker.registered(
                WorkerKey.of(ORG1, "w1"),
                Identities.idOf(Workers.ORG1_USER1_CERT),
                Workers.ORG1_USER1_CERT,
                Workers.offer(),
                Identities.REGISTERED);

        final PovmError error = errorOf(() -> enrollment("w1", Workers.registration("w1", Workers.ORG1_USER2_CERT))
                .decide(Optional.of(holder), Optional.empty()));

        assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_ID);
        assertThat(error.field()).isEqualTo("name");
        assertThat(error.reason()).endsWith("choose another name");
    }

    @Test
    void never_registers_a_revoked_identity_again() {
        final Worker revoked = Identities.org1Worker().withState(WorkerState.REVOKED, Identities.REGISTERED);

        final PovmError error = errorOf(() -> enrollment("w1", Workers.registration("w1", Workers.ORG1_USER2_CERT))
                .decide(Optional.of(revoked), Optional.of(revoked)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(error.reason()).contains("REVOKED, a terminal state");
    }
}
