// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.SlaSpec;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link Reveal} of a replica: its attestation under the SLA's container configuration, signed with the
 * worker's attestation key, with the output inline when short and the checkpoint leaves when there are at most
 * {@value Reveal#MAX_LEAVES}.
 */
public final class Reveals {
    private final String workerKey;
    private final String msp;
    private final PrivateKey key;

    public Reveals(final String workerKey, final String msp, final PrivateKey key) {
        this.workerKey = Objects.requireNonNull(workerKey, "workerKey");
        this.msp = Objects.requireNonNull(msp, "msp");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @return the signed reveal of {@code evidence} for replica {@code replica} of {@code job}, under {@code nonce} */
    public Reveal seal(
            final Job job, final int replica, final SlaSpec sla, final ReplicaEvidence evidence, final String nonce) {
        final Attestation attestation =
                Attestation.of(job, replica, workerKey, msp, ContainerConfig.forSla(sla), evidence.result(), nonce);
        final List<byte[]> leaves = evidence.leafValues();
        return new Reveal(
                attestation,
                AttestationSignature.sign(attestation, key),
                evidence.result().output().orElse(null),
                leaves.size() <= Reveal.MAX_LEAVES
                        ? leaves.stream().map(Sha256::hex).toList()
                        : List.of());
    }

    /**
     * The copier's reveal (faulty mode {@code copy}): another replica's result, measurements and leaves, stated as
     * this worker's under a fresh nonce and properly signed. It passes every check but the commitment's.
     */
    public Reveal copy(final Reveal other, final int replica, final String nonce) {
        final Attestation a = other.attestation();
        final Attestation copied = a.claimedAs(replica, workerKey, msp, nonce);
        return new Reveal(
                copied,
                AttestationSignature.sign(copied, key),
                other.inlineOutput().orElse(null),
                other.checkpointLeaves());
    }
}
