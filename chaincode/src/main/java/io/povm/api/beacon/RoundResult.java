// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * A closed round, stored once under {@code ("beacon-result", round)}: its seed and sub-seeds, how each contributing
 * org's secret came out, the strikes, and the lottery draw with every input, so that anyone can recompute it
 * ({@link RoundOutcome}).
 *
 * @param qualified the dealers that committed and were not disqualified, in index order
 * @param contributions how each qualified dealer's secret came out: {@value #REVEALED} or {@value #RECOVERED}
 */
@JsonRootName("result")
@JsonPropertyOrder({
    "round",
    "seed",
    "lotterySeed",
    "assignSeed",
    "auditSeed",
    "qualified",
    "contributions",
    "strikes",
    "lottery",
    "closedAt",
    "closedBy",
    "txId"
})
public record RoundResult(
        @JsonProperty("round") long round,
        @JsonProperty("seed") String seed,
        @JsonProperty("lotterySeed") String lotterySeed,
        @JsonProperty("assignSeed") String assignSeed,
        @JsonProperty("auditSeed") String auditSeed,
        @JsonProperty("qualified") List<String> qualified,
        @JsonProperty("contributions") List<Contribution> contributions,
        @JsonProperty("strikes") List<Strike> strikes,
        @JsonProperty("lottery") Lottery lottery,
        @JsonProperty("closedAt") String closedAt,
        @JsonProperty("closedBy") String closedBy,
        @JsonProperty("txId") String txId) {
    public static final String REVEALED = "revealed";
    public static final String RECOVERED = "recovered";

    public RoundResult {
        qualified = qualified == null ? List.of() : List.copyOf(qualified);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        strikes = strikes == null ? List.of() : List.copyOf(strikes);
    }

    @JsonPropertyOrder({"msp", "how"})
    public record Contribution(@JsonProperty("msp") String msp, @JsonProperty("how") String how) {}

    /** A strike against an org in this round; its workers drop out of the round's lottery. */
    @JsonPropertyOrder({"msp", "reason"})
    public record Strike(@JsonProperty("msp") String msp, @JsonProperty("reason") String reason) {
        public static final String ABSENT = "absent: did not commit by the deadline";
        public static final String WITHHELD = "withheld: did not reveal by the deadline; recovered from shares";
        public static final String DISQUALIFIED = "disqualified: dealt a share that fails its commitments";
    }

    /**
     * The draw: the frozen tickets of orgs without a strike, their total, and each winner with the uniform x in [0,
     * total) that picked it (rejection-sampled from SHA-256(lotterySeed || draw index)).
     */
    @JsonPropertyOrder({"eligible", "excluded", "reward", "winners"})
    public record Lottery(
            @JsonProperty("eligible") List<TicketTotal> eligible,
            @JsonProperty("excluded") List<String> excluded,
            @JsonProperty("reward") long reward,
            @JsonProperty("winners") List<Winner> winners) {
        public Lottery {
            eligible = eligible == null ? List.of() : List.copyOf(eligible);
            excluded = excluded == null ? List.of() : List.copyOf(excluded);
            winners = winners == null ? List.of() : List.copyOf(winners);
        }
    }

    @JsonPropertyOrder({"draw", "workerKey", "msp", "fabricId", "tickets", "total", "x", "amount"})
    public record Winner(
            @JsonProperty("draw") int draw,
            @JsonProperty("workerKey") String workerKey,
            @JsonProperty("msp") String msp,
            @JsonProperty("fabricId") String fabricId,
            @JsonProperty("tickets") long tickets,
            @JsonProperty("total") long total,
            @JsonProperty("x") long x,
            @JsonProperty("amount") long amount) {}

    /** @return this result as stored, stamped with the closing transaction */
    public RoundResult stamped(final String at, final String by, final String tx) {
        return new RoundResult(
                round,
                seed,
                lotterySeed,
                assignSeed,
                auditSeed,
                qualified,
                contributions,
                strikes,
                lottery,
                at,
                by,
                tx);
    }
}
