// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.PovmException;
import java.util.List;

/**
 * A closed threshold round: σ = x·H(r), seed_r and its sub-seeds, which members' valid partials it saw and which
 * members posted none. The seed depends on σ alone, and σ on the key and r alone, so the contributors do not change it.
 *
 * <pre>{@code
 * {"round":7,"epoch":1,"sigma":"02..","seed":"9c..","lotterySeed":"..","assignSeed":"..","auditSeed":"..",
 *  "contributors":["Org1MSP","Org3MSP"],"absent":["Org2MSP"]}
 * }</pre>
 *
 * @param round r
 * @param epoch the key generation whose key made σ
 * @param sigma σ, compressed SEC1 hex
 * @param seed seed_r, 64 hex digits ({@link BeaconDomain#seed})
 * @param lotterySeed SHA-256(seed || "lottery")
 * @param assignSeed SHA-256(seed || "assign")
 * @param auditSeed SHA-256(seed || "audit")
 * @param contributors the members with a valid partial, in index order
 * @param absent the members without one, in index order
 */
@JsonPropertyOrder({
    "round",
    "epoch",
    "sigma",
    "seed",
    "lotterySeed",
    "assignSeed",
    "auditSeed",
    "contributors",
    "absent"
})
public record ThresholdResult(
        @JsonProperty("round") long round,
        @JsonProperty("epoch") long epoch,
        @JsonProperty("sigma") String sigma,
        @JsonProperty("seed") String seed,
        @JsonProperty("lotterySeed") String lotterySeed,
        @JsonProperty("assignSeed") String assignSeed,
        @JsonProperty("auditSeed") String auditSeed,
        @JsonProperty("contributors") List<String> contributors,
        @JsonProperty("absent") List<String> absent) {
    public ThresholdResult {
        contributors = List.copyOf(PovmException.requirePresent(contributors, "contributors", "MSP ids"));
        absent = List.copyOf(PovmException.requirePresent(absent, "absent", "MSP ids"));
    }
}
