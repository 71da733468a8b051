// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.ErrorCode;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.worker.WorkerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker registry on the real network: org admins register their own org's worker identities (each org's
 * {@code User2}) and only those; a worker manages itself; nobody touches another org's worker.
 *
 * <p>A worker identity is one registration for good, so on a network that outlives a run the workers registered by
 * an earlier run are found with Whoami and re-offered instead of registered under a new name.
 */
class WorkerRegistryIT {
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(20);

    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static WorkerClient org1Admin;
    private static WorkerClient org2Admin;
    private static WorkerClient org1Worker;
    private static WorkerClient org2Worker;
    private static List<WorkerClient> everyPeer;
    private static WorkerOffer offer;
    private static WorkerKey w1;
    private static WorkerKey w2;

    @BeforeAll
    static void register_each_orgs_second_user_as_its_worker() throws Exception {
        org1Admin = connect("org1-admin");
        org2Admin = connect("org2-admin");
        org1Worker = connect("org1-user2");
        org2Worker = connect("org2-user2");
        everyPeer = List.of(org1Admin, org2Admin, connect("org3"));
        offer = new WorkerOffer(
                List.of("standard@1"),
                2,
                new Resources(4000, 8192, 40960),
                new Resources(1000, 2048, 10240),
                attestationKeyPem());
        w1 = registered(org1Admin, org1Worker, "org1-user2", "it-w1").workerKey();
        w2 = registered(org2Admin, org2Worker, "org2-user2", "it-w2").workerKey();
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @BeforeEach
    void both_workers_are_active() {
        for (WorkerClient admin : List.of(org1Admin, org2Admin)) {
            final WorkerKey key = admin == org1Admin ? w1 : w2;
            if (admin.get(key).state() != WorkerState.ACTIVE) {
                settled(admin.resume(key));
            }
        }
    }

    @Test
    void org1s_admin_registers_org1s_worker_under_org1msp_with_its_stake() {
        final Worker worker = org1Admin.get(w1);

        assertThat(worker.msp()).isEqualTo("Org1MSP");
        assertThat(worker.offer()).isEqualTo(offer);
        assertThat(worker.stake().total()).isEqualTo(256L * 3000 + 32L * 6144 + 30720);
        assertThat(worker.fabricId()).startsWith("x509::CN=User2@org1.povm.test");
    }

    @Test
    void registering_the_same_certificate_and_offer_again_returns_the_stored_worker() {
        final Worker stored = org1Admin.get(w1);

        final Worker again = org1Admin.register(new WorkerRegistration(w1.name(), certificatePem("org1-user2"), offer));

        assertThat(again).isEqualTo(stored);
    }

    @Test
    void a_different_offer_for_the_same_certificate_is_a_duplicate_naming_update_offer() {
        final WorkerOffer bigger =
                new WorkerOffer(offer.slas(), 3, offer.total(), offer.reserved(), offer.attestationKeyPem());

        assertRejected(
                () -> org1Admin.register(new WorkerRegistration(w1.name(), certificatePem("org1-user2"), bigger)),
                ErrorCode.DUPLICATE_ID,
                "offer",
                "worker:UpdateOffer");
    }

    @Test
    void org1s_admin_cannot_register_a_certificate_of_org2() {
        assertRejected(
                () -> org1Admin.register(
                        new WorkerRegistration(ItNetwork.uniqueId("stolen"), certificatePem("org2-user2"), offer)),
                ErrorCode.FORBIDDEN,
                "certificatePem",
                "registers only identities of its own org");
    }

    @Test
    void org1s_admin_cannot_revoke_or_pause_org2s_worker() {
        assertRejected(() -> org1Admin.revoke(w2), ErrorCode.FORBIDDEN, "caller", "never another org's");
        assertRejected(() -> org1Admin.pause(w2), ErrorCode.FORBIDDEN, "caller", "caller is an admin of Org1MSP");
        assertThat(org2Admin.get(w2).state()).isEqualTo(WorkerState.ACTIVE);
    }

    @Test
    void org2s_worker_cannot_pause_org1s_worker() {
        assertRejected(() -> org2Worker.pause(w1), ErrorCode.FORBIDDEN, "caller", "Pause requires the worker itself");
        assertThat(org1Admin.get(w1).state()).isEqualTo(WorkerState.ACTIVE);
    }

    @Test
    void the_worker_sends_heartbeats_and_pauses_and_resumes_itself() {
        final Worker beat = settled(org1Worker.heartbeat(w1, OptionalInt.of(1)));
        assertThat(beat.freeSlots()).hasValue(1);
        assertThat(beat.lastHeartbeatAt()).isPresent();

        final Worker paused = settled(org1Worker.pause(w1));
        assertThat(paused.state()).isEqualTo(WorkerState.PAUSED);
        assertThat(paused.lastUpdate().by()).isEqualTo(beat.fabricId());

        assertThat(settled(org1Worker.resume(w1)).state()).isEqualTo(WorkerState.ACTIVE);
    }

    @Test
    void only_the_worker_itself_sends_its_heartbeat() {
        assertRejected(
                () -> org1Admin.heartbeat(w1, OptionalInt.empty()),
                ErrorCode.FORBIDDEN,
                "caller",
                "Heartbeat requires the worker's own identity");
    }

    @Test
    void whoami_finds_the_workers_own_registration_and_nothing_for_an_admin() {
        assertThat(org1Worker.whoami().workerKey()).isEqualTo(w1);
        assertThat(org2Worker.whoami().workerKey()).isEqualTo(w2);
        assertThat(org1Admin.findSelf()).isEmpty();
    }

    @Test
    void lists_by_org_and_by_state() {
        assertThat(all(Optional.of("Org1MSP"), Optional.empty())).contains(w1).doesNotContain(w2);
        assertThat(all(Optional.empty(), Optional.of(WorkerState.ACTIVE))).contains(w1, w2);

        settled(org2Worker.pause(w2));

        assertThat(all(Optional.empty(), Optional.of(WorkerState.PAUSED)))
                .contains(w2)
                .doesNotContain(w1);
        assertThat(all(Optional.of("Org2MSP"), Optional.of(WorkerState.ACTIVE))).doesNotContain(w2);
    }

    // ---- helpers

    private static WorkerClient connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return new WorkerClient(gateway.chaincode());
    }

    /**
     * Registers the profile's identity as a worker under a unique name; on a network an earlier run left behind,
     * finds that run's registration instead and gives it this run's offer.
     */
    private static Worker registered(
            final WorkerClient admin, final WorkerClient self, final String profile, final String prefix) {
        final Optional<Worker> earlier = self.findSelf();
        if (earlier.isEmpty()) {
            return settled(
                    admin.register(new WorkerRegistration(ItNetwork.uniqueId(prefix), certificatePem(profile), offer)));
        }
        final WorkerKey key = earlier.get().workerKey();
        if (earlier.get().state().isTerminal()) {
            return fail(key + " of an earlier run is " + earlier.get().state() + "; start a fresh network");
        }
        return settled(admin.updateOffer(key, offer));
    }

    /** Waits until every org's peer returns this worker, so the next call sees the same state on any endorser. */
    private static Worker settled(final Worker expected) {
        for (WorkerClient reader : everyPeer) {
            await(reader, expected.workerKey(), expected::equals);
        }
        return expected;
    }

    private static Worker await(final WorkerClient reader, final WorkerKey key, final Predicate<Worker> done) {
        final Instant deadline = Instant.now().plus(PROPAGATION_TIMEOUT);
        while (true) {
            final Optional<Worker> worker = reader.find(key);
            if (worker.isPresent() && done.test(worker.get())) {
                return worker.get();
            }
            if (Instant.now().isAfter(deadline)) {
                return fail("worker " + key + " did not reach every peer within " + PROPAGATION_TIMEOUT);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting for worker " + key);
            }
        }
    }

    private static List<WorkerKey> all(final Optional<String> org, final Optional<WorkerState> state) {
        final List<WorkerKey> keys = new ArrayList<>();
        String bookmark = "";
        do {
            final WorkerPage page = org1Admin.list(org, state, WorkerClient.MAX_PAGE_SIZE, bookmark);
            page.workers().forEach(worker -> keys.add(worker.workerKey()));
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return keys;
    }

    private static void assertRejected(
            final ThrowingCallable call, final ErrorCode code, final String field, final String reasonPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
            assertThat(e.errorCode()).contains(code);
            assertThat(e.error().orElseThrow().field()).isEqualTo(field);
            assertThat(e.error().orElseThrow().reason()).contains(reasonPart);
        });
    }

    static String certificatePem(final String profile) {
        try {
            return Files.readString(
                    ItNetwork.profiles().load(profile, Map.of()).certificatePath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("cannot read the certificate of profile " + profile + ": " + e);
        }
    }

    /** @return a fresh EC P-256 public key in PEM, as an org would give for its attestations */
    static String attestationKeyPem() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final byte[] der = generator.generateKeyPair().getPublic().getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }
}
