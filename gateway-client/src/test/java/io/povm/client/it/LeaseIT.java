// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.LeaseTerms;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Resources;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leases on the real network, under an SLA whose start window is 2 s. Transaction timestamps are set by the
 * client's clock, so the test waits past the window for real, then has every org post a clock tick.
 */
class LeaseIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static final List<String> ORGS = List.of("org1", "org2", "org3");
    private static final Duration START_WINDOW = Duration.ofSeconds(2);
    private static String sla;
    private static JobClient customer;

    @BeforeAll
    static void an_active_sla_with_a_short_start_window_served_by_every_orgs_worker() throws Exception {
        customer = new JobClient(connect("org1").chaincode());
        final SlaSpec terms = new SlaSpec(
                "lease-" + Instant.now().toEpochMilli(),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(5)
                        .minBenchmarkOpsPerSec(0)
                        .pricePerVmSecond(1)
                        .build(),
                new JobLimits(65_536, 65_536),
                Optional.of(new LeaseTerms((int) START_WINDOW.toSeconds(), 1)));
        sla = new SlaClient(connect("org1-admin").chaincode())
                .propose(terms)
                .ref()
                .toString();
        ItNetwork.synced(); // the voter's peer has the proposal
        new SlaClient(connect("org2-admin").chaincode()).approve(sla);
        ItNetwork.synced(); // the other orgs act on the SLA next
        for (String org : ORGS) {
            serve(org, sla);
        }
    }

    /** Registers the org's worker (its second user) if no earlier test did, adding {@code slaRef} to its offer. */
    private static void serve(final String org, final String slaRef) throws Exception {
        final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
        final Optional<Worker> earlier =
                new WorkerClient(connect(org + "-user2").chaincode()).findSelf();
        final List<String> slas = new ArrayList<>(List.of("standard@1", slaRef));
        final WorkerOffer offer = new WorkerOffer(
                slas,
                2,
                new Resources(4000, 8192, 40960),
                new Resources(0, 0, 0),
                WorkerRegistryIT.attestationKeyPem());
        final Worker worker = earlier.isEmpty()
                ? admin.register(new WorkerRegistration(
                        ItNetwork.uniqueId("ls"), WorkerRegistryIT.certificatePem(org + "-user2"), offer))
                : admin.updateOffer(earlier.get().workerKey(), offer);
        if (worker.state() == WorkerState.PAUSED) {
            admin.resume(worker.workerKey());
        }
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @Test
    void an_unacknowledged_lease_expires_and_the_replica_moves_to_another_orgs_worker() throws Exception {
        final Job assigned = customer.assign(submitted().spec().id());
        final Replica first = assigned.replicas().get(0);
        final Instant deadline = Instant.parse(first.acknowledgeBy().orElseThrow());

        waitUntilPast(deadline);
        everyOrgTicks();
        final Job expired = customer.expireLease(assigned.spec().id(), 0);

        assertThat(expired.replicas().get(0).state()).isEqualTo(ReplicaState.LEASE_EXPIRED);
        assertThat(expired.replicas()).hasSize(2);
        final Replica replacement = expired.replicas().get(1);
        assertThat(replacement.msp()).isNotEqualTo(first.msp());
        assertThat(replacement.state()).isEqualTo(ReplicaState.ASSIGNED);
        assertThat(replacement.acknowledgeBy()).isPresent();
    }

    @Test
    void a_lease_cannot_be_expired_before_the_other_orgs_clocks_pass_its_deadline() {
        final Job assigned = customer.assign(submitted().spec().id());

        assertThatThrownBy(() -> customer.expireLease(assigned.spec().id(), 0))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.INVALID_STATE);
                    assertThat(e.getMessage()).contains("[deadline]").contains("cannot expire yet");
                });
        assertThat(customer.get(assigned.spec().id()).replicas().get(0).state()).isEqualTo(ReplicaState.ASSIGNED);
    }

    private static Job submitted() {
        return customer.submit(ItNetwork.builder(ItNetwork.uniqueId("lease"))
                .command("coinflip")
                .sla(sla)
                .redundancy(Redundancy.kVote(1))
                .build());
    }

    private static void waitUntilPast(final Instant deadline) throws InterruptedException {
        final long millis = Duration.between(Instant.now(), deadline).toMillis() + 200;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void everyOrgTicks() {
        final Map<String, PovmGateway> gateways = new java.util.LinkedHashMap<>();
        ORGS.forEach(org -> gateways.put(org, connect(org + "-admin")));
        ItNetwork.everyOrgTicks(gateways);
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }
}
