// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Each member org's latest clock tick (ISO-8601 UTC), by MSP id; orgs that never ticked are absent.
 *
 * <pre>{@code
 * {"ticks":{"Org1MSP":"2026-11-21T10:00:03.120Z","Org2MSP":"2026-11-21T10:00:04.005Z"}}
 * }</pre>
 */
public final class ClockTicks {
    @JsonProperty("ticks")
    private final SortedMap<String, String> ticks;

    @JsonCreator
    public ClockTicks(@JsonProperty("ticks") final Map<String, String> ticks) {
        this.ticks = new TreeMap<>(PovmException.requirePresent(ticks, "ticks", "an object of MSP id to time"));
    }

    /** @return MSP id to that org's latest tick, sorted by MSP id */
    public SortedMap<String, String> ticks() {
        return new TreeMap<>(ticks);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ClockTicks && ticks.equals(((ClockTicks) other).ticks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticks);
    }

    @Override
    public String toString() {
        return "ClockTicks" + ticks;
    }
}
