// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.usage.EnergyModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The energy model's options, {@code --watts-per-core} and {@code --grams-co2-per-kwh}: declared and checked in one
 * place, mixed into every command that prints energy ({@code povm job sweep}, {@code povm dashboard}).
 */
final class EnergyOptions {
    @Option(
            names = "--watts-per-core",
            paramLabel = "W",
            description = "Energy model: power of a busy core (default: ${DEFAULT-VALUE}).")
    private double wattsPerCore = EnergyModel.DEFAULT_WATTS_PER_CORE;

    @Option(
            names = "--grams-co2-per-kwh",
            paramLabel = "G",
            description = "Energy model: carbon intensity of electricity (default: ${DEFAULT-VALUE}, the world"
                    + " average of 2023).")
    private double gramsCo2PerKwh = EnergyModel.DEFAULT_GRAMS_CO2_PER_KWH;

    /**
     * @param spec the command the options were given to, for the usage error
     * @return the model at the given figures
     * @throws ParameterException when the power is not a finite number more than 0 or the carbon intensity not a
     *     finite number of 0 or more
     */
    EnergyModel model(final CommandSpec spec) {
        if (!(Double.isFinite(wattsPerCore) && wattsPerCore > 0)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--watts-per-core is " + wattsPerCore + "; must be a finite number more than 0");
        }
        if (!(Double.isFinite(gramsCo2PerKwh) && gramsCo2PerKwh >= 0)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--grams-co2-per-kwh is " + gramsCo2PerKwh + "; must be a finite number of 0 or more");
        }
        return EnergyModel.of(wattsPerCore, gramsCo2PerKwh);
    }
}
