// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Objects;

/**
 * The one exception povm code throws for errors a user can act on. It carries a {@link PovmError}; its message is
 * {@link PovmError#toMessage()}. The chaincode turns it into the transaction's error response at the contract
 * boundary.
 */
public class PovmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final PovmError error;

    public PovmException(final PovmError error) {
        super(Objects.requireNonNull(error, "error").toMessage());
        this.error = error;
    }

    public PovmException(final PovmError error, final Throwable cause) {
        super(Objects.requireNonNull(error, "error").toMessage(), cause);
        this.error = error;
    }

    public PovmError error() {
        return error;
    }

    public static PovmException invalid(final String field, final String reason) {
        return of(ErrorCode.INVALID_ARGUMENT, field, reason);
    }

    public static PovmException duplicate(final String field, final String reason) {
        return of(ErrorCode.DUPLICATE_ID, field, reason);
    }

    public static PovmException notFound(final String field, final String reason) {
        return of(ErrorCode.NOT_FOUND, field, reason);
    }

    public static PovmException forbidden(final String field, final String reason) {
        return of(ErrorCode.FORBIDDEN, field, reason);
    }

    public static PovmException internal(final String reason) {
        return of(ErrorCode.INTERNAL, PovmError.NO_FIELD, reason);
    }

    /**
     * Rejects a missing required value by the field's name.
     *
     * @return the value when present
     * @throws PovmException INVALID_ARGUMENT {@code [field] required; <accepted>}
     */
    public static <T> T requirePresent(final T value, final String field, final String accepted) {
        if (value == null) {
            throw invalid(field, "required; " + accepted);
        }
        return value;
    }

    private static PovmException of(final ErrorCode code, final String field, final String reason) {
        return new PovmException(new PovmError(code, field, reason));
    }
}
