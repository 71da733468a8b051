// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.JobLimits;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job enters the queue only under an ACTIVE SLA, and only within the SLA's terms. */
class JobAdmissionIT {
    private static PovmGateway org1;
    private static PovmGateway org1Admin;
    private static PovmGateway org2Admin;

    @BeforeAll
    static void connect() {
        org1 = ItNetwork.connect("org1");
        org1Admin = ItNetwork.connect("org1-admin");
        org2Admin = ItNetwork.connect("org2-admin");
    }

    @AfterAll
    static void close() {
        for (PovmGateway gateway : new PovmGateway[] {org1, org1Admin, org2Admin}) {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    @Test
    void a_job_under_a_proposed_sla_is_refused_and_accepted_once_a_second_org_approves_it() {
        final SlaSpec terms = terms(ItNetwork.uniqueId("adm"));
        final String ref =
                new SlaClient(org1Admin.chaincode()).propose(terms).ref().toString();
        final JobClient jobs = ItNetwork.jobs(org1);
        final JobSpec spec = ItNetwork.builder(ItNetwork.uniqueId("under-proposed"))
                .command("coinflip")
                .sla(ref)
                .build();

        assertThatThrownBy(() -> jobs.submit(spec)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.errorCode()).contains(ErrorCode.INVALID_STATE);
            assertThat(e.error().orElseThrow().field()).isEqualTo("sla");
            assertThat(e.error().orElseThrow().reason()).contains("PROPOSED");
        });
        assertThat(jobs.find(spec.id())).isEmpty();

        ItNetwork.synced(); // the voter's peer has the proposal

        new SlaClient(org2Admin.chaincode()).approve(ref);
        ItNetwork.synced(); // the other orgs act on the SLA next

        assertThat(jobs.submit(spec).state()).isEqualTo(JobState.SUBMITTED);
    }

    @Test
    void a_job_asking_more_cpu_than_its_sla_offers_is_refused_naming_the_field() {
        final JobClient jobs = ItNetwork.jobs(org1);
        final JobSpec greedy = ItNetwork.builder(ItNetwork.uniqueId("greedy"))
                .command("coinflip")
                .resources(new JobResources(64_000, null))
                .build();

        assertThatThrownBy(() -> jobs.submit(greedy)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.error().orElseThrow().field()).isEqualTo("resources.cpuMillis");
        });
        assertThat(jobs.find(greedy.id())).isEmpty();
    }

    @Test
    void a_job_under_an_sla_that_does_not_exist_is_refused() {
        final JobSpec spec = ItNetwork.builder(ItNetwork.uniqueId("no-sla"))
                .command("coinflip")
                .sla("no-such-sla@1")
                .build();

        assertThatThrownBy(() -> ItNetwork.jobs(org1).submit(spec))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.NOT_FOUND));
    }

    private static SlaSpec terms(final String name) {
        return new SlaSpec(
                name,
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(600)
                        .minBenchmarkOpsPerSec(1000)
                        .pricePerVmSecond(1)
                        .build(),
                new JobLimits(65_536, 65_536));
    }
}
