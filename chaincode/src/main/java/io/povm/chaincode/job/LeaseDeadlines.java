// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.LeaseTerms;
import io.povm.api.VmTerms;
import io.povm.chaincode.TxTime;
import java.time.Instant;

/** The lease deadlines of a replica, from the transaction time and the SLA's terms. */
final class LeaseDeadlines {
    private LeaseDeadlines() {}

    /** @return when a replica assigned at {@code at} must be acknowledged */
    static String acknowledgeBy(final String at, final LeaseTerms lease) {
        return TxTime.iso(Instant.parse(at).plus(lease.startWindow()));
    }

    /** @return {@code seconds} after {@code at}, e.g. the end of a reveal or challenge window */
    static String after(final String at, final int seconds) {
        return TxTime.iso(Instant.parse(at).plusSeconds(seconds));
    }

    /** @return when a replica acknowledged at {@code at} must be reported */
    static String finishBy(final String at, final LeaseTerms lease, final VmTerms vm) {
        return TxTime.iso(Instant.parse(at).plus(lease.finishWindow(vm)));
    }
}
