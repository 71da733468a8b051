package io.povm.chaincode.credit;

import io.povm.api.CreditTransactions;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.util.regex.Pattern;

/** The checks of the credit transactions' text arguments, each naming its field and what it accepts. */
final class CreditArgs {
    private static final Pattern MSP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern MINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,15}");
    private static final int MAX_ID_CHARS = 4096;
    private static final String MAX_CODE_POINT = new String(Character.toChars(Character.MAX_CODE_POINT));
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
        if (fabricId == null
                || !fabricId.startsWith("x509::")
                || fabricId.length() > MAX_ID_CHARS
                || fabricId.chars().anyMatch(Character::isISOControl)
                // U+10FFFF cannot be part of a composite key: the account key would fail as INTERNAL
                || fabricId.contains(MAX_CODE_POINT)) {
            throw PovmException.invalid(
                    "fabricId",
                    "must be a Fabric identity id, x509::<subject>::<issuer>, of at most " + MAX_ID_CHARS
                            + " chars on one line (povm credit balance prints yours)");
        }
        return new Submitter(msp, fabricId);
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

    static String reason(final String reason) {
        final String text = reason == null ? "" : reason;
        if (text.length() > CreditTransactions.MAX_REASON_CHARS || text.chars().anyMatch(Character::isISOControl)) {
            throw PovmException.invalid(
                    "reason", "at most " + CreditTransactions.MAX_REASON_CHARS + " chars on one line");
        }
        return text;
    }
}
