// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.credit.CreditClient;
import java.util.Objects;

/**
 * A {@link CreditClient} and whatever must be closed after it, usually the gateway connection.
 *
 * @param credits the client a {@code credit} command uses
 * @param onClose run once when the command is done
 */
public record CreditSession(CreditClient credits, Runnable onClose) implements AutoCloseable {
    public CreditSession {
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
