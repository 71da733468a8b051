// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the result line of the coin flipper ({@code docs/coinflip.md}): {@code {"seed":"...","k":K,"flips":F}}, the
 * last non-blank line of the job's output (checkpoint lines are not part of a result).
 */
public final class CoinflipOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CoinflipOutput() {}

    /** @return the flips the output reports; empty when it is not a coin flipper's result */
    public static Optional<Long> flips(final String output) {
        final String[] lines = output.strip().split("\n");
        final String last = lines[lines.length - 1].strip();
        if (!last.startsWith("{")) {
            return Optional.empty();
        }
        try {
            final JsonNode flips = MAPPER.readTree(last).path("flips");
            return flips.canConvertToLong() && flips.isIntegralNumber() && flips.asLong() > 0
                    ? Optional.of(flips.asLong())
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
