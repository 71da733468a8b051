// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.PovmException;
import java.util.Set;

/**
 * The beacon's governance parameters, changed only by a majority of member org admins ({@code
 * beacon:ProposeConfig}/{@code ApproveConfig}); a round copies the values it uses when it opens.
 *
 * <pre>{@code
 * {"phaseSeconds":20,"cadenceSeconds":30,"reward":1000,"winners":1,"tickets":"povm","gammaPermille":1000,
 *  "heartbeatSeconds":120,"auditNum":1,"auditDen":10,"assignment":"interim"}
 * }</pre>
 *
 * @param phaseSeconds each phase's deadline (commit, check, reveal) after the round opened; a phase closes earlier
 *     when every org acted
 * @param cadenceSeconds how long after a round closed the daemons open the next one
 * @param reward credits minted per round to its lottery winners, split evenly
 * @param winners winners drawn per round without replacement (nanopayment-style lottery when more than one)
 * @param tickets {@value #POVM} (verified work) or {@value #CLOUDPOS} (staked free capacity of live workers)
 * @param gammaPermille CloudPoS: tickets per free VM slot, in thousandths
 * @param heartbeatSeconds CloudPoS: a worker counts as alive when its last heartbeat is this recent
 * @param auditNum a finished job is audited with probability auditNum/auditDen
 * @param assignment {@value #BEACON}: a job waits for the first round opened after its submission and is assigned
 *     with that round's seed; {@value #INTERIM}: the grindable transaction-id seed
 */
@JsonRootName("beaconConfig")
@JsonPropertyOrder({
    "phaseSeconds",
    "cadenceSeconds",
    "reward",
    "winners",
    "tickets",
    "gammaPermille",
    "heartbeatSeconds",
    "auditNum",
    "auditDen",
    "assignment"
})
public record BeaconConfig(
        @JsonProperty("phaseSeconds") int phaseSeconds,
        @JsonProperty("cadenceSeconds") int cadenceSeconds,
        @JsonProperty("reward") long reward,
        @JsonProperty("winners") int winners,
        @JsonProperty("tickets") String tickets,
        @JsonProperty("gammaPermille") long gammaPermille,
        @JsonProperty("heartbeatSeconds") int heartbeatSeconds,
        @JsonProperty("auditNum") long auditNum,
        @JsonProperty("auditDen") long auditDen,
        @JsonProperty("assignment") String assignment) {
    public static final String POVM = "povm";
    public static final String CLOUDPOS = "cloudpos";
    public static final String BEACON = "beacon";
    public static final String INTERIM = "interim";
    public static final long MAX_REWARD = 1_000_000_000L;

    /** The parameters in force until governance changes them. */
    public static final BeaconConfig DEFAULT = new BeaconConfig(20, 30, 1000, 1, POVM, 1000, 120, 1, 10, INTERIM);

    public BeaconConfig {
        range("phaseSeconds", phaseSeconds, 2, 3600);
        range("cadenceSeconds", cadenceSeconds, 0, 86_400);
        range("reward", reward, 0, MAX_REWARD);
        range("winners", winners, 1, 16);
        oneOf("tickets", tickets, Set.of(POVM, CLOUDPOS));
        range("gammaPermille", gammaPermille, 0, 1_000_000);
        range("heartbeatSeconds", heartbeatSeconds, 1, 86_400);
        range("auditDen", auditDen, 1, 1_000_000);
        range("auditNum", auditNum, 0, auditDen);
        oneOf("assignment", assignment, Set.of(BEACON, INTERIM));
    }

    private static void range(final String field, final long value, final long min, final long max) {
        if (value < min || value > max) {
            throw PovmException.invalid(field, "must be " + min + " to " + max + "; got " + value);
        }
    }

    private static void oneOf(final String field, final String value, final Set<String> accepted) {
        if (value == null || !accepted.contains(value)) {
            throw PovmException.invalid(
                    field,
                    "must be one of "
                            + String.join(", ", accepted.stream().sorted().toList()) + "; got " + value);
        }
    }
}
