// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Sha256;
import io.povm.api.WorkerRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpotCheckTest {
    private static WorkerRecord streak(final int agreements) {
        WorkerRecord record = WorkerRecord.empty("Org1MSP/w1");
        for (int i = 0; i < agreements; i++) {
            record = record.withAgreement();
        }
        return record;
    }

    private static byte[] seed(final int i) {
        return Sha256.hash(("spot-" + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_worker_without_a_long_run_of_agreements_is_always_checked() {
        final WorkerRecord nine = streak(9);
        for (int i = 0; i < 1000; i++) {
            assertThat(SpotCheck.skipped(nine, seed(i))).isFalse();
        }
        assertThat(SpotCheck.skipped(streak(20).withDisagreement(), seed(0))).isFalse();
    }

    @Test
    void a_trusted_worker_is_checked_with_probability_one_over_its_streak() {
        final WorkerRecord ten = streak(10);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            if (!SpotCheck.skipped(ten, seed(i))) {
                checked++;
            }
        }
        assertThat(checked / 20_000.0).isBetween(0.09, 0.11);
    }
}
