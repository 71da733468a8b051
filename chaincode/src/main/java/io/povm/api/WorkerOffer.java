// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a worker offers: the SLAs it serves, how many VMs (slots) it runs at once, its total resources and the part
 * of them it keeps reserved, and its organization's public key for attestations (PEM, EC P-256).
 *
 * <pre>{@code
 * {"slas":["standard@1"],"slots":2,
 *  "total":{"cpuMillis":4000,"memoryMiB":8192,"diskMiB":40960},
 *  "reserved":{"cpuMillis":1000,"memoryMiB":2048,"diskMiB":10240},
 *  "attestationKeyPem":"-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n"}
 * }</pre>
 *
 * <p>The SLA references are kept sorted, so the JSON form does not depend on the order they were given in. Errors
 * name fields under {@code offer.}, also when the offer is the whole input (UpdateOffer). {@link WorkerValidator}
 * checks the formats and ranges; {@link #stake()} is the CloudPoS stake of the offer.
 */
@JsonRootName("offer")
@JsonPropertyOrder({"slas", "slots", "total", "reserved", "attestationKeyPem"})
public final class WorkerOffer {
    @JsonProperty("slas")
    private final List<String> slas;

    @JsonProperty("slots")
    private final int slots;

    @JsonProperty("total")
    private final Resources total;

    @JsonProperty("reserved")
    private final Resources reserved;

    @JsonProperty("attestationKeyPem")
    private final String attestationKeyPem;

    /** @throws PovmException INVALID_ARGUMENT naming a missing field or a null SLA reference */
    public WorkerOffer(
            final List<String> slas,
            final int slots,
            final Resources total,
            final Resources reserved,
            final String attestationKeyPem) {
        this.slas = sorted(slas);
        this.slots = slots;
        this.total = PovmException.requirePresent(total, "offer.total", WorkerValidator.RESOURCES_ACCEPTED);
        this.reserved = PovmException.requirePresent(reserved, "offer.reserved", WorkerValidator.RESOURCES_ACCEPTED);
        this.attestationKeyPem = PovmException.requirePresent(
                attestationKeyPem, "offer.attestationKeyPem", WorkerValidator.ATTESTATION_KEY_ACCEPTED);
    }

    @JsonCreator
    static WorkerOffer fromJson(
            @JsonProperty("slas") final List<String> slas,
            @JsonProperty("slots") final Integer slots,
            @JsonProperty("total") final Resources.Input total,
            @JsonProperty("reserved") final Resources.Input reserved,
            @JsonProperty("attestationKeyPem") final String attestationKeyPem) {
        PovmException.requirePresent(slas, "offer.slas", WorkerValidator.SLAS_ACCEPTED);
        PovmException.requirePresent(slots, "offer.slots", WorkerValidator.SLOTS_ACCEPTED);
        PovmException.requirePresent(total, "offer.total", WorkerValidator.RESOURCES_ACCEPTED);
        PovmException.requirePresent(reserved, "offer.reserved", WorkerValidator.RESOURCES_ACCEPTED);
        return new WorkerOffer(
                slas,
                slots,
                total.toResources("offer.total"),
                reserved.toResources("offer.reserved"),
                attestationKeyPem);
    }

    private static List<String> sorted(final List<String> slas) {
        PovmException.requirePresent(slas, "offer.slas", WorkerValidator.SLAS_ACCEPTED);
        final List<String> copy = new ArrayList<>(slas);
        for (int i = 0; i < copy.size(); i++) {
            PovmException.requirePresent(copy.get(i), "offer.slas[" + i + "]", "an SLA reference, not null");
        }
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    /** @return the SLA references ({@code name@version}) served, sorted, unmodifiable */
    public List<String> slas() {
        return slas;
    }

    /** @return how many VMs the worker runs at once */
    public int slots() {
        return slots;
    }

    public Resources total() {
        return total;
    }

    public Resources reserved() {
        return reserved;
    }

    /** @return the attestation public key, PEM ({@code -----BEGIN PUBLIC KEY-----}) */
    public String attestationKeyPem() {
        return attestationKeyPem;
    }

    /** @return the CloudPoS stake of this offer, {@code gamma * (total - reserved)} */
    public Stake stake() {
        return Stake.of(total, reserved);
    }

    /** @return the same offer with another attestation key text (used to store the key in its canonical form) */
    WorkerOffer withAttestationKeyPem(final String pem) {
        return new WorkerOffer(slas, slots, total, reserved, pem);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WorkerOffer)) {
            return false;
        }
        final WorkerOffer that = (WorkerOffer) other;
        return slots == that.slots
                && slas.equals(that.slas)
                && total.equals(that.total)
                && reserved.equals(that.reserved)
                && attestationKeyPem.equals(that.attestationKeyPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slas, slots, total, reserved, attestationKeyPem);
    }

    @Override
    public String toString() {
        return "WorkerOffer{slas=" + slas + ", slots=" + slots + ", total=" + total + ", reserved=" + reserved + "}";
    }
}
