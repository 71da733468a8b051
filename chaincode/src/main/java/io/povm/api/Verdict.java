// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a job's revealed results were counted: the winning result hash (absent when no answer won), every distinct
 * answer with the workers that gave it, who agreed with the winner, who disagreed, who timed out (lease expired or
 * never revealed), whose reveal did not open its commitment, and the SLA violations seen. See {@code
 * docs/consensus.md}.
 *
 * <pre>{@code
 * {"stage":"soft","resultHash":"9f86...","decidedAt":"2026-11-21T10:00:00.000Z",
 *  "answers":[{"resultHash":"9f86...","workers":["Org1MSP/w1","Org3MSP/w1"]},{"resultHash":"1b4f...","workers":["Org2MSP/w1"]}],
 *  "agreed":["Org1MSP/w1","Org3MSP/w1"],"disagreed":["Org2MSP/w1"],"timedOut":[],"faulted":[],"violations":[],
 *  "reason":"2 of 3 replicas agree (k-vote needs 2)"}
 * }</pre>
 *
 * @param stage {@value #SOFT} (counted from the job's replicas), {@value #FIRM} (counted from a dispute's re-run) or
 *     {@value #NONE} (no answer won; the job failed)
 */
@JsonPropertyOrder({
    "stage",
    "resultHash",
    "decidedAt",
    "answers",
    "agreed",
    "disagreed",
    "timedOut",
    "faulted",
    "violations",
    "reason"
})
public record Verdict(
        @JsonProperty("stage") String stage,
        @JsonProperty("resultHash") String resultHash,
        @JsonProperty("decidedAt") String decidedAt,
        @JsonProperty("answers") List<Answer> answers,
        @JsonProperty("agreed") List<String> agreed,
        @JsonProperty("disagreed") List<String> disagreed,
        @JsonProperty("timedOut") List<String> timedOut,
        @JsonProperty("faulted") List<String> faulted,
        @JsonProperty("violations") List<Violation> violations,
        @JsonProperty("reason") String reason) {
    public static final String SOFT = "soft";
    public static final String FIRM = "firm";
    public static final String NONE = "none";

    public Verdict {
        PovmException.requirePresent(stage, "verdict.stage", "soft, firm or none");
        PovmException.requirePresent(decidedAt, "verdict.decidedAt", "ISO-8601 UTC time");
        answers = answers == null ? List.of() : List.copyOf(answers);
        agreed = agreed == null ? List.of() : List.copyOf(agreed);
        disagreed = disagreed == null ? List.of() : List.copyOf(disagreed);
        timedOut = timedOut == null ? List.of() : List.copyOf(timedOut);
        faulted = faulted == null ? List.of() : List.copyOf(faulted);
        violations = violations == null ? List.of() : List.copyOf(violations);
        PovmException.requirePresent(reason, "verdict.reason", "why the verdict is what it is");
    }

    /** @return the winning result hash; empty when no answer won */
    public Optional<String> winner() {
        return Optional.ofNullable(resultHash);
    }

    /**
     * One distinct answer.
     *
     * @param resultHash the answer's result hash
     * @param workers the workers (registry keys) that revealed it, in replica order
     */
    @JsonPropertyOrder({"resultHash", "workers"})
    public record Answer(@JsonProperty("resultHash") String resultHash, @JsonProperty("workers") List<String> workers) {
        public Answer {
            Objects.requireNonNull(resultHash, "resultHash");
            workers = workers == null ? List.of() : List.copyOf(workers);
        }
    }

    /**
     * Measured usage beyond what the SLA allows, blamed on the party that caused it.
     *
     * @param party {@value #WORKER} (it misreported a limit) or {@value #CUSTOMER} (the job exceeded its SLA)
     * @param who the worker's registry key, or the customer's {@code msp/id}
     * @param replica the replica whose measurement shows it
     * @param kind the limit: {@code TIMEOUT}, {@code OOM_KILLED}, {@code PIDS_LIMIT}, {@code DISK_LIMIT}, {@code
     *     OUTPUT_LIMIT}; or {@value #USAGE}: the worker claimed more usage than the agreeing replicas support
     *     ({@link AgreedUsage})
     * @param detail what was measured against what was allowed
     */
    @JsonPropertyOrder({"party", "who", "replica", "kind", "detail"})
    public record Violation(
            @JsonProperty("party") String party,
            @JsonProperty("who") String who,
            @JsonProperty("replica") int replica,
            @JsonProperty("kind") String kind,
            @JsonProperty("detail") String detail) {
        public static final String WORKER = "worker";
        public static final String CUSTOMER = "customer";

        /** A worker's claim above the agreed usage by more than the tolerance: counted, but paid on the agreed. */
        public static final String USAGE = "USAGE";

        public Violation {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /**
         * @return whether the violation costs the worker its pay: a misreported SLA limit does; an over-claimed usage
         *     does not, since the worker is paid on the agreed figure anyway
         */
        public boolean forfeitsPay() {
            return WORKER.equals(party) && !USAGE.equals(kind);
        }
    }
}
