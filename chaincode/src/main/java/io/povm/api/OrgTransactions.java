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

    /** Chaincode event set by the Bootstrap that stored the members; its payload is the {@link Members} JSON. */
    public static final String MEMBERS_BOOTSTRAPPED_EVENT = "MembersBootstrapped";

    private OrgTransactions() {}
}
