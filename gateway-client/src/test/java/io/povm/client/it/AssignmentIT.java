// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.worker.WorkerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Assignment on the real network: a k=3 job gets workers of three orgs, only a replica's own worker may take it up,
 * and a cancelled job is never assigned. Each org's second user is its worker (registered here if no earlier test
 * did, and made ACTIVE for standard@1).
 */
class AssignmentIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static final Map<String, PovmGateway> WORKERS = new java.util.TreeMap<>();
    private static JobClient customer;

    @BeforeAll
    static void every_org_has_an_active_worker_for_standard_1() throws Exception {
        customer = new JobClient(connect("org1").chaincode());
        final WorkerOffer offer = new WorkerOffer(
                List.of("standard@1"),
                2,
                new Resources(4000, 8192, 40960),
                new Resources(0, 0, 0),
                WorkerRegistryIT.attestationKeyPem());
        for (String org : List.of("org1", "org2", "org3")) {
            final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
            final PovmGateway workerGateway = connect(org + "-user2");
            final WorkerClient self = new WorkerClient(workerGateway.chaincode());
            final Optional<Worker> earlier = self.findSelf();
            final Worker worker = earlier.isEmpty()
                    ? admin.register(new WorkerRegistration(
                            ItNetwork.uniqueId("as"), WorkerRegistryIT.certificatePem(org + "-user2"), offer))
                    : admin.updateOffer(earlier.get().workerKey(), offer);
            if (worker.state() == WorkerState.PAUSED) {
                admin.resume(worker.workerKey());
            }
            WORKERS.put(worker.key(), workerGateway);
        }
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @Test
    void a_job_with_three_replicas_gets_three_workers_of_three_orgs() {
        final Job assigned = customer.assign(submitted(3).spec().id());

        assertThat(assigned.state()).isEqualTo(JobState.ASSIGNED);
        assertThat(assigned.replicas())
                .extracting(Replica::msp)
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(assigned.stateReason()).isEmpty();
    }

    @Test
    void only_the_assigned_worker_may_acknowledge_its_replica() {
        final Job assigned = customer.assign(submitted(3).spec().id());
        final Replica org1Replica = assigned.replicas().stream()
                .filter(r -> r.msp().equals("Org1MSP"))
                .findFirst()
                .orElseThrow();
        final Replica org2Replica = assigned.replicas().stream()
                .filter(r -> r.msp().equals("Org2MSP"))
                .findFirst()
                .orElseThrow();
        final JobClient org2Worker = jobsOf(org2Replica.workerKey());

        assertThatThrownBy(() -> org2Worker.acknowledge(assigned.spec().id(), org1Replica.index()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.FORBIDDEN));

        final Job running =
                jobsOf(org1Replica.workerKey()).acknowledge(assigned.spec().id(), org1Replica.index());
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.replicas().get(org1Replica.index()).state()).isEqualTo(ReplicaState.RUNNING);
    }

    @Test
    void a_cancelled_job_cannot_be_assigned() {
        final Job job = submitted(1);
        customer.cancel(job.spec().id(), "changed my mind");

        assertThatThrownBy(() -> customer.assign(job.spec().id()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
        assertThat(customer.get(job.spec().id()).replicas()).isEmpty();
    }

    private static Job submitted(final int replicas) {
        return customer.submit(ItNetwork.builder(ItNetwork.uniqueId("assign"))
                .command("coinflip")
                .redundancy(Redundancy.kVote(replicas))
                .build());
    }

    private static JobClient jobsOf(final String workerKey) {
        return new JobClient(WORKERS.get(workerKey).chaincode());
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }
}
