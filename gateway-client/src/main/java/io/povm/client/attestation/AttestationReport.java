// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.AttestationCheck.Problem;
import io.povm.api.ReplicaState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AttestationVerifier} found: one outcome per replica of the job, the verdict recount, and problems that
 * belong to no replica (a stored attestation that names no revealed replica). The job passes when nothing failed.
 *
 * <pre>{@code
 * {"jobId":"flip-1","passed":false,
 *  "replicas":[{"index":0,"workerKey":"Org1MSP/w1","state":"RESULT_REVEALED","outcome":"OK"},
 *              {"index":1,"workerKey":"Org2MSP/w1","state":"RESULT_REVEALED","outcome":"FAILED",
 *               "field":"attestation.wallMillis","reason":"states 813 but the replica record has 812"}],
 *  "verdict":{"subject":"verdict","outcome":"OK","reason":"..."},"problems":[]}
 * }</pre>
 */
@JsonPropertyOrder({"jobId", "passed", "replicas", "verdict", "problems"})
public record AttestationReport(
        @JsonProperty("jobId") String jobId,
        @JsonProperty("replicas") List<ReplicaOutcome> replicas,
        @JsonProperty("verdict") Finding verdict,
        @JsonProperty("problems") List<Finding> problems) {
    /** A check passed. */
    public static final String OK = "OK";
    /** A check failed; {@code field} and {@code reason} say which and why. */
    public static final String FAILED = "FAILED";
    /** Nothing to check: the replica was not revealed, or the job has no verdict yet. */
    public static final String SKIPPED = "SKIPPED";

    public AttestationReport {
        Objects.requireNonNull(jobId, "jobId");
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(verdict, "verdict");
        problems = List.copyOf(problems);
    }

    /** @return whether every revealed replica's attestation, the verdict and the stored attestations all check */
    @JsonProperty("passed")
    public boolean passed() {
        return problems.isEmpty()
                && !FAILED.equals(verdict.outcome())
                && replicas.stream().noneMatch(r -> FAILED.equals(r.outcome()));
    }

    /** @return every failure, replicas first, as {@code subject: field: reason} lines */
    public List<String> failures() {
        final List<String> lines = new ArrayList<>();
        replicas.stream()
                .filter(r -> FAILED.equals(r.outcome()))
                .forEach(r -> lines.add(
                        "replica " + r.index() + " (" + r.workerKey() + "): " + r.field() + ": " + r.reason()));
        if (FAILED.equals(verdict.outcome())) {
            lines.add(verdict.toString());
        }
        problems.forEach(p -> lines.add(p.toString()));
        return List.copyOf(lines);
    }

    /**
     * The outcome of one replica.
     *
     * @param outcome {@value #OK}, {@value #FAILED} (with the first field that does not check) or {@value #SKIPPED}
     *     (not revealed: nothing is stored to check)
     */
    @JsonPropertyOrder({"index", "workerKey", "state", "outcome", "field", "reason"})
    public record ReplicaOutcome(
            @JsonProperty("index") int index,
            @JsonProperty("workerKey") String workerKey,
            @JsonProperty("state") ReplicaState state,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("field") String field,
            @JsonProperty("reason") String reason) {
        static ReplicaOutcome of(
                final int index, final String workerKey, final ReplicaState state, final Optional<Problem> problem) {
            return problem.map(p -> new ReplicaOutcome(index, workerKey, state, FAILED, p.field(), p.reason()))
                    .orElseGet(() -> new ReplicaOutcome(index, workerKey, state, OK, null, null));
        }

        static ReplicaOutcome skipped(
                final int index, final String workerKey, final ReplicaState state, final String why) {
            return new ReplicaOutcome(index, workerKey, state, SKIPPED, null, why);
        }

        /** @return the problem, when the replica failed */
        public Optional<Problem> problem() {
            return FAILED.equals(outcome) ? Optional.of(new Problem(field, reason)) : Optional.empty();
        }
    }

    /**
     * A check that belongs to no single replica.
     *
     * @param subject what was checked, e.g. {@code verdict} or {@code attestations[3]}
     * @param outcome {@value #OK}, {@value #FAILED} or {@value #SKIPPED}
     * @param field the field that does not check, when failed
     */
    @JsonPropertyOrder({"subject", "outcome", "field", "reason"})
    public record Finding(
            @JsonProperty("subject") String subject,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("field") String field,
            @JsonProperty("reason") String reason) {
        static Finding failed(final String subject, final Problem problem) {
            return new Finding(subject, FAILED, problem.field(), problem.reason());
        }

        @Override
        public String toString() {
            return subject + ": " + (field == null ? "" : field + ": ") + reason;
        }
    }
}
