package io.povm.client;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
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
 */
public final class PovmChaincode {
    /** How many times a submit is re-endorsed after a read conflict at commit. */
    public static final int MAX_COMMIT_RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PovmChaincode.class);
    private static final Set<TxValidationCode> READ_CONFLICTS =
            EnumSet.of(TxValidationCode.MVCC_READ_CONFLICT, TxValidationCode.PHANTOM_READ_CONFLICT);

    private final Contract contract;
    private final String peerEndpoint;

    /**
     * @param contract the gateway's contract for the povm chaincode
     * @param peerEndpoint the peer the gateway talks to, named in error messages
     */
    public PovmChaincode(final Contract contract, final String peerEndpoint) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.peerEndpoint = Objects.requireNonNull(peerEndpoint, "peerEndpoint");
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
     *     for read conflicts are spent
     */
    public String submit(final String transaction, final String... args) {
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
            } catch (GatewayException e) {
                throw GatewayErrors.translate(e, peerEndpoint);
            } catch (GatewayRuntimeException e) {
                throw GatewayErrors.translate(e, peerEndpoint);
            }
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
