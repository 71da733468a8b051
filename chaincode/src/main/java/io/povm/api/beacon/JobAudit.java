// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;

/**
 * Whether a job is audited at random ({@code GetJobAudit}): a job's audit round is the first beacon round opened
 * after its soft verdict, so nobody knew at the verdict, nor when the workers ran it, whether it would be checked.
 * The job is selected when {@link Audit#selected} holds for the round's audit sub-seed and the audit rate the round
 * froze; a selected job is re-run by as many fresh workers as its first run had ({@code AuditJob}) before it can be
 * finalized.
 *
 * <pre>{@code
 * {"jobId":"flip-1","round":7,"state":"SELECTED","auditNum":1,"auditDen":10,"auditSeed":"5e...",
 *  "note":"SHA-256(auditSeed || jobId) x 10 < 1 x 2^256: selected at 1/10 by round 7"}
 * }</pre>
 *
 * @param round the audit round; absent in state {@value #NONE}
 * @param state {@value #NONE} (no soft verdict yet), {@value #WAITING} (the round has not opened), {@value #OPEN}
 *     (the round is open: FinalizeJob waits for it), {@value #SELECTED}, {@value #NOT_SELECTED} or {@value #AUDITED}
 *     (the audit re-run was drawn)
 * @param auditNum with {@code auditDen}, the audit rate the round froze; 0/1 until the round opened
 * @param auditSeed the closed round's audit sub-seed (hex), which decided; absent until the round closed
 */
@JsonRootName("jobAudit")
@JsonPropertyOrder({"jobId", "round", "state", "auditNum", "auditDen", "auditSeed", "note"})
public record JobAudit(
        @JsonProperty("jobId") String jobId,
        @JsonProperty("round") Long round,
        @JsonProperty("state") String state,
        @JsonProperty("auditNum") long auditNum,
        @JsonProperty("auditDen") long auditDen,
        @JsonProperty("auditSeed") String auditSeed,
        @JsonProperty("note") String note) {
    public static final String NONE = "NONE";
    public static final String WAITING = "WAITING";
    public static final String OPEN = "OPEN";
    public static final String SELECTED = "SELECTED";
    public static final String NOT_SELECTED = "NOT_SELECTED";
    public static final String AUDITED = "AUDITED";

    public JobAudit {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        note = note == null ? "" : note;
    }

    public boolean isSelected() {
        return SELECTED.equals(state);
    }
}
