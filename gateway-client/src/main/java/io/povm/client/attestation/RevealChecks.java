// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.Attestation;
import io.povm.api.AttestationCheck;
import io.povm.api.AttestationCheck.Problem;
import io.povm.api.Commitment;
import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import io.povm.api.WorkerValidator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks of one stored reveal against the replica record it belongs to, ordered so that the first failure names
 * the field that was altered: the stated result against the replica's stored result, then the shared {@link
 * AttestationCheck} (job, replica, worker, image, SLA, configuration, output, leaves), then the commitment, then the
 * signature. A changed measurement, say, is reported as that measurement rather than as a signature that no longer
 * verifies.
 */
final class RevealChecks {
    private static final String SIGNATURE = "signature";

    /** One stated field of the result and how to read it. */
    private record Stated(String field, Function<ReplicaResult, Object> value) {}

    private static final List<Stated> RESULT_FIELDS = List.of(
            new Stated("attestation.resultHash", ReplicaResult::resultHash),
            new Stated("attestation.exitCode", ReplicaResult::exitCode),
            new Stated("attestation.limitHit", ReplicaResult::limitHit),
            new Stated("attestation.wallMillis", ReplicaResult::wallMillis),
            new Stated("attestation.cpuMillis", ReplicaResult::cpuMillis),
            new Stated("attestation.peakMemoryBytes", ReplicaResult::peakMemoryBytes),
            new Stated("attestation.outputBytes", ReplicaResult::outputBytes),
            new Stated("attestation.checkpointRoot", ReplicaResult::checkpointRoot),
            new Stated("attestation.checkpoints", ReplicaResult::checkpoints),
            new Stated("output", result -> result.output().orElse("(none)")));

    private RevealChecks() {}

    /** @return the first check of {@code reveal} that fails for {@code replica}; empty when all pass */
    static Optional<Problem> firstProblem(
            final Job job,
            final Replica replica,
            final SlaSpec sla,
            final Optional<String> keyPem,
            final Reveal reveal) {
        final Optional<Problem> result = sameResult(replica, reveal);
        if (result.isPresent()) {
            return result;
        }
        final PublicKey key;
        try {
            key = WorkerValidator.parseAttestationKey(
                    keyPem.orElseThrow(() -> PovmException.invalid(
                            "attestationKeys", "the evidence holds no attestation key of " + replica.workerKey())),
                    "attestationKeys");
        } catch (PovmException e) {
            return Optional.of(new Problem(
                    e.error().field(), replica.workerKey() + ": " + e.error().reason()));
        }
        final Optional<Problem> shared = AttestationCheck.firstProblem(job, replica, sla, key, reveal);
        if (shared.isPresent() && !SIGNATURE.equals(shared.get().field())) {
            return shared.map(problem -> relabel(problem, reveal));
        }
        final Optional<Problem> opens = opensCommitment(replica, reveal.attestation());
        if (opens.isPresent()) {
            return opens;
        }
        final Optional<Problem> base64 = canonicalBase64(reveal.signature());
        return base64.isPresent() ? base64 : shared;
    }

    /** (e): every field of the stated result equals the replica's stored result. */
    private static Optional<Problem> sameResult(final Replica replica, final Reveal reveal) {
        if (replica.result().isEmpty()) {
            return Optional.of(new Problem("result", "the RESULT_REVEALED replica record holds no result"));
        }
        final ReplicaResult stored = replica.result().get();
        final ReplicaResult stated = reveal.attestation().result(reveal.inlineOutput());
        for (final Stated field : RESULT_FIELDS) {
            final Object says = field.value().apply(stated);
            final Object has = field.value().apply(stored);
            if (!Objects.equals(says, has)) {
                return Optional.of(new Problem(
                        field.field(), "states " + brief(says) + " but the replica record has " + brief(has)));
            }
        }
        return Optional.empty();
    }

    /** (d): the stated result hash and nonce open the replica's commitment. */
    private static Optional<Problem> opensCommitment(final Replica replica, final Attestation a) {
        if (replica.commitment().isEmpty()) {
            return Optional.of(new Problem("commitment", "the RESULT_REVEALED replica record holds no commitment"));
        }
        return Commitment.opens(replica.commitment().get(), a.resultHash(), a.nonce(), a.workerKey())
                ? Optional.empty()
                : Optional.of(new Problem(
                        "attestation.nonce",
                        "with the stated resultHash it does not open the replica's commitment "
                                + replica.commitment().get()));
    }

    /**
     * A base64 text whose last character carries unused bits decodes to the same signature for several texts; only
     * the canonical one (what re-encoding the decoded bytes gives) is the signature the worker sent.
     */
    private static Optional<Problem> canonicalBase64(final String signature) {
        try {
            final String again =
                    Base64.getEncoder().encodeToString(Base64.getDecoder().decode(signature));
            return again.equals(signature)
                    ? Optional.empty()
                    : Optional.of(new Problem(SIGNATURE, "is not canonical base64; it would read " + again));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(SIGNATURE, "is not base64: " + e.getMessage()));
        }
    }

    /**
     * The stated result already equals the replica record, so an output or leaves mismatch found by the shared check
     * is the reveal's output or leaves, not the stated hash or root.
     */
    private static Problem relabel(final Problem problem, final Reveal reveal) {
        final String field = problem.field();
        if (!reveal.checkpointLeaves().isEmpty()
                && (field.equals("attestation.checkpointRoot") || field.equals("attestation.checkpoints"))) {
            return new Problem("checkpointLeaves", problem.reason());
        }
        if (reveal.inlineOutput().isPresent()
                && (field.equals("attestation.resultHash") || field.equals("attestation.outputBytes"))) {
            return new Problem("output", problem.reason());
        }
        return problem;
    }

    private static String brief(final Object value) {
        final String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
