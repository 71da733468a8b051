// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.params.provider.Arguments;

/**
 * An access-control matrix (operation x identity -> outcome) as the access-control tests check it: one parameterized
 * case per cell, and the table in the doc page compared with the expected one.
 */
final class AccessMatrix {
    private AccessMatrix() {}

    /** @return one (operation, identity, outcome) case per cell, row by row */
    static <T> Stream<Arguments> cells(final Map<String, List<String>> expected, final List<T> identities) {
        final List<Arguments> cells = new ArrayList<>();
        expected.forEach((operation, outcomes) -> {
            for (int i = 0; i < identities.size(); i++) {
                cells.add(Arguments.of(operation, identities.get(i), outcomes.get(i)));
            }
        });
        return cells.stream();
    }

    /**
     * Runs one cell's call on a {@link MockLedger}: a refusal must write nothing and set no event, and a FORBIDDEN
     * must name the caller rule.
     *
     * @return "allowed", or the refusal's error code
     */
    static String outcome(final MockLedger ledger, final String cell, final Supplier<String> call) {
        try {
            call.get();
            return "allowed";
        } catch (ChaincodeException e) {
            final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
            assertThat(ledger.stateWrites()).as("%s: %s", cell, error).isZero();
            assertThat(ledger.eventNames()).as("%s: %s", cell, error).isEmpty();
            if (error.code() == ErrorCode.FORBIDDEN) {
                assertThat(error.field()).as("%s: %s", cell, error).isEqualTo("caller");
            }
            return error.code().name();
        }
    }

    /**
     * @param columns the identity columns the table's header must name, in order
     * @return the rows of the table in {@code docs/<page>} whose header starts with {@code | operation |}: the
     *     operation, then its outcomes
     */
    static Map<String, List<String>> documented(final String page, final List<String> columns) {
        final Map<String, List<String>> documented = new LinkedHashMap<>();
        boolean inMatrix = false;
        for (String line : RepoDocs.lines(page)) {
            if (line.startsWith("| operation |")) {
                inMatrix = true;
                assertThat(line).isEqualTo("| operation | " + String.join(" | ", columns) + " |");
                continue;
            }
            if (inMatrix && !line.startsWith("|")) {
                break;
            }
            if (inMatrix && !line.startsWith("| ---")) {
                final String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                documented.put(cells[0], List.of(cells).subList(1, cells.length));
            }
        }
        return documented;
    }
}
