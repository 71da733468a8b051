// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Members;
import io.povm.api.PovmException;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.org.OperatorLedger;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Who may act, in one place: the roles of docs/access-control.md and the checks every contract makes with them.
 *
 * <ul>
 *   <li><b>customer</b>: a client identity (OU=client) of any org; submits and manages its own jobs
 *       ({@link Caller#requireClient});
 *   <li><b>worker</b>: a client identity its org admin registered as a worker ({@code worker:Register}); acts on the
 *       replicas it holds;
 *   <li><b>org operator</b>: an identity its org admin registered as an operator ({@code org:RegisterOperator}),
 *       or that org's admin; does its member org's own duties: ticks the multiparty clock and posts the org's
 *       pieces of every beacon round ({@link #requireOperator});
 *   <li><b>org admin</b>: an admin identity (OU=admin) of a member org; governs ({@link #requireMemberAdmin}).
 * </ul>
 *
 * <p>Transactions that only apply deterministic rules to what is on the ledger (advancing, assigning, finalizing a
 * job, opening or closing a beacon round) need a member org's identity of any role ({@link #requireMember}): who
 * sends them changes nothing in their outcome.
 */
public final class AccessPolicy {
    private final ChaincodeStub stub;
    private final Caller caller;
    private Members members;

    public AccessPolicy(final ChaincodeStub stub, final Caller caller) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    public Caller caller() {
        return caller;
    }

    /**
     * @return the member orgs, read once
     * @throws PovmException INVALID_STATE [members] before {@code org:Bootstrap}
     */
    public Members members() {
        if (members == null) {
            members = new MemberLedger(stub).require();
        }
        return members;
    }

    /**
     * Any identity of a member org.
     *
     * @return the member orgs
     * @throws PovmException FORBIDDEN [caller] when the caller's org is not a member
     */
    public Members requireMember(final String transaction) {
        final Members all = members();
        if (!all.contains(caller.msp())) {
            throw PovmException.forbidden(
                    "caller",
                    transaction + " requires an identity of a member org; " + caller.msp() + " is not a member"
                            + " (members: " + String.join(", ", all.msps()) + ")");
        }
        return all;
    }

    /**
     * An admin identity (OU=admin) of a member org: the rule of every governance transaction.
     *
     * @return the member orgs
     * @throws PovmException FORBIDDEN [caller] naming the rule that failed
     */
    public Members requireMemberAdmin(final String transaction) {
        caller.requireAdmin(transaction);
        final Members all = members();
        if (!all.contains(caller.msp())) {
            throw PovmException.forbidden(
                    "caller",
                    transaction + " requires an admin of a member org; " + caller.msp() + " is not a member (members: "
                            + String.join(", ", all.msps()) + ")");
        }
        return all;
    }

    /**
     * An operator of a member org: an identity its admin registered with {@code org:RegisterOperator}, or the org's
     * admin. Per-org duties (a clock tick, the org's beacon pieces) are the org's word, so no other identity of the
     * org, customers included, may give them.
     *
     * @return the member orgs
     * @throws PovmException FORBIDDEN [caller] naming the rule that failed
     */
    public Members requireOperator(final String transaction) {
        final Members all = requireMember(transaction);
        if (!caller.isAdmin()
                && new OperatorLedger(stub).find(caller.msp(), caller.id()).isEmpty()) {
            throw PovmException.forbidden(
                    "caller",
                    transaction + " is a duty of the org's operator: an identity its admin registered with"
                            + " org:RegisterOperator, or the org's admin; this " + caller.msp() + " identity is"
                            + " neither");
        }
        return all;
    }
}
