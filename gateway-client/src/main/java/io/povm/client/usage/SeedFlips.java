// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One coin-flip run (see {@code docs/coinflip.md}): the seed, and the flips it took to see K heads in a row.
 *
 * @param seed the job's {@code SEED}
 * @param flips the number of flips made, 1 or more
 */
@JsonPropertyOrder({"seed", "flips"})
public record SeedFlips(@JsonProperty("seed") String seed, @JsonProperty("flips") long flips) {
    public SeedFlips {
        Objects.requireNonNull(seed, "seed");
        if (flips < 1) {
            throw new IllegalArgumentException("flips of seed " + seed + " is " + flips + "; must be 1 or more");
        }
    }
}
