// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job id belongs to its first spec: a different spec is refused, the identical one returns the stored job. */
class DuplicateSubmissionIT {
    private static PovmGateway org1;
    private static JobClient jobs;

    @BeforeAll
    static void connect() {
        org1 = ItNetwork.connect("org1");
        jobs = ItNetwork.jobs(org1);
    }

    @AfterAll
    static void close() {
        if (org1 != null) {
            org1.close();
        }
    }

    @Test
    void a_different_spec_under_a_taken_id_is_a_duplicate() {
        final String id = ItNetwork.uniqueId("duplicate");
        final Job first = jobs.submit(ItNetwork.spec(id, "coinflip", "--k", "5"));

        assertThatThrownBy(() -> jobs.submit(ItNetwork.spec(id, "coinflip", "--k", "7")))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
                    assertThat(e.errorCode()).contains(ErrorCode.DUPLICATE_ID);
                    assertThat(e.error().orElseThrow().field()).isEqualTo("id");
                });
        assertThat(jobs.get(id)).isEqualTo(first);
    }

    @Test
    void resubmitting_the_identical_spec_returns_the_stored_job() {
        final String id = ItNetwork.uniqueId("resubmit");
        final JobSpec spec = ItNetwork.spec(id, "coinflip", "--k", "5");
        final Job first = jobs.submit(spec);

        final Job again = jobs.submit(spec);

        assertThat(again.submitTxId()).isEqualTo(first.submitTxId());
        assertThat(again).isEqualTo(first);
    }
}
