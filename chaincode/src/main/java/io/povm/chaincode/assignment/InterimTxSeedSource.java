// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * INTERIM AND GRINDABLE: seeds an assignment with SHA-256("povm/assign/interim/v1" || 0 || txId || 0 || jobId).
 *
 * <p>Deterministic for every endorser, but whoever creates the assigning transaction chooses its transaction id
 * (it derives from a client nonce), so they can retry until the draw picks the workers they want. It exists only so
 * that assignment works before the multiparty beacon lands; the beacon issue replaces it with a round's sub-seed that
 * nobody knew when the job was submitted.
 */
public final class InterimTxSeedSource implements SeedSource {
    private static final byte[] DOMAIN = "povm/assign/interim/v1".getBytes(StandardCharsets.UTF_8);

    private final String txId;

    /** @param txId the id of the transaction that performs the assignment */
    public InterimTxSeedSource(final String txId) {
        if (txId == null || txId.isEmpty()) {
            throw new IllegalArgumentException("txId is required");
        }
        this.txId = txId;
    }

    @Override
    public byte[] assignmentSeed(final String jobId) {
        final MessageDigest sha256 = SeededDraw.sha256();
        sha256.update(DOMAIN);
        sha256.update((byte) 0);
        sha256.update(txId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(jobId.getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }
}
