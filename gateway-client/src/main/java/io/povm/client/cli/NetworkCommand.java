// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import java.util.Optional;

/**
 * What {@link ErrorReporter} asks of a command that talks to the network: whether {@code --debug} is on, and what
 * to suggest for a chaincode error in this command's terms.
 */
interface NetworkCommand {
    boolean debug();

    /** @return a hint for this error code, or empty for the reporter's general one */
    default Optional<String> hint(final ErrorCode code) {
        return Optional.empty();
    }
}
