// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call through the povm client failed, sorted by what the caller can do about it: the {@link Kind} decides
 * the reaction (the command line maps it to an exit code), the message is one line a user can act on, and
 * {@link #hint()} optionally says what to try next.
 *
 * <p>Unchecked on purpose: every client call can fail in the same few ways, callers handle them all at one
 * boundary (a command, the worker's loop) by switching on {@link #kind()}, and a checked exception would have to be
 * wrapped in every lambda that reads the ledger. The {@code io.povm.api.PovmException} it complements is unchecked
 * for the same reason.
 */
public final class PovmClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, from the caller's point of view. */
    public enum Kind {
        /** The chaincode (or the local check that mirrors it) refused the request; {@link #error()} says why. */
        REJECTED,
        /** The peer could not be reached or did not answer in time. */
        UNAVAILABLE,
        /** The connection profile, the certificate or the private key cannot be used. */
        IDENTITY,
        /** The transaction was ordered but the peers marked it invalid; the message names the validation code. */
        COMMIT_FAILED,
        /** Anything else: a fault in the client, the peer or the chaincode. */
        INTERNAL
    }

    private final Kind kind;
    private final transient PovmError error;
    private final String hint;
    private final String transactionId;

    private PovmClientException(
            final Kind kind,
            final String message,
            final PovmError error,
            final String hint,
            final String transactionId,
            final Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.error = error;
        this.hint = hint;
        this.transactionId = transactionId;
    }

    /** The chaincode refused the request with {@code error}. */
    public static PovmClientException rejected(final PovmError error, final Throwable cause) {
        Objects.requireNonNull(error, "error");
        return new PovmClientException(Kind.REJECTED, error.toMessage(), error, null, null, cause);
    }

    /** The peer at an endpoint did not answer. */
    public static PovmClientException unavailable(final String message, final String hint, final Throwable cause) {
        return new PovmClientException(Kind.UNAVAILABLE, message, null, hint, null, cause);
    }

    /** The profile or the identity it names is unusable; the message names the file. */
    public static PovmClientException identity(final String message, final String hint, final Throwable cause) {
        return new PovmClientException(Kind.IDENTITY, message, null, hint, null, cause);
    }

    /** A transaction was invalidated at commit. */
    public static PovmClientException commitFailed(
            final String message, final String transactionId, final String hint, final Throwable cause) {
        return new PovmClientException(Kind.COMMIT_FAILED, message, null, hint, transactionId, cause);
    }

    /** Anything the caller cannot fix by changing the input, the identity or the network. */
    public static PovmClientException internal(final String message, final Throwable cause) {
        return new PovmClientException(Kind.INTERNAL, message, null, null, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** @return the chaincode's error for {@link Kind#REJECTED}; empty for the other kinds */
    public Optional<PovmError> error() {
        return Optional.ofNullable(error);
    }

    /** @return the code of {@link #error()}, if any */
    public Optional<ErrorCode> errorCode() {
        return error().map(PovmError::code);
    }

    /** @return what to try next, one line, when there is something useful to say */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** @return the transaction concerned, when the failure is about one transaction */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }
}
