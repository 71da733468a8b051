// SPDX-License-Identifier: Apache-2.0
package io.povm.client.org;

import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.MspIdList;
import io.povm.api.Operator;
import io.povm.api.OperatorList;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmJson;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets and reads the member orgs through the {@code org} contract, and votes on new ones. {@code network/network.sh
 * deploy} bootstraps them; {@code povm org} and tests use this client.
 *
 * <pre>{@code
 * Members members = new MembersClient(gateway.chaincode()).members();
 * int majority = members.threshold();
 * }</pre>
 */
public final class MembersClient {
    private final PovmChaincode chaincode;

    public MembersClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Sets the member orgs, once, as an org admin whose org is among them; the identical list again returns the stored
     * members.
     *
     * @throws PovmClientException REJECTED with INVALID_ARGUMENT [mspIds...] for a bad list, INVALID_STATE [mspIds]
     *     when other members are set already, FORBIDDEN unless an org admin
     */
    public Members bootstrap(final List<String> mspIds) {
        final MspIdList checked = Replies.checked(() -> MspIdList.of(mspIds));
        return Replies.read(
                chaincode.submit(OrgTransactions.BOOTSTRAP, PovmJson.write(checked)),
                Members.class,
                OrgTransactions.BOOTSTRAP);
    }

    /**
     * @return the member orgs and the majority threshold
     * @throws PovmClientException REJECTED with NOT_FOUND [members] before the bootstrap
     */
    public Members members() {
        return Replies.read(
                chaincode.evaluate(OrgTransactions.GET_MEMBERS), Members.class, OrgTransactions.GET_MEMBERS);
    }

    /**
     * Proposes {@code msp} as a member org, counting the caller's org as its first approval.
     *
     * @return the proposal, EXECUTED at once when that approval alone is a majority
     * @throws PovmClientException REJECTED with FORBIDDEN unless the admin of a member org, INVALID_STATE when the org
     *     is a member already, DUPLICATE_ID when another org proposed it already
     */
    public MemberProposal propose(final String msp) {
        return Replies.read(
                chaincode.submit(OrgTransactions.PROPOSE_MEMBER, Objects.requireNonNull(msp, "msp")),
                MemberProposal.class,
                OrgTransactions.PROPOSE_MEMBER);
    }

    /**
     * Approves the proposal to add {@code msp} for the caller's org; the approval that reaches the majority adds it.
     *
     * @return the proposal after this approval
     * @throws PovmClientException REJECTED with NOT_FOUND when nobody proposed it, FORBIDDEN unless the admin of a
     *     member org, INVALID_STATE when the org is a member already or the caller's org approved already
     */
    public MemberProposal approve(final String msp) {
        return Replies.read(
                chaincode.submit(OrgTransactions.APPROVE_MEMBER, Objects.requireNonNull(msp, "msp")),
                MemberProposal.class,
                OrgTransactions.APPROVE_MEMBER);
    }

    /**
     * @return the proposal to add {@code msp}, with its approvals
     * @throws PovmClientException REJECTED with NOT_FOUND when nobody proposed it
     */
    public MemberProposal proposal(final String msp) {
        return Replies.read(
                chaincode.evaluate(OrgTransactions.GET_MEMBER_PROPOSAL, Objects.requireNonNull(msp, "msp")),
                MemberProposal.class,
                OrgTransactions.GET_MEMBER_PROPOSAL);
    }

    /**
     * Registers a client identity of the caller's org as its operator, which may then tick the clock and post the
     * org's beacon pieces; the same identity again returns the stored record.
     *
     * @param certificatePem the identity's certificate, PEM
     * @throws PovmClientException REJECTED with FORBIDDEN unless the admin of a member org (and of the identity's
     *     org), INVALID_ARGUMENT for a certificate that is not a client identity's
     */
    public Operator registerOperator(final String certificatePem) {
        return Replies.read(
                chaincode.submit(
                        OrgTransactions.REGISTER_OPERATOR, Objects.requireNonNull(certificatePem, "certificatePem")),
                Operator.class,
                OrgTransactions.REGISTER_OPERATOR);
    }

    /**
     * Removes an operator of the caller's org.
     *
     * @throws PovmClientException REJECTED with NOT_FOUND when the identity is not an operator of the caller's org
     */
    public Operator removeOperator(final String certificatePem) {
        return Replies.read(
                chaincode.submit(
                        OrgTransactions.REMOVE_OPERATOR, Objects.requireNonNull(certificatePem, "certificatePem")),
                Operator.class,
                OrgTransactions.REMOVE_OPERATOR);
    }

    /** @return the registered operators of org {@code msp} (its admins act as operators without being listed) */
    public OperatorList operators(final String msp) {
        return Replies.read(
                chaincode.evaluate(OrgTransactions.GET_OPERATORS, Objects.requireNonNull(msp, "msp")),
                OperatorList.class,
                OrgTransactions.GET_OPERATORS);
    }

    /** @return the member orgs, or empty before the bootstrap */
    public Optional<Members> find() {
        try {
            return Optional.of(members());
        } catch (PovmClientException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
