// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;
import java.util.Optional;

/**
 * Everything the ledger holds about one round, as {@code beacon:GetRound} returns it: the frozen header, every
 * piece posted, the result once closed, and the phase the round is in on the multiparty clock at the time of
 * reading (with a note saying what it waits for). {@link RoundOutcome} recomputes the result from the pieces.
 *
 * @param phase {@code COMMIT}, {@code CHECK}, {@code REVEAL}, {@code CLOSABLE}, {@code CLOSED} or {@code STALLED}
 */
@JsonRootName("roundView")
@JsonPropertyOrder({"header", "phase", "note", "commits", "checks", "reveals", "recoveries", "result"})
public record RoundView(
        @JsonProperty("header") RoundHeader header,
        @JsonProperty("phase") String phase,
        @JsonProperty("note") String note,
        @JsonProperty("commits") List<RoundCommit> commits,
        @JsonProperty("checks") List<RoundCheck> checks,
        @JsonProperty("reveals") List<RoundReveal> reveals,
        @JsonProperty("recoveries") List<RoundRecovery> recoveries,
        @JsonProperty("result") RoundResult result) {
    public RoundView {
        commits = commits == null ? List.of() : List.copyOf(commits);
        checks = checks == null ? List.of() : List.copyOf(checks);
        reveals = reveals == null ? List.of() : List.copyOf(reveals);
        recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
    }

    public long round() {
        return header.round();
    }

    public Optional<RoundCommit> commit(final String dealer) {
        return commits.stream().filter(c -> c.dealer().equals(dealer)).findFirst();
    }

    public Optional<RoundCheck> check(final String holder) {
        return checks.stream().filter(c -> c.holder().equals(holder)).findFirst();
    }

    public Optional<RoundReveal> reveal(final String dealer) {
        return reveals.stream().filter(r -> r.dealer().equals(dealer)).findFirst();
    }

    public List<RoundRecovery> recoveriesOf(final String dealer) {
        return recoveries.stream().filter(r -> r.dealer().equals(dealer)).toList();
    }

    public Optional<RoundResult> closed() {
        return Optional.ofNullable(result);
    }
}
