// SPDX-License-Identifier: Apache-2.0
package io.povm.client.sla;

import io.povm.api.ErrorCode;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaPage;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaSpecValidator;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.SlaTransactions;
import io.povm.api.SlaVotes;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.Replies;
import java.util.Objects;
import java.util.Optional;

/**
 * Proposes, approves, deprecates and reads SLAs through the {@code sla} contract. Governance calls need an org admin
 * identity of a member org; reads work for anyone.
 *
 * <pre>{@code
 * try (PovmGateway gateway = PovmGateway.connect(org1Admin)) {
 *     SlaClient slas = new SlaClient(gateway.chaincode());
 *     Sla proposed = slas.propose(spec);               // PROPOSED, Org1's approval counted
 *     SlaStatus status = slas.approve("standard@1");   // as another org's admin: ACTIVE at the majority
 *     SlaPage active = slas.list(SlaState.ACTIVE, 50, "");
 * }
 * }</pre>
 *
 * <p>Every method throws {@link PovmClientException}; a refusal is {@link PovmClientException.Kind#REJECTED} with
 * the chaincode's {@code io.povm.api.PovmError} (FORBIDDEN for a non-admin or a non-member org, INVALID_STATE for a
 * vote the SLA's state does not allow, ...). Arguments are checked with the chaincode's own rules before anything is
 * sent.
 */
public final class SlaClient {
    /** The largest page {@link #list(int, String)} accepts. */
    public static final int MAX_PAGE_SIZE = SlaTransactions.MAX_PAGE_SIZE;

    private final PovmChaincode chaincode;

    public SlaClient(final PovmChaincode chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Proposes an SLA and waits for the commit. The same terms again by the same org return the stored SLA.
     *
     * @return the SLA as stored: PROPOSED (ACTIVE at once in a one-org network)
     * @throws PovmClientException REJECTED with INVALID_ARGUMENT naming the field, DUPLICATE_ID [version] when the
     *     version is taken, FORBIDDEN unless an org admin of a member org
     */
    public Sla propose(final SlaSpec spec) {
        final String json =
                Replies.checked(() -> SlaSpecValidator.checkSize(PovmJson.write(SlaSpecValidator.validate(spec))));
        return Replies.read(chaincode.submit(SlaTransactions.PROPOSE, json), Sla.class, SlaTransactions.PROPOSE);
    }

    /**
     * Approves an SLA for the caller's org and waits for the commit; approving twice is harmless.
     *
     * @param ref {@code name@version}
     * @return where the SLA stands after the vote: ACTIVE once a majority of member orgs approved
     */
    public SlaStatus approve(final String ref) {
        return vote(SlaTransactions.APPROVE, ref);
    }

    /**
     * Votes to deprecate an ACTIVE SLA for the caller's org and waits for the commit; voting twice is harmless.
     *
     * @param ref {@code name@version}
     * @return where the SLA stands after the vote: DEPRECATED once a majority of member orgs voted
     */
    public SlaStatus deprecate(final String ref) {
        return vote(SlaTransactions.DEPRECATE, ref);
    }

    private SlaStatus vote(final String transaction, final String ref) {
        final SlaRef checked = Replies.checked(() -> SlaRef.parse(ref, "ref"));
        return Replies.read(chaincode.submit(transaction, checked.toString()), SlaStatus.class, transaction);
    }

    /**
     * @param ref {@code name@version}
     * @throws PovmClientException REJECTED with NOT_FOUND [ref] when there is none
     */
    public Sla get(final String ref) {
        final SlaRef checked = Replies.checked(() -> SlaRef.parse(ref, "ref"));
        return Replies.read(
                chaincode.evaluate(SlaTransactions.GET, checked.toString()), Sla.class, SlaTransactions.GET);
    }

    /** @return the SLA, or empty when the ledger has none under this reference */
    public Optional<Sla> find(final String ref) {
        try {
            return Optional.of(get(ref));
        } catch (PovmClientException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param bookmark {@code ""} for the first page, else the previous page's {@link SlaPage#bookmark()}
     * @return one page of every SLA, in name and version order
     */
    public SlaPage list(final int pageSize, final String bookmark) {
        return page("", pageSize, bookmark);
    }

    /** @return one page of the SLAs in one state, in name and version order */
    public SlaPage list(final SlaState state, final int pageSize, final String bookmark) {
        return page(Objects.requireNonNull(state, "state").name(), pageSize, bookmark);
    }

    private SlaPage page(final String state, final int pageSize, final String bookmark) {
        Objects.requireNonNull(bookmark, "bookmark");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            final PovmException e =
                    PovmException.invalid("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + "; got " + pageSize);
            throw PovmClientException.rejected(e.error(), e);
        }
        return Replies.read(
                chaincode.evaluate(SlaTransactions.LIST, state, Integer.toString(pageSize), bookmark),
                SlaPage.class,
                SlaTransactions.LIST);
    }

    /**
     * @param ref {@code name@version}
     * @return every approval and deprecation vote of the SLA, with the members and the majority they need
     */
    public SlaVotes votes(final String ref) {
        final SlaRef checked = Replies.checked(() -> SlaRef.parse(ref, "ref"));
        return Replies.read(
                chaincode.evaluate(SlaTransactions.LIST_APPROVALS, checked.toString()),
                SlaVotes.class,
                SlaTransactions.LIST_APPROVALS);
    }
}
