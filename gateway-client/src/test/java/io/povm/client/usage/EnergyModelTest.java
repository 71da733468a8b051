// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.povm.api.PovmJson;
import org.junit.jupiter.api.Test;

class EnergyModelTest {
    @Test
    void the_defaults_are_10_watts_per_busy_core_and_480_grams_per_kilowatt_hour_with_their_sources() {
        assertThat(EnergyModel.DEFAULT.wattsPerCore()).isEqualTo(10.0);
        assertThat(EnergyModel.DEFAULT.gramsCo2PerKwh()).isEqualTo(480.0);
        assertThat(EnergyModel.DEFAULT.wattsSource()).contains("assumed 10 W per busy core");
        assertThat(EnergyModel.DEFAULT.gramsCo2Source()).contains("Ember, Global Electricity Review 2024");
    }

    @Test
    void given_figures_name_the_option_that_gave_them_and_the_default_keeps_its_source() {
        final EnergyModel model = EnergyModel.of(20, 56.5);

        assertThat(model.wattsSource()).isEqualTo("given: --watts-per-core 20");
        assertThat(model.gramsCo2Source()).isEqualTo("given: --grams-co2-per-kwh 56.5");
        assertThat(EnergyModel.of(10, 480)).isEqualTo(EnergyModel.DEFAULT);
    }

    @Test
    void an_hour_of_one_busy_core_is_its_watts_in_watt_hours_and_their_share_of_a_kilowatt_hours_co2() {
        final long hour = 3_600_000;

        assertThat(EnergyModel.DEFAULT.joules(hour)).isEqualTo(36_000.0);
        assertThat(EnergyModel.DEFAULT.wattHours(hour)).isCloseTo(10.0, within(1e-12));
        assertThat(EnergyModel.DEFAULT.gramsCo2(hour)).isCloseTo(4.8, within(1e-12));
        assertThat(EnergyModel.of(10, 0).gramsCo2(hour)).isZero();
    }

    @Test
    void rejects_no_power_and_a_negative_or_infinite_carbon_intensity() {
        assertThatThrownBy(() -> EnergyModel.of(0, 480)).hasMessageContaining("wattsPerCore is 0.0; must be more");
        assertThatThrownBy(() -> EnergyModel.of(Double.NaN, 480)).hasMessageContaining("wattsPerCore is NaN");
        assertThatThrownBy(() -> EnergyModel.of(10, -1)).hasMessageContaining("gramsCo2PerKwh is -1.0");
        assertThatThrownBy(() -> EnergyModel.of(10, Double.POSITIVE_INFINITY)).hasMessageContaining("0 or more");
    }

    @Test
    void its_json_states_both_figures_with_their_sources_in_a_fixed_order() {
        assertThat(PovmJson.write(EnergyModel.of(20, 100)))
                .isEqualTo("{\"wattsPerCore\":20.0,\"wattsSource\":\"given: --watts-per-core 20\","
                        + "\"gramsCo2PerKwh\":100.0,\"gramsCo2Source\":\"given: --grams-co2-per-kwh 100\"}");
    }
}
