// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon.threshold;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Everything the ledger holds about one key generation, as {@code threshold:GetEpoch} returns it: the frozen epoch,
 * every deal and check, the key once complete, and the phase on the multiparty clock at the time of reading with a
 * note saying what it waits for. A member derives its x_i from it with {@link #generation} and
 * {@link KeyGeneration#secretShare}.
 *
 * @param phase {@code DEAL}, {@code CHECK}, {@code COMPLETABLE}, {@code COMPLETE} or {@code STALLED}
 */
@JsonPropertyOrder({"epoch", "phase", "note", "deals", "checks", "key"})
public record EpochView(
        @JsonProperty("epoch") KeyEpoch epoch,
        @JsonProperty("phase") String phase,
        @JsonProperty("note") String note,
        @JsonProperty("deals") List<KeyDeal> deals,
        @JsonProperty("checks") List<KeyCheck> checks,
        @JsonProperty("key") ThresholdKey key) {
    public EpochView {
        deals = deals == null ? List.of() : List.copyOf(deals);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** @return the key generation replayed from the stored pieces */
    public KeyGeneration generation(final BeaconDomain domain) {
        return KeyGeneration.replay(domain, epoch.epoch(), epoch.beaconKeys(), deals, checks);
    }
}
