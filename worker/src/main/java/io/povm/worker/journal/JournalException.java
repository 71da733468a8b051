// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import java.util.Objects;

/** The report journal could not be used; {@link #code()} says why, the message says where. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the journal failed. */
    public enum Code {
        /** Reading, writing or syncing the file failed; the journal refuses further writes. */
        IO,
        /** Another process (or another open journal in this one) holds the file: two daemons share a data dir. */
        LOCKED,
        /** A complete line in the middle of the file cannot be read: not a crash artefact, needs a human. */
        CORRUPT,
        /** The transition is not allowed from the replica's current stage (e.g. REPORTED twice). */
        ILLEGAL_TRANSITION,
        /** The replica was never accepted by this worker. */
        UNKNOWN_REPLICA,
        /** A result payload that is not JSON. */
        INVALID_RESULT
    }

    private final Code code;

    JournalException(final Code code, final String message) {
        this(code, message, null);
    }

    JournalException(final Code code, final String message, final Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
