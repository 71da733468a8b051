// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats the transaction timestamp, the only clock chaincode may read: ISO-8601 UTC, always with millis. */
public final class TxTime {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TxTime() {}

    /** @return e.g. {@code 2026-11-20T10:00:00.123Z}; sub-millisecond digits are dropped */
    public static String iso(final Instant txTimestamp) {
        return ISO_MILLIS.format(txTimestamp);
    }
}
