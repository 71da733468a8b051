package io.povm.client.cli;

import io.povm.client.usage.EnergyModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The energy model's options, {@code --watts-per-core} and {@code --grams-co2-per-kwh}, checked in one place. */
final class EnergyOptions {
    private EnergyOptions() {}

    /**
     * @return the model at these figures
     * @throws ParameterException when the power is not a finite number more than 0 or the carbon intensity not a
     *     finite number of 0 or more
     */
    static EnergyModel model(final CommandSpec spec, final double wattsPerCore, final double gramsCo2PerKwh) {
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
