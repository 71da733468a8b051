// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.CreditTransactions;
import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity's lots (see {@link CreditLot}): a split makes them from the account in one debit, and an escrow
 * movement spends one whole, its rest becoming a new lot named after the spending transaction. Spending reads and
 * deletes the one lot key it names: no range read, so another transaction adding or spending other lots of the same
 * identity in the same block never conflicts with it; a second spend of the same lot does, on that key.
 */
final class LotMovements {
    private final CreditLedger ledger;
    private final String at;
    private final String txId;

    /**
     * @param at the transaction timestamp, ISO-8601 UTC
     * @param txId the transaction's id, which names the lots it makes
     */
    LotMovements(final CreditLedger ledger, final String at, final String txId) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.at = Objects.requireNonNull(at, "at");
        this.txId = Objects.requireNonNull(txId, "txId");
    }

    /**
     * Moves {@code count x amount} from the owner's account into {@code count} lots {@code <txId>.0} ...
     *
     * @throws PovmException INSUFFICIENT_FUNDS [balance] when the account holds less, nothing written
     */
    CreditLots split(final Submitter owner, final int count, final long amount) {
        final long total = Math.multiplyExact((long) count, amount);
        final String memo = "split of " + total + " into " + count + " lots of " + amount;
        final Movements movements = new Movements(ledger);
        movements.debit(owner.msp(), owner.id(), total, "the " + memo);
        movements.write(at, memo);
        final List<CreditLot> made = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            final CreditLot lot = new CreditLot(owner.msp(), owner.id(), CreditLot.id(txId, n), amount, at, txId, memo);
            ledger.put(lot);
            made.add(lot);
        }
        return CreditLots.of(owner.msp(), owner.id(), made);
    }

    /**
     * Spends the owner's lot whole: deletes it and writes its rest, if any, as lot {@code <txId>.0}.
     *
     * @param what what the credits are for, for the change's memo and errors
     * @return the change lot's id, when something was left
     * @throws PovmException NOT_FOUND [lot] when the owner has no such lot (never had, or spent it); INSUFFICIENT_FUNDS
     *     [lot] when it holds less than {@code amount}; nothing written either way
     */
    Optional<String> spend(final Submitter owner, final String lotId, final long amount, final String what) {
        final CreditLot lot = ledger.lot(owner.msp(), owner.id(), lotId)
                .orElseThrow(() -> PovmException.notFound(
                        "lot",
                        owner.msp() + "/" + owner.id() + " has no lot " + lotId
                                + ": it was never made or is spent already; list yours with "
                                + CreditTransactions.LOTS));
        if (lot.amount() < amount) {
            throw new PovmException(new PovmError(
                    ErrorCode.INSUFFICIENT_FUNDS,
                    "lot",
                    "lot " + lotId + " holds " + lot.amount() + " credits; " + what + " needs " + amount
                            + "; name a larger lot (" + CreditTransactions.LOTS + ") or make one ("
                            + CreditTransactions.SPLIT + ")"));
        }
        ledger.delete(lot);
        final long rest = lot.amount() - amount;
        if (rest == 0) {
            return Optional.empty();
        }
        final CreditLot change = new CreditLot(
                owner.msp(),
                owner.id(),
                CreditLot.id(txId, 0),
                rest,
                at,
                txId,
                "change of lot " + lotId + " after " + what);
        ledger.put(change);
        return Optional.of(change.lot());
    }
}
