// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * A customer's standing: how many of its jobs reached a verdict and how many of those broke their SLA's limits (every
 * replica with the winning answer hit a limit; see {@code docs/consensus.md}, SLA evidence). Kept under {@code
 * ("customer-record", msp, id)}.
 *
 * <pre>{@code
 * {"msp":"Org1MSP","id":"x509::CN=User1@org1.povm.test,...","jobs":12,"violations":1}
 * }</pre>
 */
@JsonRootName("customerRecord")
@JsonPropertyOrder({"msp", "id", "jobs", "violations"})
public record CustomerRecord(
        @JsonProperty("msp") String msp,
        @JsonProperty("id") String id,
        @JsonProperty("jobs") long jobs,
        @JsonProperty("violations") long violations) {
    public CustomerRecord {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(id, "id");
    }

    public static CustomerRecord empty(final Submitter customer) {
        return new CustomerRecord(customer.msp(), customer.id(), 0, 0);
    }

    /** @return the record after one more job reached a verdict, which broke its SLA's limits or not */
    public CustomerRecord withVerdict(final boolean violated) {
        return new CustomerRecord(msp, id, jobs + 1, violations + (violated ? 1 : 0));
    }
}
