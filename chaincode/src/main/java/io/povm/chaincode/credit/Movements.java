// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditAccount;
import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The balance changes of one transaction, gathered so that each account is read once and written once, in key order:
 * Fabric does not show a transaction its own writes, so a submitter who is also the challenger must be credited in
 * one write, not two. Nothing is written before {@link #write(String, String)}.
 */
final class Movements {
    private final CreditLedger ledger;
    private final Map<String, CreditAccount> read = new TreeMap<>();
    private final Map<String, Long> balances = new TreeMap<>();

    Movements(final CreditLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** @return the account's balance with this transaction's changes so far */
    long balance(final String msp, final String fabricId) {
        final String key = load(msp, fabricId);
        return balances.get(key);
    }

    void credit(final String msp, final String fabricId, final long amount) {
        requireNotNegative(amount);
        final String key = load(msp, fabricId);
        balances.put(key, Math.addExact(balances.get(key), amount));
    }

    /**
     * @param what what the credits are for, e.g. {@code escrow of job flip-1 (price 1 x 3 replicas x 600 s)}
     * @throws PovmException INSUFFICIENT_FUNDS [balance] when the account holds less than {@code amount}
     */
    void debit(final String msp, final String fabricId, final long amount, final String what) {
        requireNotNegative(amount);
        final String key = load(msp, fabricId);
        final long balance = balances.get(key);
        if (balance < amount) {
            throw insufficient(msp, fabricId, balance, amount, what);
        }
        balances.put(key, balance - amount);
    }

    /**
     * Writes every account whose balance changed, once each, in key order.
     *
     * @param at the transaction timestamp
     * @param memo why, stored with each changed account
     * @return the changed accounts as written
     */
    List<CreditAccount> write(final String at, final String memo) {
        final List<CreditAccount> written = new ArrayList<>();
        for (Map.Entry<String, CreditAccount> entry : read.entrySet()) {
            final long balance = balances.get(entry.getKey());
            if (balance != entry.getValue().balance()) {
                final CreditAccount next = entry.getValue().withBalance(balance, at, memo);
                ledger.put(next);
                written.add(next);
            }
        }
        return written;
    }

    private String load(final String msp, final String fabricId) {
        final String key = CreditLedger.accountKey(msp, fabricId);
        if (!read.containsKey(key)) {
            final CreditAccount account = ledger.account(msp, fabricId);
            read.put(key, account);
            balances.put(key, account.balance());
        }
        return key;
    }

    private static void requireNotNegative(final long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a movement of credits is 0 or more; got " + amount);
        }
    }

    static PovmException insufficient(
            final String msp, final String fabricId, final long balance, final long needed, final String what) {
        return new PovmException(new PovmError(
                ErrorCode.INSUFFICIENT_FUNDS,
                "balance",
                msp + "/" + fabricId + " holds " + balance + " credits; " + what + " needs " + needed
                        + "; get credits by a transfer from an account that holds them (povm credit transfer) or a"
                        + " mint approved by a majority of member orgs (povm credit mint propose)"));
    }
}
