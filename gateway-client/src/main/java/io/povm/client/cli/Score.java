// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.CustomerRecord;
import io.povm.api.WorkerRecord;
import java.util.Locale;

/**
 * A Laplace score {@code good / total} against the floor of 1/4, as the chaincode computes it (its {@code Reputation}
 * class, docs/consensus.md), for showing and explaining. A worker's score is (agreements + 1) / (agreements + bad + 2),
 * bad being disagreements, timeouts, faults and SLA violations; it takes new replicas only at or above the floor. A
 * customer's standing is (jobs without violation + 1) / (jobs + 2); below the floor it may not submit.
 *
 * @param good the numerator
 * @param total the denominator
 */
@JsonPropertyOrder({"good", "total", "value", "meetsFloor"})
record Score(@JsonProperty("good") long good, @JsonProperty("total") long total) {
    static final long FLOOR_NUMERATOR = 1;
    static final long FLOOR_DENOMINATOR = 4;

    static Score of(final WorkerRecord record) {
        final long bad = record.disagreements() + record.timeouts() + record.faults() + record.violations();
        return new Score(record.agreements() + 1, record.agreements() + bad + 2);
    }

    static Score of(final CustomerRecord record) {
        return new Score(record.jobs() - record.violations() + 1, record.jobs() + 2);
    }

    @JsonProperty("value")
    double value() {
        return (double) good / total;
    }

    @JsonProperty("meetsFloor")
    boolean meetsFloor() {
        return good * FLOOR_DENOMINATOR >= total * FLOOR_NUMERATOR;
    }

    /** @return the share of its pay a worker with this score receives, in thousandths */
    @JsonIgnore
    long payoutPermille() {
        return 500 + 500 * good / total;
    }

    /** @return e.g. {@code 4/6 = 0.67} */
    String text() {
        return good + "/" + total + " = " + String.format(Locale.ROOT, "%.2f", value());
    }

    /** @return e.g. {@code 4/6 = 0.67, at or above the floor 1/4} */
    String againstFloor() {
        return text() + (meetsFloor() ? ", at or above" : ", below") + " the floor " + FLOOR_NUMERATOR + "/"
                + FLOOR_DENOMINATOR;
    }
}
