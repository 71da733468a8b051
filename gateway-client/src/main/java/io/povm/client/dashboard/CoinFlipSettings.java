// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the dashboard's coin-flip form submits with.
 *
 * @param image the povm/coinflip image pinned by digest, or empty when unknown (the form then refuses)
 * @param sla the SLA of the jobs, e.g. {@code standard@1}
 * @param idPrefixes a new prefix for each sweep's job ids
 */
public record CoinFlipSettings(Optional<String> image, String sla, Supplier<String> idPrefixes) {
    /** The SLA the network starts with. */
    public static final String DEFAULT_SLA = "standard@1";

    public CoinFlipSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(idPrefixes, "idPrefixes");
    }

    /** @return settings whose sweeps are named {@code flip-<8 random hex>} */
    public static CoinFlipSettings of(final Optional<String> image, final String sla) {
        return new CoinFlipSettings(image, sla, CoinFlipSettings::randomPrefix);
    }

    String newIdPrefix() {
        return idPrefixes.get();
    }

    private static String randomPrefix() {
        final byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return "flip-" + HexFormat.of().formatHex(bytes);
    }
}
