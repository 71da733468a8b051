// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

/** A request the dashboard refuses before anything reaches the ledger: HTTP 400 with this message. */
final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequestException(final String message) {
        super(message);
    }
}
