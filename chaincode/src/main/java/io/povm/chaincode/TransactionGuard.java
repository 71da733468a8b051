// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Quote;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The contract boundary: runs a transaction body and turns every failure into a {@link ChaincodeException} whose
 * message is {@code CODE [field] reason} and whose payload is the {@link PovmError} JSON. Unexpected failures
 * become {@link ErrorCode#INTERNAL} with a generic message; their cause goes to the log, never to the caller.
 */
public final class TransactionGuard {
    private static final Logger LOG = Logger.getLogger(TransactionGuard.class.getName());

    private TransactionGuard() {}

    public static String run(final String transaction, final String txId, final Supplier<String> body) {
        try {
            return body.get();
        } catch (PovmException e) {
            throw toChaincodeException(e.error());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> transaction + " failed unexpectedly in transaction " + txId);
            throw toChaincodeException(new PovmError(
                    ErrorCode.INTERNAL,
                    PovmError.NO_FIELD,
                    transaction + " failed inside the chaincode; its log has the details (tx " + txId + ")"));
        }
    }

    /**
     * @return the exception the shim turns into the transaction's error; a lone surrogate or U+FFFD that a message
     *     quotes is escaped ({@link Quote#storable}), since clients read the payload with the same strict reader
     */
    public static ChaincodeException toChaincodeException(final PovmError error) {
        final PovmError readable =
                new PovmError(error.code(), Quote.storable(error.field()), Quote.storable(error.reason()));
        return new ChaincodeException(readable.toMessage(), PovmJson.writeBytes(readable));
    }
}
