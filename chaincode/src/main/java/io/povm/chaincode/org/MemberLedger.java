// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.org;

import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.OrgTransactions;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The member orgs on the world state, under the single key {@code ("org-members")}, and the proposals to add one,
 * under {@code ("org-member-proposal", msp)}. The member list is written by {@code org:Bootstrap} and by the approval
 * that adds an org, and read by every governance transaction, so it never becomes a hot key for writes.
 *
 * <pre>{@code
 * Members members = new MemberLedger(stub).require();
 * }</pre>
 */
public final class MemberLedger {
    static final String OBJECT_TYPE = "org-members";
    static final String PROPOSAL_TYPE = "org-member-proposal";

    private final ChaincodeStub stub;

    public MemberLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return the world-state key of the member list */
    public static String key() {
        return new CompositeKey(OBJECT_TYPE).toString();
    }

    /** @return the world-state key of the proposal to add {@code msp} */
    public static String proposalKey(final String msp) {
        return new CompositeKey(PROPOSAL_TYPE, msp).toString();
    }

    /** @return the members, or empty before {@code org:Bootstrap} */
    public Optional<Members> find() {
        final byte[] value = stub.getState(key());
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), Members.class));
        } catch (PovmException e) {
            throw new IllegalStateException(
                    "stored members cannot be read: " + e.error().field(), e);
        }
    }

    /** @throws PovmException INVALID_STATE [members] before {@code org:Bootstrap} */
    public Members require() {
        return find().orElseThrow(() -> new PovmException(new PovmError(
                ErrorCode.INVALID_STATE,
                "members",
                "the member orgs are not set yet; an org admin must run " + OrgTransactions.BOOTSTRAP + " first")));
    }

    /** @return the proposal to add {@code msp}, if one was made */
    public Optional<MemberProposal> findProposal(final String msp) {
        final byte[] value = stub.getState(proposalKey(msp));
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), MemberProposal.class));
    }

    /** Writes the proposal and sets {@code event} with the same bytes. */
    public void put(final MemberProposal proposal, final String event) {
        final byte[] json = PovmJson.writeBytes(proposal);
        stub.putState(proposalKey(proposal.msp()), json);
        stub.setEvent(event, json);
    }

    /**
     * Writes an executed proposal and the members it changed; sets the {@value OrgTransactions#MEMBER_ADDED_EVENT}
     * event with the members' bytes.
     */
    public void admit(final MemberProposal executed, final Members members) {
        stub.putState(proposalKey(executed.msp()), PovmJson.writeBytes(executed));
        final byte[] json = PovmJson.writeBytes(members);
        stub.putState(key(), json);
        stub.setEvent(OrgTransactions.MEMBER_ADDED_EVENT, json);
    }

    /** Writes the members and sets the {@value OrgTransactions#MEMBERS_BOOTSTRAPPED_EVENT} event with the same bytes. */
    public void create(final Members members) {
        final byte[] json = PovmJson.writeBytes(members);
        stub.putState(key(), json);
        stub.setEvent(OrgTransactions.MEMBERS_BOOTSTRAPPED_EVENT, json);
    }
}
