// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import java.util.Objects;

/**
 * A worker as settlement pays it: the account of its registered identity and its payout multiplier.
 *
 * @param msp the worker's org
 * @param fabricId the worker's registered Fabric id
 * @param permille the share of its pay it receives, {@code Reputation.payoutPermille} of its record, 0 to 1000
 */
record Payee(String msp, String fabricId, long permille) {
    Payee {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(fabricId, "fabricId");
        if (permille < 0 || permille > 1000) {
            throw new IllegalArgumentException("permille is 0 to 1000; got " + permille);
        }
    }
}
