// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.client.usage.CpuSnapshot;
import io.povm.client.usage.EnergyModel;
import io.povm.client.usage.ProcessCpu;
import io.povm.client.usage.UsefulWork;
import io.povm.client.usage.UsefulWorkMeter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsefulWorkApiTest {
    private final UsefulWorkMeter meter = mock(UsefulWorkMeter.class);

    private static UsefulWorkMeter.Measurement measured(final EnergyModel model) {
        // 360 CPU-s of customer jobs (1 Wh at 10 W) against 3,240 of the network (9 Wh)
        final CpuSnapshot processes = new CpuSnapshot(Map.of(
                "org1-peer", new ProcessCpu(42, 2_000_000),
                "orderer1", new ProcessCpu(7, 1_240_000)));
        return new UsefulWorkMeter.Measurement(
                2, 6, processes, UsefulWork.of(360_000, CpuSnapshot.NONE, processes, model));
    }

    @Test
    void answers_the_useful_share_energy_and_co2_of_useful_work_and_overhead_with_the_model_and_its_sources() {
        when(meter.measure()).thenReturn(measured(EnergyModel.DEFAULT));

        final ApiResponse response = new UsefulWorkApi(meter).handle(ApiRequest.get(""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.write(response.body()))
                .isEqualTo("{\"jobs\":2,\"replicas\":6,\"work\":{"
                        + "\"usefulCpuMillis\":360000,\"overheadCpuMillis\":3240000,\"usefulShare\":0.1,"
                        + "\"usefulJoules\":3600.0,\"overheadJoules\":32400.0,"
                        + "\"usefulGramsCo2\":0.48,\"overheadGramsCo2\":4.32,"
                        + "\"energyModel\":{\"wattsPerCore\":10.0,\"wattsSource\":\"" + EnergyModel.DEFAULT_WATTS_SOURCE
                        + "\",\"gramsCo2PerKwh\":480.0,\"gramsCo2Source\":\"" + EnergyModel.DEFAULT_GRAMS_CO2_SOURCE
                        + "\"},\"overheadByProcess\":{\"orderer1\":1240000,\"org1-peer\":2000000}},"
                        + "\"processes\":[{\"name\":\"orderer1\",\"pid\":7,\"cpuMillis\":1240000},"
                        + "{\"name\":\"org1-peer\",\"pid\":42,\"cpuMillis\":2000000}]}");
    }

    @Test
    void the_model_given_to_the_dashboard_is_the_one_its_figures_use() {
        when(meter.measure()).thenReturn(measured(EnergyModel.of(20, 0)));

        final var work =
                new UsefulWorkApi(meter).handle(ApiRequest.get("")).body().get("work");

        assertThat(work.get("usefulJoules").asDouble()).isEqualTo(7200.0);
        assertThat(work.get("overheadGramsCo2").asDouble()).isZero();
        assertThat(work.get("energyModel").get("wattsSource").asText()).isEqualTo("given: --watts-per-core 20");
    }

    @Test
    void answers_only_get() {
        assertThat(new UsefulWorkApi(meter).handle(ApiRequest.post("", "{}")).status())
                .isEqualTo(405);
    }
}
