// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ReplicaResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InlineTextTest {
    @Test
    void short_valid_text_travels_inline() {
        assertThat(InlineText.of("{\"flips\":14}\n".getBytes(StandardCharsets.UTF_8)))
                .contains("{\"flips\":14}\n");
    }

    @Test
    void invalid_utf8_and_long_results_travel_by_hash_only() {
        assertThat(InlineText.of(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty();
        assertThat(InlineText.of(new byte[ReplicaResult.MAX_INLINE_OUTPUT_BYTES + 1]))
                .isEmpty();
    }

    @Test
    void a_result_holding_the_replacement_character_travels_by_hash_since_the_chaincode_refuses_it_inline() {
        assertThat(InlineText.of("flips \uFFFD".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
