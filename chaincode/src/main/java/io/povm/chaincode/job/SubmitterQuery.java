// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.KeyText;
import io.povm.api.PovmException;
import io.povm.api.Quote;
import io.povm.api.Submitter;
import java.util.regex.Pattern;

/**
 * The submitter a {@code ListJobsBySubmitter} call asks about: the one named by MSP id and Fabric id, or the caller
 * when the id is empty.
 */
public final class SubmitterQuery {
    private static final Pattern MSP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SubmitterQuery() {}

    /**
     * @param msp the MSP id, e.g. Org1MSP; empty (or the caller's own) when {@code submitterId} is empty
     * @param submitterId the Fabric id {@code x509::<subject>::<issuer>}; empty for the caller
     * @throws PovmException INVALID_ARGUMENT [msp] or [submitterId] when malformed
     */
    public static Submitter resolve(final String msp, final String submitterId, final Submitter caller) {
        final String mspId = msp == null ? "" : msp;
        if (submitterId == null || submitterId.isEmpty()) {
            if (!mspId.isEmpty() && !mspId.equals(caller.msp())) {
                throw PovmException.invalid(
                        "msp",
                        "is " + Quote.prefix(mspId) + " but submitterId is empty, which means the caller, of "
                                + caller.msp() + "; give both, or neither for your own jobs");
            }
            return caller;
        }
        if (!MSP.matcher(mspId).matches()) {
            throw PovmException.invalid("msp", "must be an MSP id such as Org1MSP: 1 to 128 of A-Z a-z 0-9 . _ -");
        }
        return new Submitter(mspId, KeyText.requireFabricId(submitterId, "submitterId"));
    }
}
