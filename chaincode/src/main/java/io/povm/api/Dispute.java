// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * A challenge of a soft verdict (ECM and TrueBit, paper 003): who challenged, why, the deposit posted, how many
 * re-run replicas decide it and, once they did, the outcome and the first checkpoint at which the soft verdict's
 * answer and the re-run's answer diverge. A random audit is a challenge that the beacon's audit sub-seed selected
 * ({@code AuditJob}): it names its round, posts no deposit. See {@code docs/consensus.md}.
 *
 * <pre>{@code
 * {"challenger":{"msp":"Org1MSP","id":"x509::..."},"reason":"wrong flips","deposit":180,
 *  "challengedAt":"2026-11-21T10:01:00.000Z","rerunReplicas":1,"outcome":"OVERTURNED",
 *  "firstDivergence":{"index":2,"verdictLeaf":"ab...","rerunLeaf":"cd..."},"note":"...","auditRound":null}
 * }</pre>
 *
 * @param outcome {@value #UPHELD}, {@value #OVERTURNED} or {@value #UNDECIDED}; absent while the re-run runs
 * @param firstDivergence the first checkpoint index where the two answers' leaves differ, when both carry leaves
 *     and they differ
 * @param note how the outcome and the divergence were found
 * @param auditRound the beacon round whose audit sub-seed selected the job, for a random audit; absent for a
 *     challenge
 */
@JsonPropertyOrder({
    "challenger",
    "reason",
    "deposit",
    "challengedAt",
    "rerunReplicas",
    "outcome",
    "firstDivergence",
    "note",
    "auditRound"
})
public record Dispute(
        @JsonProperty("challenger") Submitter challenger,
        @JsonProperty("reason") String reason,
        @JsonProperty("deposit") long deposit,
        @JsonProperty("challengedAt") String challengedAt,
        @JsonProperty("rerunReplicas") int rerunReplicas,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("firstDivergence") Divergence firstDivergence,
        @JsonProperty("note") String note,
        @JsonProperty("auditRound") Long auditRound) {
    public static final String UPHELD = "UPHELD";
    public static final String OVERTURNED = "OVERTURNED";
    public static final String UNDECIDED = "UNDECIDED";

    public Dispute {
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(challengedAt, "challengedAt");
        reason = reason == null ? "" : reason;
    }

    /** @return a dispute just opened */
    public static Dispute opened(
            final Submitter challenger,
            final String reason,
            final long deposit,
            final String at,
            final int rerunReplicas) {
        return new Dispute(challenger, reason, deposit, at, rerunReplicas, null, null, null, null);
    }

    /** @return a random audit just opened by {@code auditor}: no deposit, selected by the round's audit sub-seed */
    public static Dispute audit(
            final Submitter auditor, final String reason, final long round, final String at, final int rerunReplicas) {
        return new Dispute(auditor, reason, 0, at, rerunReplicas, null, null, null, round);
    }

    /** @return this dispute decided */
    public Dispute decided(final String result, final Optional<Divergence> divergence, final String why) {
        return new Dispute(
                challenger,
                reason,
                deposit,
                challengedAt,
                rerunReplicas,
                result,
                divergence.orElse(null),
                why,
                auditRound);
    }

    /** @return the beacon round that selected this job for a random audit; empty for a challenge */
    public Optional<Long> audit() {
        return Optional.ofNullable(auditRound);
    }

    public Optional<String> decision() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The first checkpoint where two answers differ.
     *
     * @param index 0-based checkpoint index
     * @param verdictLeaf the soft verdict's leaf value there (absent when its list is shorter)
     * @param rerunLeaf the re-run's leaf value there (absent when its list is shorter)
     */
    @JsonPropertyOrder({"index", "verdictLeaf", "rerunLeaf"})
    public record Divergence(
            @JsonProperty("index") int index,
            @JsonProperty("verdictLeaf") String verdictLeaf,
            @JsonProperty("rerunLeaf") String rerunLeaf) {}
}
