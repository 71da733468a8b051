// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * An organization's reputation: the sums of its workers' records.
 *
 * <pre>{@code
 * {"msp":"Org2MSP","workers":2,"results":40,"agreements":38,"disagreements":2,"timeouts":1,"faults":0,
 *  "violations":0,"releases":3}
 * }</pre>
 */
@JsonRootName("orgRecord")
@JsonPropertyOrder({
    "msp",
    "workers",
    "results",
    "agreements",
    "disagreements",
    "timeouts",
    "faults",
    "violations",
    "releases"
})
public record OrgRecord(
        @JsonProperty("msp") String msp,
        @JsonProperty("workers") long workers,
        @JsonProperty("results") long results,
        @JsonProperty("agreements") long agreements,
        @JsonProperty("disagreements") long disagreements,
        @JsonProperty("timeouts") long timeouts,
        @JsonProperty("faults") long faults,
        @JsonProperty("violations") long violations,
        @JsonProperty("releases") long releases) {
    public OrgRecord {
        Objects.requireNonNull(msp, "msp");
    }

    public static OrgRecord empty(final String msp) {
        return new OrgRecord(msp, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** @return this sum with one more worker's record added */
    public OrgRecord plus(final WorkerRecord record) {
        return new OrgRecord(
                msp,
                workers + 1,
                results + record.results(),
                agreements + record.agreements(),
                disagreements + record.disagreements(),
                timeouts + record.timeouts(),
                faults + record.faults(),
                violations + record.violations(),
                releases + record.releases());
    }
}
