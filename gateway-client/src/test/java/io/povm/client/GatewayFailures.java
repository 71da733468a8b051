// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Gateway exceptions shaped like the ones a Fabric peer's gateway returns. */
public final class GatewayFailures {
    private GatewayFailures() {}

    /** A chaincode error on endorse: ABORTED, the chaincode's message in each endorser's detail. */
    public static EndorseException endorseRejected(final String chaincodeMessage) {
        return new EndorseException(
                "tx-1",
                status(
                        Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        detail("peer0.org1.povm.test:7110", "Org1MSP", "chaincode response 500, " + chaincodeMessage)));
    }

    /** A chaincode error on evaluate: the chaincode's message in the status description. */
    public static GatewayException evaluateRejected(final String chaincodeMessage) {
        final String message = "chaincode response 500, " + chaincodeMessage;
        return new GatewayException(status(
                Status.Code.UNKNOWN,
                "evaluate call to endorser returned error: " + message,
                detail("peer0.org1.povm.test:7110", "Org1MSP", message)));
    }

    public static GatewayException withStatus(
            final Status.Code code, final String description, final ErrorDetail... details) {
        return new GatewayException(status(code, description, details));
    }

    public static EndorseException endorseWithStatus(final Status.Code code, final String description) {
        return new EndorseException("tx-1", status(code, description));
    }

    public static SubmitException submitWithStatus(final Status.Code code, final String description) {
        return new SubmitException("tx-1", status(code, description));
    }

    public static CommitException commitFailure(final TxValidationCode code, final String transactionId) {
        final CommitException e = mock(CommitException.class);
        when(e.getCode()).thenReturn(code);
        when(e.getTransactionId()).thenReturn(transactionId);
        when(e.getMessage()).thenReturn("Commit of transaction " + transactionId + " failed with status code " + code);
        return e;
    }

    public static ErrorDetail detail(final String address, final String mspId, final String message) {
        return ErrorDetail.newBuilder()
                .setAddress(address)
                .setMspId(mspId)
                .setMessage(message)
                .build();
    }

    private static StatusRuntimeException status(
            final Status.Code code, final String message, final ErrorDetail... details) {
        final com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
        for (ErrorDetail detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
