// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/** Who submitted a job: the MSP id of the organization and the client identity's id as Fabric reports it. */
@JsonRootName("submitter")
@JsonPropertyOrder({"msp", "id"})
public final class Submitter {
    @JsonProperty("msp")
    private final String msp;

    @JsonProperty("id")
    private final String id;

    @JsonCreator
    public Submitter(@JsonProperty("msp") final String msp, @JsonProperty("id") final String id) {
        this.msp = PovmException.requirePresent(msp, "submitter.msp", "the MSP id of the submitting organization");
        this.id = PovmException.requirePresent(id, "submitter.id", "the submitting client identity's id");
    }

    public String msp() {
        return msp;
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Submitter)) {
            return false;
        }
        final Submitter that = (Submitter) other;
        return msp.equals(that.msp) && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msp, id);
    }

    @Override
    public String toString() {
        return "Submitter{msp=" + msp + ", id=" + id + "}";
    }
}
