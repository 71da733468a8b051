// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.ContainerRun;
import io.povm.worker.sandbox.SandboxPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Job outcomes for tests outside this package, as the runner would return them. */
public final class Outcomes {
    private Outcomes() {}

    /** @return a run that exited 0 after printing {@code stdout} (checkpoint lines included) */
    public static JobOutcome succeeded(final String stdout) {
        final ContainerRun run = ContainerRun.builder()
                .wallTime(Duration.ofMillis(812))
                .stdout(stdout)
                .build();
        return JobOutcome.ran(
                GateDecision.accepted("sha256:" + "1".repeat(64)),
                Measurements.of(run, SandboxPolicy.defaults()),
                CheckpointLog.parse(stdout.getBytes(StandardCharsets.UTF_8)));
    }
}
