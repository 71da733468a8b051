// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.job.JobClient;
import java.util.Objects;

/**
 * A {@link JobClient} and whatever must be closed after it, usually the gateway connection.
 *
 * @param jobs the client a command uses
 * @param onClose run once when the command is done
 */
public record JobSession(JobClient jobs, Runnable onClose) implements AutoCloseable {
    public JobSession {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
