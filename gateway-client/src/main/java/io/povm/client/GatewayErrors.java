// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.grpc.Status;
import io.povm.api.PovmError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Turns the Fabric gateway's exceptions into {@link PovmClientException}s.
 *
 * <p>The peer's gateway reports a chaincode error as a gRPC status whose description (evaluate) or whose
 * per-endorser {@link ErrorDetail} messages (endorse) hold the chaincode's response message, e.g. {@code
 * "chaincode response 500, INVALID_ARGUMENT [image] must be pinned ..."}; a {@link PovmError} found in any of them
 * makes the failure {@link PovmClientException.Kind#REJECTED}. Otherwise the gRPC status code decides.
 */
public final class GatewayErrors {
    static final String NETWORK_HINT = "is the network up? check it with network/network.sh status";
    static final String ORDERING_HINT = "a majority of the orderers must be up to order a transaction (check with"
            + " network/network.sh status); an orderer may still order it, so look before sending it again";
    static final String TLS_HINT = "check tlsRootCertPath and peerHostAlias in the profile";
    static final String ACCESS_HINT = "check the profile's mspId, certificatePath and privateKeyPath";
    private static final int MAX_DESCRIPTION_CHARS = 600;

    private GatewayErrors() {}

    /** Translates a failed evaluate, endorse, submit or commit-status call to the peer at {@code endpoint}. */
    public static PovmClientException translate(final GatewayException e, final String endpoint) {
        return translate(e.getStatus(), e.getDetails(), e, endpoint);
    }

    /** Translates a failed call that the gateway reports unchecked, such as an event stream. */
    public static PovmClientException translate(final GatewayRuntimeException e, final String endpoint) {
        return translate(e.getStatus(), e.getDetails(), e, endpoint);
    }

    /** Translates a transaction that was invalidated at commit. */
    public static PovmClientException translate(final CommitException e) {
        return PovmClientException.commitFailed(
                "transaction " + e.getTransactionId() + " failed to commit: " + e.getCode(),
                e.getTransactionId(),
                null,
                e);
    }

    /** Finds the chaincode's error in the detail messages, the status description or the exception's message. */
    public static Optional<PovmError> findError(
            final Status status, final List<ErrorDetail> details, final Throwable e) {
        return Stream.concat(
                        details.stream().map(ErrorDetail::getMessage),
                        Stream.of(status.getDescription(), e.getMessage()))
                .map(PovmError::parse)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static PovmClientException translate(
            final Status status, final List<ErrorDetail> details, final Exception e, final String endpoint) {
        final Optional<PovmError> error = findError(status, details, e);
        if (error.isPresent()) {
            return PovmClientException.rejected(error.get(), e);
        }
        final String description = describe(status, details);
        if (hasCause(status.getCause(), SSLException.class)) {
            return PovmClientException.identity(
                    "TLS handshake with peer " + endpoint + " failed: " + description, TLS_HINT, e);
        }
        switch (status.getCode()) {
            case UNAVAILABLE:
            case DEADLINE_EXCEEDED:
                if (e instanceof SubmitException) {
                    return PovmClientException.unavailable(
                            "the ordering service did not take the transaction (endorsed, sent through peer " + endpoint
                                    + "): " + description,
                            ORDERING_HINT,
                            e);
                }
                final String where = details.isEmpty() ? "peer " + endpoint : "the network behind peer " + endpoint;
                return PovmClientException.unavailable(where + " is unavailable: " + description, NETWORK_HINT, e);
            case PERMISSION_DENIED:
            case UNAUTHENTICATED:
                return PovmClientException.identity(
                        "peer " + endpoint + " refused the identity: " + description, ACCESS_HINT, e);
            default:
                if (description.contains("access denied") || description.contains("creator")) {
                    return PovmClientException.identity(
                            "peer " + endpoint + " refused the identity: " + description, ACCESS_HINT, e);
                }
                return PovmClientException.internal("peer " + endpoint + " failed the call: " + description, e);
        }
    }

    /** One line: the status code and description, then each endorser's message. */
    static String describe(final Status status, final List<ErrorDetail> details) {
        final StringBuilder text = new StringBuilder(status.getCode().name());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        if (!details.isEmpty()) {
            text.append("; ")
                    .append(details.stream()
                            .map(d -> d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage())
                            .collect(Collectors.joining("; ")));
        }
        final String line = text.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= MAX_DESCRIPTION_CHARS ? line : line.substring(0, MAX_DESCRIPTION_CHARS) + "...";
    }

    private static boolean hasCause(final Throwable start, final Class<? extends Throwable> type) {
        for (Throwable cause = start; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
