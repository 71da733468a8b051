// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chaincode itself refuses malformed specs, naming the field, and leaves the ledger as it was. The raw
 * {@code SubmitJob} call bypasses the client's local check, which would otherwise catch the spec first.
 */
class MalformedSpecIT {
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
    void an_image_without_a_digest_is_refused_and_nothing_is_stored() {
        final String id = ItNetwork.uniqueId("malformed-image");
        final JobSpec unpinned = ItNetwork.builder(id)
                .image("povm/coinflip:latest")
                .command("coinflip")
                .build();
        final long jobsBefore = ItNetwork.countJobs(jobs);

        assertThatThrownBy(() -> org1.chaincode().submit("SubmitJob", PovmJson.write(unpinned)))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
                    assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.error().orElseThrow().field()).isEqualTo("image");
                });

        assertThatThrownBy(() -> jobs.get(id))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.NOT_FOUND));
        assertThat(ItNetwork.countJobs(jobs)).isEqualTo(jobsBefore);
    }

    @Test
    void the_client_refuses_the_same_spec_with_the_same_error_before_sending_it() {
        final JobSpec unpinned = ItNetwork.builder(ItNetwork.uniqueId("malformed-local"))
                .image("povm/coinflip:latest")
                .command("coinflip")
                .build();

        final PovmClientException viaChaincode =
                rejection(() -> org1.chaincode().submit("SubmitJob", PovmJson.write(unpinned)));
        final PovmClientException local = rejection(() -> jobs.submit(unpinned));

        assertThat(local.error()).isEqualTo(viaChaincode.error());
    }

    @Test
    void an_unknown_field_is_refused_by_name_and_nothing_is_stored() {
        final String id = ItNetwork.uniqueId("malformed-field");
        final JobSpec spec = ItNetwork.spec(id, "coinflip");
        final String withUnknownField = PovmJson.write(spec).replaceFirst("\\{", "{\"priority\":1,");
        final long jobsBefore = ItNetwork.countJobs(jobs);

        assertThatThrownBy(() -> org1.chaincode().submit("SubmitJob", withUnknownField))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.error().orElseThrow().field()).isEqualTo("priority");
                    assertThat(e.error().orElseThrow().reason()).contains("unknown field");
                });

        assertThat(jobs.find(id)).isEmpty();
        assertThat(ItNetwork.countJobs(jobs)).isEqualTo(jobsBefore);
    }

    @Test
    void a_deadline_too_close_to_the_transaction_timestamp_is_refused_by_the_chaincode() {
        final String id = ItNetwork.uniqueId("malformed-deadline");
        final JobSpec hurried = ItNetwork.builder(id)
                .command("coinflip")
                .deadline(java.time.Instant.now()
                        .plusSeconds(20)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString())
                .build();

        final PovmClientException e = rejection(() -> jobs.submit(hurried));

        assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.error().orElseThrow().field()).isEqualTo("deadline");
        assertThat(e.error().orElseThrow().reason()).contains("must be 60 s to 7 days after it");
        assertThat(jobs.find(id)).isEmpty();
    }

    private static PovmClientException rejection(final Runnable call) {
        try {
            call.run();
        } catch (PovmClientException e) {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(PovmClientException.Kind.REJECTED);
            return e;
        }
        throw new AssertionError("expected the spec to be rejected");
    }
}
