// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * What an org admin sends to register a worker: the name it gives the worker within its org, the worker
 * identity's X.509 certificate (PEM, as issued by the org's CA) and the worker's {@link WorkerOffer}.
 *
 * <pre>{@code
 * {"name":"w1","certificatePem":"-----BEGIN CERTIFICATE-----\n...","offer":{...}}
 * }</pre>
 */
@JsonRootName("registration")
@JsonPropertyOrder({"name", "certificatePem", "offer"})
public final class WorkerRegistration {
    @JsonProperty("name")
    private final String name;

    @JsonProperty("certificatePem")
    private final String certificatePem;

    @JsonProperty("offer")
    private final WorkerOffer offer;

    /** @throws PovmException INVALID_ARGUMENT naming a missing field */
    @JsonCreator
    public WorkerRegistration(
            @JsonProperty("name") final String name,
            @JsonProperty("certificatePem") final String certificatePem,
            @JsonProperty("offer") final WorkerOffer offer) {
        this.name = PovmException.requirePresent(name, "name", WorkerKey.NAME_ACCEPTED);
        this.certificatePem =
                PovmException.requirePresent(certificatePem, "certificatePem", WorkerValidator.CERTIFICATE_ACCEPTED);
        this.offer = PovmException.requirePresent(offer, "offer", "the worker's offer, a JSON object");
    }

    public String name() {
        return name;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public WorkerOffer offer() {
        return offer;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WorkerRegistration)) {
            return false;
        }
        final WorkerRegistration that = (WorkerRegistration) other;
        return name.equals(that.name) && certificatePem.equals(that.certificatePem) && offer.equals(that.offer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, certificatePem, offer);
    }

    @Override
    public String toString() {
        return "WorkerRegistration{name=" + name + ", offer=" + offer + "}";
    }
}
