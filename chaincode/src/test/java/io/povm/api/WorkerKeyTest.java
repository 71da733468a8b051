// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerKeyTest {

    @Test
    void reads_msp_slash_name() {
        final WorkerKey key = WorkerKey.parse("Org1MSP/w1", "workerKey");

        assertThat(key.msp()).isEqualTo("Org1MSP");
        assertThat(key.name()).isEqualTo("w1");
        assertThat(key).hasToString("Org1MSP/w1").isEqualTo(WorkerKey.of("Org1MSP", "w1"));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"", "w1", "/w1", "Org1MSP/", "Org1MSP/w/1", "Org 1/w1", "Org1MSP/-w1", "Org1MSP/w1 "})
    void rejects_anything_else_naming_the_field_and_the_form(final String text) {
        final PovmException e = catchThrowableOfType(PovmException.class, () -> WorkerKey.parse(text, "workerKey"));

        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.error().field()).isEqualTo("workerKey");
        assertThat(e.error().reason()).contains("MSP/NAME, e.g. Org1MSP/w1");
    }

    @Test
    void orders_by_msp_then_name() {
        assertThat(WorkerKey.of("Org1MSP", "z")).isLessThan(WorkerKey.of("Org2MSP", "a"));
        assertThat(WorkerKey.of("Org1MSP", "a")).isLessThan(WorkerKey.of("Org1MSP", "b"));
    }
}
