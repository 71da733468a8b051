// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The checks every revealed attestation must pass, shared by the chaincode (at {@code RevealResult}) and by {@code
 * povm attestation verify} (offline, from ledger data): it names this job, replica, worker, image and SLA; its
 * configuration is the SLA's; its CPU time fits its wall time on the SLA's cores; its inline output and checkpoint leaves hash to what it states; the worker's
 * registered key signed it. Whether it opens the replica's commitment is checked apart ({@link Commitment}), since
 * a reveal that fails only that is recorded as a fault rather than refused.
 */
public final class AttestationCheck {
    /**
     * One failed check.
     *
     * @param field the attestation or reveal field that does not check, e.g. {@code attestation.configHash}
     * @param reason what was expected
     */
    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    private AttestationCheck() {}

    /**
     * @param replica the replica the reveal is for, as the job holds it
     * @param attestationKey the worker's registered attestation key
     * @return the first check that fails, in the order of the attestation's fields; empty when all pass
     */
    public static Optional<Problem> firstProblem(
            final Job job,
            final Replica replica,
            final SlaSpec sla,
            final PublicKey attestationKey,
            final Reveal reveal) {
        final Attestation a = reveal.attestation();
        return first(
                same("attestation.jobId", a.jobId(), job.id()),
                same("attestation.replica", a.replica(), replica.index()),
                same("attestation.workerKey", a.workerKey(), replica.workerKey()),
                same("attestation.msp", a.msp(), replica.msp()),
                same("attestation.imageDigest", a.imageDigest(), job.spec().image()),
                same("attestation.slaRef", a.slaRef(), job.spec().sla()),
                same(
                        "attestation.configHash",
                        a.configHash(),
                        ContainerConfig.forSla(sla).hash()),
                cpuFitsWall(a, sla),
                outputLimit(a, sla),
                output(reveal),
                leaves(reveal),
                signature(reveal, attestationKey));
    }

    @SafeVarargs
    private static Optional<Problem> first(final Optional<Problem>... checks) {
        for (final Optional<Problem> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> same(final String field, final Object stated, final Object expected) {
        return stated.equals(expected)
                ? Optional.empty()
                : Optional.of(new Problem(field, "states " + stated + " but the ledger has " + expected));
    }

    /** @return the SLA's CPU cores: its {@code cpuMillis} (thousandths of a core) rounded up to whole cores */
    public static long cores(final SlaSpec sla) {
        return Math.max(1, (sla.vm().cpuMillis() + 999L) / 1000);
    }

    /**
     * CPU the container's cgroup is charged before the engine records the job's start (the container runtime's own
     * set-up, runc init): 20 to 50 ms measured here, so a job of a few ms of wall shows more CPU than wall.
     */
    public static final long SETUP_CPU_MILLIS = 250;

    /**
     * CPU time above wall time x the SLA's cores (plus the runtime's set-up, {@link #SETUP_CPU_MILLIS}) cannot have
     * been measured: no VM runs more cores than it has.
     */
    private static Optional<Problem> cpuFitsWall(final Attestation a, final SlaSpec sla) {
        final BigInteger most = BigInteger.valueOf(a.wallMillis())
                .multiply(BigInteger.valueOf(cores(sla)))
                .add(BigInteger.valueOf(SETUP_CPU_MILLIS));
        return BigInteger.valueOf(a.cpuMillis()).compareTo(most) <= 0
                ? Optional.empty()
                : Optional.of(new Problem(
                        "attestation.cpuMillis",
                        "states " + a.cpuMillis() + " ms of CPU in " + a.wallMillis() + " ms of wall; SLA " + sla.ref()
                                + " gives " + cores(sla) + " core(s), so at most " + most + " ms"));
    }

    private static Optional<Problem> outputLimit(final Attestation a, final SlaSpec sla) {
        return a.outputBytes() <= sla.job().maxOutputBytes()
                ? Optional.empty()
                : Optional.of(new Problem(
                        "attestation.outputBytes",
                        "states " + a.outputBytes() + " bytes; SLA " + sla.ref() + " allows at most "
                                + sla.job().maxOutputBytes()));
    }

    private static Optional<Problem> output(final Reveal reveal) {
        if (reveal.inlineOutput().isEmpty()) {
            return Optional.empty();
        }
        final byte[] output = reveal.output().getBytes(StandardCharsets.UTF_8);
        final Attestation a = reveal.attestation();
        if (output.length != a.outputBytes()) {
            return Optional.of(new Problem(
                    "attestation.outputBytes",
                    "states " + a.outputBytes() + " but the inline output has " + output.length + " bytes"));
        }
        final String hash = Sha256.hex(Sha256.hash(output));
        return hash.equals(a.resultHash())
                ? Optional.empty()
                : Optional.of(new Problem(
                        "attestation.resultHash",
                        "states " + a.resultHash() + " but the inline output hashes to " + hash));
    }

    private static Optional<Problem> leaves(final Reveal reveal) {
        if (reveal.checkpointLeaves().isEmpty()) {
            return Optional.empty();
        }
        final Attestation a = reveal.attestation();
        if (reveal.checkpointLeaves().size() != a.checkpoints()) {
            return Optional.of(new Problem(
                    "attestation.checkpoints",
                    "states " + a.checkpoints() + " but the reveal has "
                            + reveal.checkpointLeaves().size() + " leaves"));
        }
        final String root = Sha256.hex(MerkleTree.root(reveal.leafValues()));
        return root.equals(a.checkpointRoot())
                ? Optional.empty()
                : Optional.of(new Problem(
                        "attestation.checkpointRoot",
                        "states " + a.checkpointRoot() + " but the checkpoint leaves hash to " + root));
    }

    private static Optional<Problem> signature(final Reveal reveal, final PublicKey key) {
        return AttestationSignature.verifies(reveal.attestation(), reveal.signature(), key)
                ? Optional.empty()
                : Optional.of(new Problem(
                        "signature",
                        "does not verify with the worker's registered attestation key over the attestation's"
                                + " RFC 8785 bytes"));
    }
}
