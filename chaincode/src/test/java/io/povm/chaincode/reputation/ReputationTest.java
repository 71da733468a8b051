// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.CustomerRecord;
import io.povm.api.ErrorCode;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import io.povm.api.WorkerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReputationTest {
    private static WorkerRecord record(final long agreements, final long disagreements, final long timeouts) {
        WorkerRecord record = WorkerRecord.empty("Org1MSP/w1").withRelease();
        for (long i = 0; i < agreements; i++) {
            record = record.withResult().withAgreement();
        }
        for (long i = 0; i < disagreements; i++) {
            record = record.withResult().withDisagreement();
        }
        for (long i = 0; i < timeouts; i++) {
            record = record.withTimeout();
        }
        return record;
    }

    @ParameterizedTest(name = "{0} agreements, {1} disagreements and {2} timeouts meet the floor: {3}")
    @CsvSource({
        "0,0,0,true",
        "0,2,0,true",
        "0,3,0,false",
        "0,1,2,false",
        "10,32,0,true",
        "10,33,0,false",
        "10,20,13,false",
        "1,5,0,true",
        "1,6,0,false"
    })
    void the_floor_is_a_laplace_score_of_one_quarter(
            final long agreements, final long disagreements, final long timeouts, final boolean meets) {
        assertThat(Reputation.meetsFloor(record(agreements, disagreements, timeouts)))
                .isEqualTo(meets);
    }

    @Test
    void faults_and_violations_count_against_the_score_and_releases_do_not() {
        final WorkerRecord clean = record(0, 2, 0);
        assertThat(Reputation.meetsFloor(clean.withRelease().withRelease())).isTrue();
        assertThat(Reputation.meetsFloor(clean.withFault())).isFalse();
        assertThat(Reputation.meetsFloor(clean.withViolation())).isFalse();
    }

    @ParameterizedTest(name = "{0} agreements and {1} disagreements pay {2} per mille")
    @CsvSource({"0,0,750", "10,0,958", "0,6,562", "3,3,750"})
    void the_payout_multiplier_is_half_plus_half_the_score(
            final long agreements, final long disagreements, final long permille) {
        assertThat(Reputation.payoutPermille(record(agreements, disagreements, 0)))
                .isEqualTo(permille);
    }

    @ParameterizedTest(name = "a customer with {0} jobs and {1} violations may submit: {2}")
    @CsvSource({"0,0,true", "2,2,true", "3,3,false", "10,8,true", "10,9,false"})
    void a_customer_whose_jobs_keep_breaking_their_sla_loses_standing(
            final long jobs, final long violations, final boolean meets) {
        CustomerRecord record = CustomerRecord.empty(new Submitter("Org1MSP", "x509::u1"));
        for (long i = 0; i < jobs; i++) {
            record = record.withVerdict(i < violations);
        }

        assertThat(Reputation.customerMeetsFloor(record)).isEqualTo(meets);
        if (!meets) {
            final CustomerRecord below = record;
            assertThatThrownBy(() -> Reputation.requireCustomerStanding(below))
                    .isInstanceOfSatisfying(PovmException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.error().reason()).contains("broke their SLA's limits");
                    });
        }
    }
}
