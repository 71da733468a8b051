// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.Sha256;
import io.povm.chaincode.assignment.SeedSource;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Seeds a job's draws from a closed beacon round's assign sub-seed: SHA-256("povm/assign/beacon/v1" || 0 || seed ||
 * 0 || seed id), where the seed id names the job and the draw (the job id, a replica's id, or {@code
 * <job>#spot-check}). The round opened after the job was submitted, so neither the submitter nor any single org knew
 * the seed, and nobody can grind it.
 */
public final class BeaconSeedSource implements SeedSource {
    private static final byte[] DOMAIN = "povm/assign/beacon/v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] seed;

    /** @param assignSeedHex the round's assign sub-seed, 64 hex digits */
    public BeaconSeedSource(final String assignSeedHex) {
        this.seed = HexFormat.of().parseHex(assignSeedHex);
    }

    @Override
    public byte[] assignmentSeed(final String seedId) {
        return Sha256.hash(DOMAIN, new byte[] {0}, seed, new byte[] {0}, seedId.getBytes(StandardCharsets.UTF_8));
    }
}
