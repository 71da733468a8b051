// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Commitment;
import io.povm.api.PovmJson;
import io.povm.api.Reveal;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica's result as the worker journals it before it commits: the commitment it posts and the reveal that opens
 * it, so that a worker that crashed after its commit can still reveal. A copier (faulty mode {@code copy}) commits to
 * a random value and has no reveal yet.
 *
 * <pre>{@code
 * {"commitment":"<64 hex>","reveal":{"attestation":{...},"signature":"...","output":"...","checkpointLeaves":[...]}}
 * }</pre>
 */
@JsonPropertyOrder({"commitment", "reveal"})
public final class Sealed {
    @JsonProperty("commitment")
    private final String commitment;

    @JsonProperty("reveal")
    private final Reveal reveal;

    private Sealed(final String commitment, final Reveal reveal) {
        this.commitment = Commitment.requireHex(commitment, "commitment");
        this.reveal = reveal;
    }

    /** @return the commitment the reveal's attestation opens, with that reveal */
    public static Sealed of(final Reveal reveal) {
        return new Sealed(reveal.attestation().commitment(), Objects.requireNonNull(reveal, "reveal"));
    }

    /** @return a commitment with nothing to open it (a copier's) */
    public static Sealed withoutReveal(final String commitment) {
        return new Sealed(commitment, null);
    }

    @JsonCreator
    static Sealed fromJson(
            @JsonProperty("commitment") final String commitment, @JsonProperty("reveal") final Reveal reveal) {
        return new Sealed(commitment, reveal);
    }

    public static Sealed read(final String json) {
        return PovmJson.read(json, Sealed.class);
    }

    public String toJson() {
        return PovmJson.write(this);
    }

    public String commitment() {
        return commitment;
    }

    public Optional<Reveal> reveal() {
        return Optional.ofNullable(reveal);
    }
}
