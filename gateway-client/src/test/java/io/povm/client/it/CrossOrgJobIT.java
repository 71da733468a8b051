// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.JobInput;
import io.povm.api.JobResources;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.Redundancy;
import io.povm.client.PovmGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job submitted through one organization's peer is the same job when read through another's. */
class CrossOrgJobIT {
    @BeforeAll
    static void networkIsUp() {
        ItNetwork.profiles();
    }

    @Test
    void a_job_submitted_as_org1_reads_back_identically_through_org2() {
        final JobSpec spec = ItNetwork.builder(ItNetwork.uniqueId("cross-org"))
                .command("coinflip", "--k", "5")
                .env(Map.of("SEED", "7"))
                .redundancy(Redundancy.iterative(2, 2, 5))
                .inputs(List.of(JobInput.inline("seed.txt", "Nwo=")))
                .resources(new JobResources(500, 256))
                .build();

        try (PovmGateway org1 = ItNetwork.connect("org1");
                PovmGateway org2 = ItNetwork.connect("org2")) {
            final Job submitted = ItNetwork.jobs(org1).submit(spec);
            final Job readByOrg2 = ItNetwork.awaitJob(ItNetwork.jobs(org2), spec.id());

            assertThat(submitted.spec()).isEqualTo(spec);
            assertThat(readByOrg2).isEqualTo(submitted);
            assertThat(readByOrg2.submitter().msp()).isEqualTo("Org1MSP");
            assertThat(readByOrg2.state()).isEqualTo(JobState.SUBMITTED);
            assertThat(readByOrg2.submitTxId()).isNotBlank();
            assertThat(readByOrg2.submittedAt()).isNotBlank();
            assertThat(readByOrg2.stateChangedAt()).isEqualTo(readByOrg2.submittedAt());
            assertThat(readByOrg2.replicas()).isEmpty();
        }
    }
}
