// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.sla.SlaClient;
import java.util.Objects;

/**
 * An {@link SlaClient} and whatever must be closed after it, usually the gateway connection.
 *
 * @param slas the client an {@code sla} command uses
 * @param onClose run once when the command is done
 */
public record SlaSession(SlaClient slas, Runnable onClose) implements AutoCloseable {
    public SlaSession {
        Objects.requireNonNull(slas, "slas");
        Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
