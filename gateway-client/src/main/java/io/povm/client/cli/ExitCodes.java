// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.ErrorCode;
import io.povm.client.PovmClientException;

/** The exit codes of {@code povm}, for scripts; the table in {@link PovmCli}'s help must match. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int REJECTED = 3;
    static final int NOT_FOUND = 4;
    static final int UNAVAILABLE = 5;
    static final int IDENTITY = 6;
    /** {@code povm attestation verify}: an attestation, the stored attestations or the verdict do not check. */
    static final int NOT_VERIFIED = 7;
    /** {@code povm job watch}: the job settled without a result (FAILED, CANCELLED or EXPIRED). */
    static final int JOB_UNSUCCESSFUL = 8;
    /** {@code povm job watch --timeout}: the time ran out before the job settled. */
    static final int TIMEOUT = 9;
    /** {@code povm network ...}, {@code povm worker start}: the script failed or cannot be found. */
    static final int SCRIPT_FAILED = 10;

    private ExitCodes() {}

    static int of(final PovmClientException e) {
        switch (e.kind()) {
            case REJECTED:
                return e.errorCode().map(ExitCodes::of).orElse(REJECTED);
            case UNAVAILABLE:
                return UNAVAILABLE;
            case IDENTITY:
                return IDENTITY;
            case COMMIT_FAILED:
            case INTERNAL:
            default:
                return INTERNAL;
        }
    }

    private static int of(final ErrorCode code) {
        switch (code) {
            case NOT_FOUND:
                return NOT_FOUND;
            case INTERNAL:
                return INTERNAL;
            case INVALID_ARGUMENT:
            case DUPLICATE_ID:
            case FORBIDDEN:
            case INVALID_STATE:
            default:
                return REJECTED;
        }
    }
}
