// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.shim.ChaincodeException;

/** Reads the povm error a failed transaction returned, checking that message and payload agree. */
public final class ChaincodeErrors {
    private ChaincodeErrors() {}

    public static PovmError errorOf(final ThrowingCallable transaction) {
        final ChaincodeException e = catchThrowableOfType(ChaincodeException.class, transaction);
        assertThat(e).as("the transaction fails with a ChaincodeException").isNotNull();
        final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
        assertThat(e.getMessage()).isEqualTo(error.toMessage());
        return error;
    }
}
