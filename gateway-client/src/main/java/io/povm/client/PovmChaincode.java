// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The povm chaincode as seen through one peer: evaluate and submit transactions by name, with JSON text in and out
 * and every failure translated by {@link GatewayErrors}.
 *
 * <p>A submit whose transaction loses an MVCC or phantom-read race at commit is endorsed again as a new transaction
 * with a fresh proposal, at most {@value #MAX_COMMIT_RETRIES} times; povm transactions are idempotent for the same
 * caller and input, so a retry never does the work twice. Contract errors are never retried.
 *
 * <p>A submit that the ordering service cannot take (gRPC UNAVAILABLE or DEADLINE_EXCEEDED from the gateway's submit
 * step: orderers down, hanging, or refusing while Raft elects a new leader) is endorsed again after a back-off of 0.5 s doubling to 4 s, at
 * most {@value #MAX_UNAVAILABLE_RETRIES} times (about 24 s in all); the same idempotence makes this safe. So is an
 * endorsement the gateway cannot yet plan (FAILED_PRECONDITION, "no combination of peers ..."): right after the
 * network starts or a peer restarts, gossip has not yet told the gateway which other orgs' peers run the chaincode;
 * nothing was ordered then.
 */
public final class PovmChaincode {
    /** How many times a submit is re-endorsed after a read conflict at commit. */
    public static final int MAX_COMMIT_RETRIES = 3;
    /** How many times a submit is endorsed again while the network cannot yet take it (see the class doc). */
    public static final int MAX_UNAVAILABLE_RETRIES = 8;

    private static final Set<Status.Code> ORDERING_UNAVAILABLE =
            EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
    private static final String NO_ENDORSEMENT_PLAN = "no combination of peers";
    /** Peers at different ledger heights read different values; endorsing again after a pause lets them catch up. */
    private static final String PAYLOADS_DIFFER = "ProposalResponsePayloads do not match";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private static final Logger LOG = LoggerFactory.getLogger(PovmChaincode.class);
    private static final Set<TxValidationCode> READ_CONFLICTS =
            EnumSet.of(TxValidationCode.MVCC_READ_CONFLICT, TxValidationCode.PHANTOM_READ_CONFLICT);

    private final Contract contract;
    private final String peerEndpoint;
    private final Sleeper sleeper;

    /** Waits between retries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param contract the gateway's contract for the povm chaincode
     * @param peerEndpoint the peer the gateway talks to, named in error messages
     */
    public PovmChaincode(final Contract contract, final String peerEndpoint) {
        this(contract, peerEndpoint, duration -> Thread.sleep(duration.toMillis()));
    }

    /** As {@link #PovmChaincode(Contract, String)}, with the given way of waiting between retries. */
    public PovmChaincode(final Contract contract, final String peerEndpoint, final Sleeper sleeper) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.peerEndpoint = Objects.requireNonNull(peerEndpoint, "peerEndpoint");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs a read-only transaction on the peer, without ordering.
     *
     * @return the chaincode's response as UTF-8 text
     * @throws PovmClientException on any failure
     */
    public String evaluate(final String transaction, final String... args) {
        LOG.debug("evaluating {} on {}", transaction, peerEndpoint);
        try {
            return text(contract.evaluateTransaction(transaction, args));
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e, peerEndpoint);
        } catch (GatewayRuntimeException e) {
            throw GatewayErrors.translate(e, peerEndpoint);
        }
    }

    /**
     * Endorses, orders and waits for the commit of a transaction.
     *
     * @return the chaincode's response as UTF-8 text
     * @throws PovmClientException on any failure; {@link PovmClientException.Kind#COMMIT_FAILED} once the retries
     *     for read conflicts are spent, {@link PovmClientException.Kind#UNAVAILABLE} once those for an unavailable
     *     ordering service are
     */
    public String submit(final String transaction, final String... args) {
        int unavailableRetries = 0;
        for (int retry = 0; ; retry++) {
            LOG.debug("submitting {} through {}", transaction, peerEndpoint);
            try {
                return text(contract.submitTransaction(transaction, args));
            } catch (CommitException e) {
                if (!READ_CONFLICTS.contains(e.getCode()) || retry >= MAX_COMMIT_RETRIES) {
                    throw GatewayErrors.translate(e);
                }
                LOG.info(
                        "{} transaction {} hit {} at commit; endorsing it again (retry {} of {})",
                        transaction,
                        e.getTransactionId(),
                        e.getCode(),
                        retry + 1,
                        MAX_COMMIT_RETRIES);
            } catch (SubmitException e) {
                if (!ORDERING_UNAVAILABLE.contains(e.getStatus().getCode())
                        || unavailableRetries >= MAX_UNAVAILABLE_RETRIES) {
                    throw GatewayErrors.translate(e, peerEndpoint);
                }
                pause(backoff(unavailableRetries++), transaction, "ordering service unavailable", e);
            } catch (EndorseException e) {
                if (!isEndorsementPlanMissing(e) && !isPayloadMismatch(e)
                        || unavailableRetries >= MAX_UNAVAILABLE_RETRIES) {
                    throw GatewayErrors.translate(e, peerEndpoint);
                }
                pause(
                        backoff(unavailableRetries++),
                        transaction,
                        isPayloadMismatch(e)
                                ? "endorsing peers disagree (ledger heights differ)"
                                : "no endorsement plan yet",
                        e);
            } catch (GatewayException e) {
                throw GatewayErrors.translate(e, peerEndpoint);
            } catch (GatewayRuntimeException e) {
                throw GatewayErrors.translate(e, peerEndpoint);
            }
        }
    }

    private static Duration backoff(final int attempt) {
        final Duration doubled = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 4));
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static boolean isPayloadMismatch(final EndorseException e) {
        final String description = e.getStatus().getDescription();
        return e.getStatus().getCode() == Status.Code.ABORTED
                && (description != null && description.contains(PAYLOADS_DIFFER)
                        || e.getDetails().stream().anyMatch(d -> d.getMessage().contains(PAYLOADS_DIFFER)));
    }

    private static boolean isEndorsementPlanMissing(final EndorseException e) {
        final String description = e.getStatus().getDescription();
        return e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                && description != null
                && description.contains(NO_ENDORSEMENT_PLAN);
    }

    private void pause(
            final Duration backoff, final String transaction, final String reason, final GatewayException cause) {
        LOG.info(
                "{} for {} ({}); endorsing it again in {} ms",
                reason,
                transaction,
                cause.getStatus().getDescription(),
                backoff.toMillis());
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayErrors.translate(cause, peerEndpoint);
        }
    }

    /** @return the endpoint of the peer this contract is reached through */
    public String peerEndpoint() {
        return peerEndpoint;
    }

    private static String text(final byte[] response) {
        return new String(response, StandardCharsets.UTF_8);
    }
}
