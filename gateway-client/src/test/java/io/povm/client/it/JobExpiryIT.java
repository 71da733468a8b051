// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A job that no worker can take (an image no worker allows, and nobody assigns it) expires on the real network once
 * its deadline passed on the clocks of the orgs other than the submitter's, and the customer's escrow comes back.
 */
class JobExpiryIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static final List<String> ORGS = List.of("org1", "org2", "org3");
    private static final String NOBODYS_IMAGE = "povm/nobody@sha256:" + "e".repeat(64);
    private static JobClient customer;
    private static CreditClient customerCredits;

    @BeforeAll
    static void a_customer_of_org1() {
        final PovmGateway gateway = connect("org1");
        customer = new JobClient(gateway.chaincode());
        customerCredits = new CreditClient(gateway.chaincode());
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @Test
    void a_job_nobody_takes_expires_after_its_deadline_and_the_customers_balance_is_restored() throws Exception {
        final long before = customerCredits.balance().balance();
        final Instant deadline = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.SECONDS);
        final JobSpec spec = ItNetwork.builder(ItNetwork.uniqueId("expiry"))
                .image(NOBODYS_IMAGE)
                .command(List.of("coinflip"))
                .deadline(deadline.toString())
                .build();
        final Job submitted = customer.submit(spec);
        assertThat(customerCredits.balance().balance()).as("the escrow is held").isLessThan(before);

        final JobClient otherOrg = new JobClient(connect("org2").chaincode());
        ItNetwork.synced(); // the submit returned once Org1's peer had it; Org2's peer endorses the expiries
        assertThatThrownBy(() -> otherOrg.expire(submitted.spec().id()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.INVALID_STATE);
                    assertThat(e.getMessage()).contains("[deadline]").contains("cannot expire yet");
                });

        final long millis = Duration.between(Instant.now(), deadline).toMillis() + 500;
        if (millis > 0) {
            Thread.sleep(millis);
        }
        final Map<String, PovmGateway> admins = new LinkedHashMap<>();
        ORGS.forEach(org -> admins.put(org, connect(org + "-admin")));
        ItNetwork.everyOrgTicks(admins);

        final Job expired = otherOrg.expire(submitted.spec().id());

        assertThat(expired.state()).isEqualTo(JobState.EXPIRED);
        ItNetwork.synced();
        assertThat(customerCredits.balance().balance())
                .as("the escrow is back, once")
                .isEqualTo(before);
        assertThatThrownBy(() -> otherOrg.expire(submitted.spec().id()))
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
        assertThat(customerCredits.balance().balance()).isEqualTo(before);
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }
}
