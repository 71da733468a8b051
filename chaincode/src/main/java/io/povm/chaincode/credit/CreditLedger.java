// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditHistory;
import io.povm.api.CreditHold;
import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.CreditSupply;
import io.povm.api.MintProposal;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Settlement;
import io.povm.chaincode.TxTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Credits on the world state (composite keys: object type, then attributes):
 *
 * <pre>
 * ("credit-account", msp, fabricId)           -> CreditAccount   one per identity that ever held credits
 * ("credit-supply")                           -> CreditSupply    written by executed mints only
 * ("credit-lot", msp, fabricId, lot)         -> CreditLot       credits of the identity that one submission spends whole
 * ("credit-escrow", jobId)                    -> CreditHold      the submitter's escrow, until the job settles
 * ("credit-deposit", jobId, msp, fabricId)    -> CreditHold      a challenger's deposit, until the job settles
 * ("credit-settlement", jobId)                -> Settlement      written once, when the job settles
 * ("credit-mint", id)                         -> MintProposal
 * </pre>
 *
 * <p>Fabric does not show a transaction its own writes, so a transaction reads each key before it writes it and
 * writes it at most once; {@link Movements} gathers the balance changes of a transaction for that reason.
 */
public final class CreditLedger {
    static final String ACCOUNT = "credit-account";
    static final String SUPPLY = "credit-supply";
    static final String LOT = "credit-lot";
    static final String ESCROW = "credit-escrow";
    static final String DEPOSIT = "credit-deposit";
    static final String SETTLEMENT = "credit-settlement";
    static final String MINT = "credit-mint";

    private final ChaincodeStub stub;

    public CreditLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    public static String accountKey(final String msp, final String fabricId) {
        return new CompositeKey(ACCOUNT, msp, fabricId).toString();
    }

    public static String lotKey(final String msp, final String fabricId, final String lot) {
        return new CompositeKey(LOT, msp, fabricId, lot).toString();
    }

    public static String escrowKey(final String jobId) {
        return new CompositeKey(ESCROW, jobId).toString();
    }

    public static String depositKey(final String jobId, final String msp, final String fabricId) {
        return new CompositeKey(DEPOSIT, jobId, msp, fabricId).toString();
    }

    public static String settlementKey(final String jobId) {
        return new CompositeKey(SETTLEMENT, jobId).toString();
    }

    public static String supplyKey() {
        return new CompositeKey(SUPPLY).toString();
    }

    static String mintKey(final String id) {
        return new CompositeKey(MINT, id).toString();
    }

    /** @return the identity's account; balance 0 when it never held credits */
    public CreditAccount account(final String msp, final String fabricId) {
        return read(accountKey(msp, fabricId), CreditAccount.class).orElseGet(() -> CreditAccount.empty(msp, fabricId));
    }

    void put(final CreditAccount account) {
        write(accountKey(account.msp(), account.fabricId()), account);
    }

    public CreditSupply supply() {
        return read(supplyKey(), CreditSupply.class).orElse(CreditSupply.NONE);
    }

    void put(final CreditSupply supply) {
        write(supplyKey(), supply);
    }

    /** @return the identity's lot: one read of its own key, never a range, so no other lot's write conflicts */
    Optional<CreditLot> lot(final String msp, final String fabricId, final String lot) {
        return read(lotKey(msp, fabricId, lot), CreditLot.class);
    }

    void put(final CreditLot lot) {
        write(lotKey(lot.msp(), lot.fabricId(), lot.lot()), lot);
    }

    void delete(final CreditLot lot) {
        stub.delState(lotKey(lot.msp(), lot.fabricId(), lot.lot()));
    }

    /** @return the identity's lots in key order; a range read, for evaluate transactions only */
    CreditLots lots(final String msp, final String fabricId) {
        final List<CreditLot> lots = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results =
                stub.getStateByPartialCompositeKey(new CompositeKey(LOT, msp, fabricId))) {
            for (KeyValue entry : results) {
                lots.add(decode(entry.getKey(), entry.getValue(), CreditLot.class));
            }
        }
        return CreditLots.of(msp, fabricId, lots);
    }

    public Optional<CreditHold> escrow(final String jobId) {
        return read(escrowKey(jobId), CreditHold.class);
    }

    Optional<CreditHold> deposit(final String jobId, final String msp, final String fabricId) {
        return read(depositKey(jobId, msp, fabricId), CreditHold.class);
    }

    /** @return the job's challenge deposits in key order: one range read, re-checked by Fabric at commit */
    List<CreditHold> deposits(final String jobId) {
        final List<CreditHold> deposits = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results =
                stub.getStateByPartialCompositeKey(new CompositeKey(DEPOSIT, jobId))) {
            for (KeyValue entry : results) {
                deposits.add(decode(entry.getKey(), entry.getValue(), CreditHold.class));
            }
        }
        return deposits;
    }

    void put(final CreditHold hold) {
        write(holdKey(hold), hold);
    }

    void delete(final CreditHold hold) {
        stub.delState(holdKey(hold));
    }

    private static String holdKey(final CreditHold hold) {
        return CreditHold.ESCROW.equals(hold.kind())
                ? escrowKey(hold.jobId())
                : depositKey(hold.jobId(), hold.msp(), hold.fabricId());
    }

    public Optional<Settlement> settlement(final String jobId) {
        return read(settlementKey(jobId), Settlement.class);
    }

    void put(final Settlement settlement) {
        write(settlementKey(settlement.jobId()), settlement);
    }

    Optional<MintProposal> mint(final String id) {
        return read(mintKey(id), MintProposal.class);
    }

    void put(final MintProposal mint) {
        write(mintKey(mint.id()), mint);
    }

    /** @return every committed version of the account, newest first; empty when it never held credits */
    CreditHistory history(final String msp, final String fabricId) {
        final List<CreditHistory.Entry> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> versions = stub.getHistoryForKey(accountKey(msp, fabricId))) {
            for (KeyModification version : versions) {
                if (version.isDeleted()) {
                    continue;
                }
                final CreditAccount account = decode("history", version.getValue(), CreditAccount.class);
                entries.add(new CreditHistory.Entry(
                        version.getTxId(), TxTime.iso(version.getTimestamp()), account.balance(), account.memo()));
            }
        }
        return new CreditHistory(msp, fabricId, entries);
    }

    /** Range scans of every account, lot, escrow and deposit. Evaluate transactions only: it reads the whole ledger. */
    CreditAudit audit() {
        final long[] accounts = sum(ACCOUNT, CreditAccount.class, CreditAccount::balance);
        final long[] lots = sum(LOT, CreditLot.class, CreditLot::amount);
        final long[] escrows = sum(ESCROW, CreditHold.class, CreditHold::amount);
        final long[] deposits = sum(DEPOSIT, CreditHold.class, CreditHold::amount);
        return CreditAudit.of(
                accounts[0],
                accounts[1],
                lots[0],
                lots[1],
                escrows[0],
                escrows[1],
                deposits[0],
                deposits[1],
                supply().total());
    }

    private <T> long[] sum(final String type, final Class<T> valueType, final ToLongFunction<T> amount) {
        long count = 0;
        long total = 0;
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(new CompositeKey(type))) {
            for (KeyValue entry : results) {
                count++;
                total = Math.addExact(total, amount.applyAsLong(decode(entry.getKey(), entry.getValue(), valueType)));
            }
        }
        return new long[] {count, total};
    }

    private <T> Optional<T> read(final String key, final Class<T> type) {
        final byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(key, value, type));
    }

    private void write(final String key, final Object value) {
        stub.putState(key, PovmJson.writeBytes(value));
    }

    private static <T> T decode(final String key, final byte[] value, final Class<T> type) {
        try {
            return PovmJson.read(new String(value, StandardCharsets.UTF_8), type);
        } catch (PovmException e) {
            throw new IllegalStateException(
                    "stored " + type.getSimpleName() + " at key " + key.replace('\u0000', '/') + " cannot be read: "
                            + e.error().field(),
                    e);
        }
    }
}
