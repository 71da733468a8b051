// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.PovmException;

/**
 * A member org's beacon key: a P-256 public key x·G (compressed SEC1 hex), separate from its MSP signing keys, to which
 * the other orgs encrypt their shares. Stored under {@code ("beacon-key", msp)}; a round freezes the keys it uses.
 *
 * <pre>{@code
 * {"msp":"Org1MSP","publicKey":"02ab...","registeredAt":"2026-11-21T10:00:00.000Z","txId":"9f2c..."}
 * }</pre>
 */
@JsonRootName("beaconKey")
@JsonPropertyOrder({"msp", "publicKey", "registeredAt", "txId"})
public record BeaconKey(
        @JsonProperty("msp") String msp,
        @JsonProperty("publicKey") String publicKey,
        @JsonProperty("registeredAt") String registeredAt,
        @JsonProperty("txId") String txId) {
    public BeaconKey {
        PovmException.requirePresent(msp, "msp", "the org's MSP id");
        P256.point("publicKey", PovmException.requirePresent(publicKey, "publicKey", "a P-256 point, SEC1 hex"));
    }
}
