// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Sha256;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splitting stdout into checkpoint payloads and the result. */
class CheckpointLogTest {
    private static final String STATE = "301b463cbb339e19f7ed6d9510c847ef28566e92872297aaf33b856da5916bfb";

    private static CheckpointLog parse(final String stdout) {
        return CheckpointLog.parse(stdout.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void the_documented_coin_flip_example_has_three_checkpoints_and_a_pinned_root() {
        final CheckpointLog log = parse("POVM-CHECKPOINT {\"flips\":8,\"streak\":0,\"state\":\"" + STATE + "\"}\n"
                + "POVM-CHECKPOINT {\"flips\":16,\"streak\":0,\"state\":\"" + STATE + "\"}\n"
                + "POVM-CHECKPOINT {\"flips\":24,\"streak\":0,\"state\":\"" + STATE + "\"}\n"
                + "{\"seed\":\"povm\",\"k\":4,\"flips\":30}\n");

        assertThat(log.count()).isEqualTo(3);
        assertThat(text(log.payloads().get(0))).isEqualTo("{\"flips\":8,\"streak\":0,\"state\":\"" + STATE + "\"}");
        assertThat(log.rootHex()).isEqualTo("c58d5ff39a3f7995365e3932e767d7ed87137605d1cc025364a4067660512d23");
        assertThat(text(log.result())).isEqualTo("{\"seed\":\"povm\",\"k\":4,\"flips\":30}\n");
    }

    @Test
    void leaf_values_are_the_sha256_of_each_payload() {
        final CheckpointLog log = parse("POVM-CHECKPOINT abc\n");

        assertThat(Sha256.hex(log.leafValues().get(0)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void no_checkpoints_give_the_empty_root_and_keep_stdout_as_the_result() {
        final CheckpointLog log = parse("42\n");

        assertThat(log.count()).isZero();
        assertThat(log.rootHex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(text(log.result())).isEqualTo("42\n");
    }

    @Test
    void only_whole_lines_that_start_with_the_marker_are_checkpoints() {
        final CheckpointLog log =
                parse("x POVM-CHECKPOINT 1\nPOVM-CHECKPOINT 2\nPOVM-CHECKPOINT\nresult\nPOVM-CHECKPOINT 3");

        assertThat(log.payloads()).extracting(CheckpointLogTest::text).containsExactly("2");
        assertThat(text(log.result())).isEqualTo("x POVM-CHECKPOINT 1\nPOVM-CHECKPOINT\nresult\nPOVM-CHECKPOINT 3");
    }

    @Test
    void an_empty_payload_is_a_checkpoint_too() {
        assertThat(parse("POVM-CHECKPOINT \n").count()).isEqualTo(1);
    }
}
