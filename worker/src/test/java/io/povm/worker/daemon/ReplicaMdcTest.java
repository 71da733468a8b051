// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.worker.journal.ReplicaId;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ReplicaMdcTest {
    @Test
    void sets_job_and_replica_while_open_and_removes_them_after() {
        try (ReplicaMdc mdc = ReplicaMdc.of(ReplicaId.of("job-a", 2))) {
            assertThat(MDC.get("job")).isEqualTo("job-a");
            assertThat(MDC.get("replica")).isEqualTo("2");
        }
        assertThat(MDC.get("job")).isNull();
        assertThat(MDC.get("replica")).isNull();
    }
}
