// SPDX-License-Identifier: Apache-2.0
package io.povm.client.credit;

import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditHistory;
import io.povm.api.CreditHold;
import io.povm.api.CreditLots;
import io.povm.api.CreditSupply;
import io.povm.api.CreditTransactions;
import io.povm.api.MintProposal;
import io.povm.api.PovmException;
import io.povm.api.Settlement;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import java.util.Objects;

/**
 * Reads and moves credits through the {@code credit} contract. Mints need an org admin identity of a member org;
 * transfers move the caller's own credits; reads work for anyone.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(org1)) {
 *     CreditClient credits = new CreditClient(gateway.chaincode());
 *     CreditAccount mine = credits.balance();
 *     credits.transfer("Org2MSP", "x509::CN=User1@org2...::CN=ca.org2...", 1000);
 *     CreditAudit audit = credits.audit();   // audit.conserved(): balances + lots + escrows + deposits == supply
 * }
 * }</pre>
 *
 * <p>Every method throws {@link PovmClientException}; a refusal is {@link PovmClientException.Kind#REJECTED} with the
 * chaincode's {@code io.povm.api.PovmError} (INSUFFICIENT_FUNDS for a transfer over the balance, FORBIDDEN for a
 * mint by a non-admin, INVALID_STATE for a second approval by one org, ...).
 */
public final class CreditClient {
    private final PovmChaincode chaincode;

    public CreditClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /** @return the caller's own account */
    public CreditAccount balance() {
        return balance("", "");
    }

    /** @return the account of an identity; balance 0 when it never held credits */
    public CreditAccount balance(final String msp, final String fabricId) {
        return read(CreditTransactions.BALANCE, CreditAccount.class, msp, fabricId);
    }

    /** @return every committed version of an account, newest first; {@code ("", "")} for the caller's own */
    public CreditHistory history(final String msp, final String fabricId) {
        return read(CreditTransactions.HISTORY, CreditHistory.class, msp, fabricId);
    }

    /**
     * Moves credits from the caller's account and waits for the commit.
     *
     * @return the caller's account after the transfer
     */
    public CreditAccount transfer(final String msp, final String fabricId, final long amount) {
        requirePositive(amount);
        return Replies.read(
                chaincode.submit(
                        CreditTransactions.TRANSFER,
                        Objects.requireNonNull(msp, "msp"),
                        Objects.requireNonNull(fabricId, "fabricId"),
                        Long.toString(amount)),
                CreditAccount.class,
                CreditTransactions.TRANSFER);
    }

    /**
     * Splits the caller's credits into {@code count} lots of {@code amount} (one debit of its account) and waits for
     * the commit. Each lot funds one {@code SubmitJobs} ({@link io.povm.client.job.JobClient#submitAll}) that does
     * not conflict with the caller's other submissions.
     *
     * @return the lots made
     */
    public CreditLots split(final int count, final long amount) {
        requirePositive(amount);
        return Replies.read(
                chaincode.submit(CreditTransactions.SPLIT, Integer.toString(count), Long.toString(amount)),
                CreditLots.class,
                CreditTransactions.SPLIT);
    }

    /** @return an identity's lots; {@code ("", "")} for the caller's own */
    public CreditLots lots(final String msp, final String fabricId) {
        return read(CreditTransactions.LOTS, CreditLots.class, msp, fabricId);
    }

    /**
     * Proposes a mint as the caller's org admin (its org's approval) and waits for the commit.
     *
     * @return the proposal as stored: PROPOSED, or EXECUTED at once in a one-org network
     */
    public MintProposal proposeMint(
            final String id, final String msp, final String fabricId, final long amount, final String reason) {
        requirePositive(amount);
        return Replies.read(
                chaincode.submit(
                        CreditTransactions.PROPOSE_MINT,
                        Objects.requireNonNull(id, "id"),
                        Objects.requireNonNull(msp, "msp"),
                        Objects.requireNonNull(fabricId, "fabricId"),
                        Long.toString(amount),
                        Objects.requireNonNull(reason, "reason")),
                MintProposal.class,
                CreditTransactions.PROPOSE_MINT);
    }

    /** @return the proposal after the caller's org approved it: EXECUTED once a majority of member orgs did */
    public MintProposal approveMint(final String id) {
        return Replies.read(
                chaincode.submit(CreditTransactions.APPROVE_MINT, Objects.requireNonNull(id, "id")),
                MintProposal.class,
                CreditTransactions.APPROVE_MINT);
    }

    public MintProposal mint(final String id) {
        return read(CreditTransactions.GET_MINT, MintProposal.class, Objects.requireNonNull(id, "id"));
    }

    public CreditSupply supply() {
        return read(CreditTransactions.SUPPLY, CreditSupply.class);
    }

    /** @return range-scan sums of every balance, escrow and deposit against the supply */
    public CreditAudit audit() {
        return read(CreditTransactions.AUDIT, CreditAudit.class);
    }

    /** @throws PovmClientException REJECTED with NOT_FOUND when the job holds no escrow (any more) */
    public CreditHold escrow(final String jobId) {
        return read(CreditTransactions.GET_ESCROW, CreditHold.class, Objects.requireNonNull(jobId, "jobId"));
    }

    /** @throws PovmClientException REJECTED with NOT_FOUND while the job has not settled */
    public Settlement settlement(final String jobId) {
        return read(CreditTransactions.GET_SETTLEMENT, Settlement.class, Objects.requireNonNull(jobId, "jobId"));
    }

    private <T> T read(final String transaction, final Class<T> type, final String... args) {
        return Replies.read(chaincode.evaluate(transaction, args), type, transaction);
    }

    private static void requirePositive(final long amount) {
        if (amount < 1) {
            final PovmException e = PovmException.invalid("amount", "must be 1 or more credits; got " + amount);
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
