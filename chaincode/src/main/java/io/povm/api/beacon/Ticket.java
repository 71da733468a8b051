// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * Lottery tickets a worker earned for one verified replica, written when the job is finalized and paid: the
 * replica's VM milliseconds (its wall time, capped by the SLA's maxWall) scaled by the worker's payout multiplier.
 * Only replicas the settlement paid earn tickets: they matched the verdict and kept to the SLA. Stored under {@code
 * ("beacon-ticket", round, jobId, replica)} for the next round to open, which freezes them.
 *
 * <pre>{@code
 * {"round":4,"jobId":"flip-1","replica":0,"workerKey":"Org2MSP/w1","msp":"Org2MSP","fabricId":"x509::...",
 *  "vmMillis":1200,"permille":1000,"tickets":1200}
 * }</pre>
 *
 * @param tickets {@code vmMillis x permille / 1000}, rounded down
 */
@JsonRootName("ticket")
@JsonPropertyOrder({"round", "jobId", "replica", "workerKey", "msp", "fabricId", "vmMillis", "permille", "tickets"})
public record Ticket(
        @JsonProperty("round") long round,
        @JsonProperty("jobId") String jobId,
        @JsonProperty("replica") int replica,
        @JsonProperty("workerKey") String workerKey,
        @JsonProperty("msp") String msp,
        @JsonProperty("fabricId") String fabricId,
        @JsonProperty("vmMillis") long vmMillis,
        @JsonProperty("permille") long permille,
        @JsonProperty("tickets") long tickets) {

    /** @return the tickets of a replica: {@code vmMillis x permille / 1000}, rounded down */
    public static long of(final long vmMillis, final long permille) {
        return Math.multiplyExact(Math.max(vmMillis, 0), permille) / 1000;
    }
}
