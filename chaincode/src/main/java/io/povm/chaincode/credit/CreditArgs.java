// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditTransactions;
import io.povm.api.KeyText;
import io.povm.api.Members;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks of the credit transactions' text arguments, each naming its field and what it accepts. */
final class CreditArgs {
    private static final Pattern MSP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern MINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,15}");
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern LOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** The largest transfer: 10^15 credits. */
    static final long MAX_TRANSFER = 1_000_000_000_000_000L;

    private CreditArgs() {}

    /** @return the named account, or the caller when both are {@code ""} */
    static Submitter accountOrCaller(final String msp, final String fabricId, final Submitter caller) {
        if ((msp == null || msp.isEmpty()) && (fabricId == null || fabricId.isEmpty())) {
            return caller;
        }
        return account(msp, fabricId);
    }

    /** @return the account named by MSP id and Fabric id, both required */
    static Submitter account(final String msp, final String fabricId) {
        if (msp == null || !MSP.matcher(msp).matches()) {
            throw PovmException.invalid(
                    "msp",
                    "must be an MSP id such as Org1MSP: 1 to 128 of A-Z a-z 0-9 . _ - (\"\" with fabricId \"\" for"
                            + " your own account)");
        }
        return new Submitter(msp, KeyText.requireFabricId(fabricId, "fabricId"));
    }

    /**
     * The account credits may go to (a mint's beneficiary, a transfer's destination): a well-formed Fabric id of a
     * member org. Credits sent elsewhere could never be spent, since only member orgs' identities transact here. The
     * identity need not be known to the ledger yet: nothing on it lists a network's identities (their CAs do), and a
     * new customer needs credits before its first transaction.
     *
     * @throws PovmException INVALID_ARGUMENT [msp] when the org is not a member; [fabricId] when the id is malformed
     */
    static Submitter memberAccount(final Members members, final String msp, final String fabricId) {
        final Submitter account = account(msp, fabricId);
        if (!members.contains(account.msp())) {
            throw PovmException.invalid(
                    "msp",
                    account.msp() + " is not a member org; credits go only to identities of member orgs ("
                            + String.join(", ", members.msps()) + ")");
        }
        return account;
    }

    static String mintId(final String id) {
        if (id == null || !MINT_ID.matcher(id).matches()) {
            throw PovmException.invalid(
                    "id",
                    "must be 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit, e.g. fund-org1-user1");
        }
        return id;
    }

    /** @return a whole number from 1 to {@code max} */
    static long amount(final String text, final long max) {
        if (text == null || !AMOUNT.matcher(text).matches() || Long.parseLong(text) > max) {
            throw PovmException.invalid(
                    "amount", "must be a whole number of credits from 1 to " + max + ", without sign or separators");
        }
        return Long.parseLong(text);
    }

    /** @return how many lots a split makes, a whole number from 1 to {@value CreditTransactions#MAX_SPLIT} */
    static int count(final String text) {
        if (text == null || !COUNT.matcher(text).matches() || Integer.parseInt(text) > CreditTransactions.MAX_SPLIT) {
            throw PovmException.invalid(
                    "count", "must be a whole number of lots from 1 to " + CreditTransactions.MAX_SPLIT);
        }
        return Integer.parseInt(text);
    }

    /**
     * @return the lot to spend, or empty for {@code ""}: the account
     * @throws PovmException INVALID_ARGUMENT [lot] unless a lot id as {@code credit:Lots} lists them, or {@code ""}
     */
    static Optional<String> lotOrAccount(final String lot) {
        if (lot != null && lot.isEmpty()) {
            return Optional.empty();
        }
        if (lot == null || !LOT.matcher(lot).matches()) {
            throw PovmException.invalid(
                    "lot",
                    "must be one of your lots' ids as " + CreditTransactions.LOTS + " lists them (1 to 128 of A-Z a-z"
                            + " 0-9 . _ -), or \"\" to escrow from your account");
        }
        return Optional.of(lot);
    }

    static String reason(final String reason) {
        final String text = reason == null ? "" : reason;
        if (text.length() > CreditTransactions.MAX_REASON_CHARS || text.chars().anyMatch(Character::isISOControl)) {
            throw PovmException.invalid(
                    "reason", "at most " + CreditTransactions.MAX_REASON_CHARS + " chars on one line");
        }
        return KeyText.requireStorable(text, "reason");
    }
}
