package io.povm.client.org;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.MspIdList;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmJson;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets and reads the member orgs through the {@code org} contract. {@code network/network.sh deploy} bootstraps them;
 * this client is for tools and tests.
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
