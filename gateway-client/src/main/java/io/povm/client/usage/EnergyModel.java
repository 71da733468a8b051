// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * The energy and CO₂ of CPU time: a model, not a measurement. CPU-seconds × an assumed power per busy core gives
 * joules; watt-hours × an assumed carbon intensity of electricity gives grams of CO₂. Both assumptions travel with
 * their sources, so that a reader can redo the sums with their own machine's and grid's figures.
 *
 * <pre>{@code
 * EnergyModel model = EnergyModel.of(10, 480); // the defaults, with their cited sources
 * model.joules(90_000);   // 900.0: 90 CPU-s at 10 W
 * model.gramsCo2(90_000); // 0.12: 0.25 Wh at 480 g/kWh
 * }</pre>
 *
 * @param wattsPerCore the power of one fully busy core, in watts
 * @param wattsSource where that figure comes from
 * @param gramsCo2PerKwh the carbon intensity of the electricity, in grams of CO₂ per kWh
 * @param gramsCo2Source where that figure comes from
 */
@JsonPropertyOrder({"wattsPerCore", "wattsSource", "gramsCo2PerKwh", "gramsCo2Source"})
public record EnergyModel(
        @JsonProperty("wattsPerCore") double wattsPerCore,
        @JsonProperty("wattsSource") String wattsSource,
        @JsonProperty("gramsCo2PerKwh") double gramsCo2PerKwh,
        @JsonProperty("gramsCo2Source") String gramsCo2Source) {
    /** The power of a busy core assumed unless told otherwise: a modest server core under load. */
    public static final double DEFAULT_WATTS_PER_CORE = 10;

    /** Where {@link #DEFAULT_WATTS_PER_CORE} comes from. */
    public static final String DEFAULT_WATTS_SOURCE =
            "assumed 10 W per busy core, the demo's figure (scripts/demo.sh); an estimate, not measured here";

    /** The carbon intensity assumed unless told otherwise: the world's average electricity of 2023. */
    public static final double DEFAULT_GRAMS_CO2_PER_KWH = 480;

    /** Where {@link #DEFAULT_GRAMS_CO2_PER_KWH} comes from. */
    public static final String DEFAULT_GRAMS_CO2_SOURCE =
            "480 gCO2/kWh, world average electricity of 2023 (Ember, Global Electricity Review 2024)";

    /** The defaults, with their sources. */
    public static final EnergyModel DEFAULT = of(DEFAULT_WATTS_PER_CORE, DEFAULT_GRAMS_CO2_PER_KWH);

    private static final double MILLIS_PER_HOUR = 3_600_000;
    private static final double WH_PER_KWH = 1000;

    public EnergyModel {
        if (!(Double.isFinite(wattsPerCore) && wattsPerCore > 0)) {
            throw new IllegalArgumentException("wattsPerCore is " + wattsPerCore + "; must be more than 0");
        }
        if (!(Double.isFinite(gramsCo2PerKwh) && gramsCo2PerKwh >= 0)) {
            throw new IllegalArgumentException("gramsCo2PerKwh is " + gramsCo2PerKwh + "; must be 0 or more");
        }
        Objects.requireNonNull(wattsSource, "wattsSource");
        Objects.requireNonNull(gramsCo2Source, "gramsCo2Source");
    }

    /**
     * @return the model at these figures: a default figure with its cited source, any other as given by the options
     *     {@code --watts-per-core} and {@code --grams-co2-per-kwh} of {@code povm job sweep} and {@code povm dashboard}
     */
    public static EnergyModel of(final double wattsPerCore, final double gramsCo2PerKwh) {
        return new EnergyModel(
                wattsPerCore,
                wattsPerCore == DEFAULT_WATTS_PER_CORE
                        ? DEFAULT_WATTS_SOURCE
                        : "given: --watts-per-core " + number(wattsPerCore),
                gramsCo2PerKwh,
                gramsCo2PerKwh == DEFAULT_GRAMS_CO2_PER_KWH
                        ? DEFAULT_GRAMS_CO2_SOURCE
                        : "given: --grams-co2-per-kwh " + number(gramsCo2PerKwh));
    }

    /** @return the energy of {@code cpuMillis} of busy cores, in joules (watt-seconds) */
    public double joules(final long cpuMillis) {
        return cpuMillis / 1000.0 * wattsPerCore;
    }

    /** @return the energy of {@code cpuMillis} of busy cores, in watt-hours */
    public double wattHours(final long cpuMillis) {
        return cpuMillis * wattsPerCore / MILLIS_PER_HOUR;
    }

    /** @return the CO₂ emitted for the energy of {@code cpuMillis} of busy cores, in grams */
    public double gramsCo2(final long cpuMillis) {
        // one division last, so that round figures stay round (3,240 CPU-s at 10 W and 480 g/kWh: 4.32 g)
        return cpuMillis * wattsPerCore * gramsCo2PerKwh / (MILLIS_PER_HOUR * WH_PER_KWH);
    }

    private static String number(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
