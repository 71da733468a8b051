// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.PovmException;
import io.povm.api.PovmTransactions;
import java.util.regex.Pattern;

/** The page size argument of a listing: a decimal string from 1 to {@value PovmTransactions#MAX_PAGE_SIZE}. */
public final class PageSize {
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,2}");

    private PageSize() {}

    /** @throws PovmException INVALID_ARGUMENT [pageSize] for anything else */
    public static int parse(final String pageSize) {
        if (pageSize != null && DECIMAL.matcher(pageSize).matches()) {
            final int size = Integer.parseInt(pageSize);
            if (size <= PovmTransactions.MAX_PAGE_SIZE) {
                return size;
            }
        }
        throw PovmException.invalid(
                "pageSize", "must be a whole number from 1 to " + PovmTransactions.MAX_PAGE_SIZE + ", e.g. 50");
    }
}
