// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * How a job's held credits were paid out, exactly once, stored under {@code ("credit-settlement", jobId)}: what was
 * held, and every transfer out of it with its reason, so that every payout can be explained from the ledger alone.
 *
 * <pre>{@code
 * {"jobId":"flip-1","kind":"settle","jobState":"FINALIZED","at":"...","txId":"...","winner":"9f86...",
 *  "dispute":"UPHELD","escrow":1800,"deposits":600,
 *  "entries":[{"kind":"payout","msp":"Org2MSP","fabricId":"x509::...","amount":9,"from":"escrow",
 *              "workerKey":"Org2MSP/w1","replica":0,"due":9,"vmMillis":12000,"permille":750,
 *              "why":"price 1 x min(12000 ms agreed, 3600 s) x 750/1000 = 9"},
 *             {"kind":"refund","msp":"Org1MSP","fabricId":"x509::...","amount":1791,"from":"escrow",
 *              "why":"rest of the escrow to the submitter"}]}
 * }</pre>
 *
 * @param kind {@value #SETTLE} (the job was finalized) or {@value #REFUND} (cancelled, expired or failed)
 * @param winner the final verdict's result hash, for a settlement
 * @param dispute the dispute's outcome, when the job was challenged
 * @param escrow the escrow held for the job (0 when it had none)
 * @param deposits the challenge deposits held for the job
 * @param entries every transfer, payouts in replica order, then refunds
 */
@JsonRootName("settlement")
@JsonPropertyOrder({"jobId", "kind", "jobState", "at", "txId", "winner", "dispute", "escrow", "deposits", "entries"})
public record Settlement(
        @JsonProperty("jobId") String jobId,
        @JsonProperty("kind") String kind,
        @JsonProperty("jobState") JobState jobState,
        @JsonProperty("at") String at,
        @JsonProperty("txId") String txId,
        @JsonProperty("winner") String winner,
        @JsonProperty("dispute") String dispute,
        @JsonProperty("escrow") long escrow,
        @JsonProperty("deposits") long deposits,
        @JsonProperty("entries") List<Entry> entries) {
    public static final String SETTLE = "settle";
    public static final String REFUND = "refund";

    public Settlement {
        PovmException.requirePresent(jobId, "jobId", "the settled job");
        PovmException.requirePresent(kind, "kind", SETTLE + " or " + REFUND);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** @return the credits paid to workers */
    public long paid() {
        return entries.stream()
                .filter(e -> Entry.PAYOUT.equals(e.kind()))
                .mapToLong(Entry::amount)
                .sum();
    }

    /** @return the credits created to pay an upheld random audit's re-run (the supply grows by as much) */
    public long minted() {
        return entries.stream()
                .filter(e -> Entry.MINT.equals(e.from()))
                .mapToLong(Entry::amount)
                .sum();
    }

    /** @return the credits returned to their owners */
    public long refunded() {
        return entries.stream()
                .filter(e -> Entry.REFUND.equals(e.kind()))
                .mapToLong(Entry::amount)
                .sum();
    }

    /**
     * One transfer out of a held pot.
     *
     * @param kind {@value #PAYOUT} to a worker or {@value #REFUND} to the pot's owner
     * @param from {@value CreditHold#ESCROW}, {@value CreditHold#DEPOSIT} (the challenger's deposit) or {@value
     *     #MINT} (an upheld random audit's re-run, paid by new credits)
     * @param workerKey the paid worker, for a payout
     * @param replica the paid replica's index, for a payout
     * @param due what the worker earned; {@code amount} is less when the pot ran dry
     * @param vmMillis the agreed VM milliseconds the payout is due on ({@link AgreedUsage#vmMillis}), for a payout
     * @param permille the worker's payout multiplier at settlement, for a payout
     * @param why how the amount was computed, or why the credits return
     */
    @JsonPropertyOrder({
        "kind",
        "msp",
        "fabricId",
        "amount",
        "from",
        "workerKey",
        "replica",
        "due",
        "vmMillis",
        "permille",
        "why"
    })
    public record Entry(
            @JsonProperty("kind") String kind,
            @JsonProperty("msp") String msp,
            @JsonProperty("fabricId") String fabricId,
            @JsonProperty("amount") long amount,
            @JsonProperty("from") String from,
            @JsonProperty("workerKey") String workerKey,
            @JsonProperty("replica") Integer replica,
            @JsonProperty("due") Long due,
            @JsonProperty("vmMillis") Long vmMillis,
            @JsonProperty("permille") Long permille,
            @JsonProperty("why") String why) {
        public static final String PAYOUT = "payout";
        public static final String REFUND = "refund";
        public static final String MINT = "mint";

        /** An entry without the basis of its due, as settlements stored before agreed usage have them. */
        public Entry(
                final String kind,
                final String msp,
                final String fabricId,
                final long amount,
                final String from,
                final String workerKey,
                final Integer replica,
                final Long due,
                final String why) {
            this(kind, msp, fabricId, amount, from, workerKey, replica, due, null, null, why);
        }

        /** @return the credits back to the owner of a pot */
        public static Entry refund(final CreditHold pot, final long amount, final String why) {
            return new Entry(REFUND, pot.msp(), pot.fabricId(), amount, pot.kind(), null, null, null, why);
        }
    }
}
