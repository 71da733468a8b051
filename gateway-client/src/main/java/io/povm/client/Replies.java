// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import java.util.function.Supplier;

/**
 * What every typed client does around a chaincode call: run the chaincode's own checks locally first (a failure is
 * {@link PovmClientException.Kind#REJECTED}, exactly as the chaincode would report it), and read the chaincode's
 * JSON answer (an unreadable one is {@link PovmClientException.Kind#INTERNAL}).
 */
public final class Replies {
    private Replies() {}

    /**
     * @return the value of a local check
     * @throws PovmClientException REJECTED with the check's error
     */
    public static <T> T checked(final Supplier<T> check) {
        try {
            return check.get();
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    /**
     * @param transaction the transaction that answered, named in the error
     * @throws PovmClientException INTERNAL when the answer is not a valid {@code type}
     */
    public static <T> T read(final String json, final Class<T> type, final String transaction) {
        try {
            return PovmJson.read(json, type);
        } catch (PovmException e) {
            throw PovmClientException.internal(
                    "unexpected " + transaction + " response from the chaincode: " + e.getMessage(), e);
        }
    }
}
