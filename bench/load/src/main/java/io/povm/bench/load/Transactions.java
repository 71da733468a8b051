// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;

/**
 * Sends one transaction and names how it ended, without retrying: the Fabric validation code from the transaction's
 * commit status ({@code VALID}, {@code MVCC_READ_CONFLICT}, {@code PHANTOM_READ_CONFLICT}, ...), or the step that
 * failed before a commit status existed.
 */
public final class Transactions {
    public static final String ENDORSE_FAILED = "ENDORSE_FAILED";
    public static final String SUBMIT_FAILED = "SUBMIT_FAILED";
    public static final String COMMIT_STATUS_FAILED = "COMMIT_STATUS_FAILED";
    public static final String EVALUATE_FAILED = "EVALUATE_FAILED";

    private Transactions() {}

    /** Endorses, submits and waits for the commit status of {@code name(args)}. */
    public static String submit(final Contract contract, final String name, final String... args) {
        final SubmittedTransaction submitted;
        try {
            submitted = contract.newProposal(name)
                    .addArguments(args)
                    .build()
                    .endorse()
                    .submitAsync();
        } catch (EndorseException e) {
            return ENDORSE_FAILED + reason(e);
        } catch (SubmitException e) {
            return SUBMIT_FAILED;
        }
        try {
            final Status status = submitted.getStatus();
            return status.getCode().name();
        } catch (CommitStatusException e) {
            return COMMIT_STATUS_FAILED;
        }
    }

    /**
     * @return {@code :CODE}: the povm error code the first peer's refusal starts with ({@code INSUFFICIENT_FUNDS
     *     [..]}), {@code :PAYLOADS_MISMATCH} when the endorsers' results differed, else the gRPC status code
     */
    static String reason(final GatewayException e) {
        final String text = e.getDetails().isEmpty()
                ? String.valueOf(e.getMessage())
                : e.getDetails().get(0).getMessage();
        final java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("\\b([A-Z][A-Z_]{3,}) \\[").matcher(text);
        if (code.find()) {
            return ":" + code.group(1);
        }
        if (text.contains("ProposalResponsePayloads do not match")) {
            // the endorsing peers simulated against different ledger heights: a key changed between them
            return ":PAYLOADS_MISMATCH";
        }
        return ":" + e.getStatus().getCode().name();
    }

    /** Evaluates {@code name(args)} on the client's own peer. */
    public static String evaluate(final Contract contract, final String name, final String... args) {
        try {
            contract.evaluateTransaction(name, args);
            return Outcome.VALID;
        } catch (GatewayException e) {
            return EVALUATE_FAILED;
        }
    }

    /** Evaluates {@code name(args)} and fails unless the peer answers: for a workload's set-up. */
    public static byte[] evaluateOrFail(final Contract contract, final String name, final String... args) {
        try {
            return contract.evaluateTransaction(name, args);
        } catch (GatewayException e) {
            throw new IllegalStateException("set-up read " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Submits {@code name(args)} and fails unless it commits VALID: for the set-up a read workload needs. */
    public static byte[] submitOrFail(final Contract contract, final String name, final String... args) {
        try {
            return contract.submitTransaction(name, args);
        } catch (GatewayException | org.hyperledger.fabric.client.CommitException e) {
            throw new IllegalStateException("set-up transaction " + name + " failed: " + e.getMessage(), e);
        }
    }
}
