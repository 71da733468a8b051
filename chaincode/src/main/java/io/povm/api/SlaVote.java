// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * One org's vote on an SLA (an approval or a deprecation vote), stored under its own key: the org, the admin who
 * cast it, when and in which transaction. {@code {"msp":"Org2MSP","id":"x509::...","votedAt":"...","txId":"..."}}
 */
@JsonRootName("slaVote")
@JsonPropertyOrder({"msp", "id", "votedAt", "txId"})
public final class SlaVote {
    @JsonProperty("msp")
    private final String msp;

    @JsonProperty("id")
    private final String id;

    @JsonProperty("votedAt")
    private final String votedAt;

    @JsonProperty("txId")
    private final String txId;

    @JsonCreator
    public SlaVote(
            @JsonProperty("msp") final String msp,
            @JsonProperty("id") final String id,
            @JsonProperty("votedAt") final String votedAt,
            @JsonProperty("txId") final String txId) {
        this.msp = PovmException.requirePresent(msp, "msp", "the voting org's MSP id");
        this.id = PovmException.requirePresent(id, "id", "the voting admin's identity");
        this.votedAt = PovmException.requirePresent(votedAt, "votedAt", "ISO-8601 UTC time");
        this.txId = PovmException.requirePresent(txId, "txId", "the voting transaction id");
    }

    /** @return the MSP id of the voting org */
    public String msp() {
        return msp;
    }

    /** @return the Fabric id of the admin who voted */
    public String id() {
        return id;
    }

    public String votedAt() {
        return votedAt;
    }

    public String txId() {
        return txId;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaVote)) {
            return false;
        }
        final SlaVote that = (SlaVote) other;
        return msp.equals(that.msp) && id.equals(that.id) && votedAt.equals(that.votedAt) && txId.equals(that.txId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msp, id, votedAt, txId);
    }

    @Override
    public String toString() {
        return "SlaVote{msp=" + msp + ", votedAt=" + votedAt + ", txId=" + txId + "}";
    }
}
