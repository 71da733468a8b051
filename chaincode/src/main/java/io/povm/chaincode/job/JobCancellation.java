// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.KeyText;
import io.povm.api.PovmException;
import io.povm.api.PovmTransactions;
import io.povm.api.Submitter;
import java.util.Objects;
import java.util.Optional;

/**
 * The submitter withdrawing a job: only the identity that submitted it (same MSP, same Fabric id), and only while
 * {@link JobLifecycle} allows {@link JobEvent#CANCEL} (in {@code SUBMITTED}, before any worker is assigned).
 */
public final class JobCancellation {
    private JobCancellation() {}

    /**
     * @param reason the caller's reason: at most {@value PovmTransactions#MAX_REASON_CHARS} characters on one line;
     *     null or empty for none
     * @return the reason, or empty when none was given
     * @throws PovmException INVALID_ARGUMENT [reason] when too long or holding control characters
     */
    public static Optional<String> reason(final String reason) {
        if (reason == null || reason.isEmpty()) {
            return Optional.empty();
        }
        if (reason.length() > PovmTransactions.MAX_REASON_CHARS) {
            throw PovmException.invalid(
                    "reason",
                    "has " + reason.length() + " chars; at most " + PovmTransactions.MAX_REASON_CHARS + " accepted");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw PovmException.invalid("reason", "must be one line of text without control characters");
        }
        return Optional.of(KeyText.requireStorable(reason, "reason"));
    }

    /**
     * @param caller who signed the cancelling transaction
     * @param at the transaction timestamp, ISO-8601 UTC with milliseconds
     * @return the cancelled job, with the reason and time recorded
     * @throws PovmException FORBIDDEN [caller] when the caller did not submit the job; INVALID_STATE [state] when
     *     the job is no longer SUBMITTED
     */
    public static Job cancel(final Job job, final Submitter caller, final Optional<String> reason, final String at) {
        Objects.requireNonNull(caller, "caller");
        if (!job.submitter().equals(caller)) {
            throw PovmException.forbidden(
                    "caller",
                    PovmTransactions.CANCEL_JOB + " is allowed only to the job's submitter (same MSP and identity):"
                            + " job '" + job.id() + "' was submitted by " + describe(job.submitter()) + "; caller is "
                            + describe(caller));
        }
        return JobLifecycle.apply(job, JobEvent.CANCEL, at, reason);
    }

    private static String describe(final Submitter submitter) {
        return submitter.msp() + " " + submitter.id();
    }
}
