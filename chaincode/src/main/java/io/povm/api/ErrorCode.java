// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * What kind of error a povm transaction reported. Shared by the chaincode, which raises them, and by the
 * client, which maps them to exit codes and messages. The wire form is {@code CODE [field] reason}, see
 * {@link PovmError}.
 */
public enum ErrorCode {
    /** The input is malformed or breaks a rule; the field names what to fix and the reason what is accepted. */
    INVALID_ARGUMENT,
    /** An object with this id already exists with different content or a different owner; choose another id. */
    DUPLICATE_ID,
    /** No object with this id exists on the ledger. */
    NOT_FOUND,
    /** The caller's identity may not perform this transaction; the reason names the rule. */
    FORBIDDEN,
    /**
     * The object exists but its current state does not allow the operation (e.g. cancelling an assigned job,
     * referencing an SLA that is not active); the reason names the state and what is allowed.
     */
    INVALID_STATE,
    /**
     * The paying account holds fewer credits than the operation needs (e.g. a job's escrow); the reason gives the
     * balance, the amount needed and how to get credits.
     */
    INSUFFICIENT_FUNDS,
    /** A fault inside the chaincode, not caused by the input; the chaincode log holds the details. */
    INTERNAL
}
