// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.beacon.Dleq;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.P256;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;

/**
 * Member {@code msp}'s partial for round r: σ_i = x_i·H(r) with a DLEQ proof that log_G(X_i) == log_H(r)(σ_i), i.e.
 * that it used the share behind its public share X_i. The proof's context is {@code domain.context("partial", r,
 * msp)}. To be stored under its own key per round and org.
 *
 * <pre>{@code
 * {"round":7,"msp":"Org2MSP","sigma":"03..","challenge":"5e..","response":"a1.."}
 * }</pre>
 *
 * @param round the round r
 * @param msp the member that posts it
 * @param sigma σ_i, compressed SEC1 hex
 * @param challenge the proof's challenge, 64 hex digits
 * @param response the proof's response, 64 hex digits
 */
@JsonPropertyOrder({"round", "msp", "sigma", "challenge", "response"})
public record Partial(
        @JsonProperty("round") long round,
        @JsonProperty("msp") String msp,
        @JsonProperty("sigma") String sigma,
        @JsonProperty("challenge") String challenge,
        @JsonProperty("response") String response) {

    /** The purpose named in the proof's context. */
    public static final String PURPOSE = "partial";

    /** Computes σ_i and its proof with nonce k (1 <= k < n, secret, never reused). */
    public static Partial create(
            final BeaconDomain domain, final long round, final String msp, final BigInteger share, final BigInteger k) {
        final String h = P256.hex(domain.roundPoint(round));
        final Dleq.Proof proof = Dleq.prove(domain.context(PURPOSE, round, msp), share, h, k);
        final String sigma = P256.hex(P256.times(P256.point("h", h), share));
        return new Partial(round, msp, sigma, Hex.of(proof.challenge()), Hex.of(proof.response()));
    }

    /** Computes σ_i and its proof with a fresh random nonce. */
    public static Partial create(
            final BeaconDomain domain,
            final long round,
            final String msp,
            final BigInteger share,
            final SecureRandom random) {
        return create(
                domain,
                round,
                msp,
                share,
                BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), random));
    }

    /** @return the DLEQ proof; malformed hex is an INVALID_ARGUMENT naming the field */
    public Dleq.Proof proof() {
        return new Dleq.Proof(Hex.scalar("partial.challenge", challenge), Hex.scalar("partial.response", response));
    }
}
