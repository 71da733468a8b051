// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.worker.WorkerClient;
import java.util.Objects;

/**
 * A {@link WorkerClient}, the MSP id of the identity it connects as, and whatever must be closed after it.
 *
 * @param workers the client a command uses
 * @param mspId the profile's MSP id: a bare worker name on the command line means a worker of this org
 * @param onClose run once when the command is done
 */
public record WorkerSession(WorkerClient workers, String mspId, Runnable onClose) implements AutoCloseable {
    public WorkerSession {
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
