// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Names of the {@value #CONTRACT} contract, which holds the member organizations of the povm network: the list
 * that "a majority of orgs" is counted against. Clients call its transactions by their qualified names.
 *
 * <pre>{@code
 * chaincode.submit(OrgTransactions.BOOTSTRAP, "[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]");
 * Members members = PovmJson.read(chaincode.evaluate(OrgTransactions.GET_MEMBERS), Members.class);
 * }</pre>
 */
public final class OrgTransactions {
    /** The contract name inside the chaincode. */
    public static final String CONTRACT = "org";

    /** {@code org:Bootstrap(mspIdsJson)} → the stored {@link Members} as JSON. Org admin; once. */
    public static final String BOOTSTRAP = CONTRACT + ":Bootstrap";

    /** {@code org:GetMembers()} → the {@link Members} as JSON; NOT_FOUND [members] before the bootstrap. */
    public static final String GET_MEMBERS = CONTRACT + ":GetMembers";

    /**
     * {@code org:ProposeMember(mspId)} → the {@link MemberProposal} as JSON, counting the proposer's org as its first
     * approval. Admin of a member org.
     */
    public static final String PROPOSE_MEMBER = CONTRACT + ":ProposeMember";

    /**
     * {@code org:ApproveMember(mspId)} → the {@link MemberProposal} as JSON; the approval that reaches a majority of the
     * members adds the org. Admin of another member org.
     */
    public static final String APPROVE_MEMBER = CONTRACT + ":ApproveMember";

    /** {@code org:GetMemberProposal(mspId)} → the {@link MemberProposal} as JSON; NOT_FOUND [mspId] when none. */
    public static final String GET_MEMBER_PROPOSAL = CONTRACT + ":GetMemberProposal";

    /**
     * {@code org:RegisterOperator(certificatePem)} → the stored {@link Operator} as JSON: the identity may then do its
     * org's duties (clock ticks, beacon pieces). Admin of a member org, for a client identity of its own org; the
     * same identity again returns the stored record and writes nothing.
     */
    public static final String REGISTER_OPERATOR = CONTRACT + ":RegisterOperator";

    /**
     * {@code org:RemoveOperator(certificatePem)} → the removed {@link Operator} as JSON. Admin of the operator's org;
     * NOT_FOUND [certificatePem] when the identity is not registered.
     */
    public static final String REMOVE_OPERATOR = CONTRACT + ":RemoveOperator";

    /** {@code org:GetOperators(mspId)} → the org's {@link OperatorList} as JSON. Open to every identity. */
    public static final String GET_OPERATORS = CONTRACT + ":GetOperators";

    /** Event of a registered operator; its payload is the {@link Operator} JSON. */
    public static final String OPERATOR_REGISTERED_EVENT = "OperatorRegistered";

    /** Event of a removed operator; its payload is the {@link Operator} JSON. */
    public static final String OPERATOR_REMOVED_EVENT = "OperatorRemoved";

    /** Event of a new member proposal; its payload is the {@link MemberProposal} JSON. */
    public static final String MEMBER_PROPOSED_EVENT = "MemberProposed";

    /** Event of an approval that did not reach the majority yet; its payload is the {@link MemberProposal} JSON. */
    public static final String MEMBER_APPROVED_EVENT = "MemberApproved";

    /** Event of the approval that added the org; its payload is the new {@link Members} JSON. */
    public static final String MEMBER_ADDED_EVENT = "MemberAdded";

    /** Chaincode event set by the Bootstrap that stored the members; its payload is the {@link Members} JSON. */
    public static final String MEMBERS_BOOTSTRAPPED_EVENT = "MembersBootstrapped";

    private OrgTransactions() {}
}
