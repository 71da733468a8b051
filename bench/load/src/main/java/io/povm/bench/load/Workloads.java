// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import io.povm.api.CreditLots;
import io.povm.api.CreditTransactions;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Redundancy;
import io.povm.api.Sla;
import io.povm.api.SlaTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;

/**
 * The workloads {@code scripts/bench} names: {@code floor-write}, {@code floor-read}, {@code submit-job},
 * {@code get-job} and {@code submit-jobs} (the batch submission, once the chaincode has one).
 */
public final class Workloads {
    /** The transaction a batch submission will have; scripts/bench runs the batch scenario only when it exists. */
    public static final String SUBMIT_JOBS = "SubmitJobs";

    static final String IMAGE = "povm/bench@sha256:" + "0".repeat(64);

    private Workloads() {}

    /**
     * @param kind the workload's name
     * @param sla the SLA reference the job workloads submit under
     * @param batch jobs per {@code submit-jobs} transaction
     * @param lots for {@code submit-jobs}: 0 to escrow from the account, else how many lots to split off first, one
     *     per transaction
     */
    public static Workload of(final String kind, final String sla, final int batch, final int lots) {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        return switch (kind) {
            case "floor-write" -> new FloorWrite();
            case "floor-read" -> new FloorRead();
            case "submit-job" -> new SubmitJob(run, sla);
            case "get-job" -> new GetJob(run, sla);
            case "submit-jobs" -> new SubmitJobs(run, sla, batch, lots);
            default -> throw new IllegalArgumentException("unknown workload '" + kind
                    + "'; known: floor-write, floor-read, submit-job, get-job, submit-jobs");
        };
    }

    /** A spec that passes the chaincode's checks; no worker runs the image (no daemon needs to). */
    public static JobSpec spec(final String id, final String sla) {
        return JobSpec.builder(id)
                .image(IMAGE)
                .command("true")
                .sla(sla)
                .redundancy(Redundancy.kVote(1))
                .deadline(Instant.now()
                        .plus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                .build();
    }

    static String jobId(final String run, final long sequence) {
        return ("b" + run + "-" + sequence).toLowerCase(Locale.ROOT);
    }

    record FloorWrite() implements Workload {
        @Override
        public String chaincode() {
            return "floor";
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            return Transactions.submit(contract, "Write", "v" + sequence);
        }
    }

    static final class FloorRead implements Workload {
        private volatile String key = "";

        @Override
        public String chaincode() {
            return "floor";
        }

        @Override
        public void prepare(final Contract contract) {
            key = new String(Transactions.submitOrFail(contract, "Write", "read-me"), StandardCharsets.UTF_8);
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            return Transactions.evaluate(contract, "Read", key);
        }
    }

    record SubmitJob(String run, String sla) implements Workload {
        @Override
        public String chaincode() {
            return "povm";
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            return Transactions.submit(
                    contract, PovmTransactions.SUBMIT_JOB, PovmJson.write(spec(jobId(run, sequence), sla)));
        }
    }

    static final class GetJob implements Workload {
        private final String id;
        private final String sla;

        GetJob(final String run, final String sla) {
            this.id = jobId(run, 0);
            this.sla = sla;
        }

        @Override
        public String chaincode() {
            return "povm";
        }

        @Override
        public void prepare(final Contract contract) {
            Transactions.submitOrFail(contract, PovmTransactions.SUBMIT_JOB, PovmJson.write(spec(id, sla)));
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            return Transactions.evaluate(contract, PovmTransactions.GET_JOB, id);
        }
    }

    /**
     * The batch submission {@code SubmitJobs(specsJson, lot)}: {@code batch} jobs per transaction, escrowed from the
     * customer's account ({@code lots} = 0) or each transaction from a lot of its own ({@code lots} &gt; 0: {@link
     * #prepare} splits that many lots of one batch's escrow off the account first, {@code credit:Split}), which is how
     * one customer's concurrent priced submissions avoid conflicting on its account (docs/consensus.md, "Lots").
     */
    static final class SubmitJobs implements Workload {
        private final String run;
        private final String sla;
        private final int batch;
        private final int lots;
        private final List<String> lotIds = new ArrayList<>();

        SubmitJobs(final String run, final String sla, final int batch, final int lots) {
            this.run = run;
            this.sla = sla;
            this.batch = batch;
            this.lots = lots;
        }

        @Override
        public String chaincode() {
            return "povm";
        }

        @Override
        public void prepare(final Contract contract) {
            if (lots == 0) {
                return;
            }
            final Sla terms = PovmJson.read(
                    new String(Transactions.evaluateOrFail(contract, SlaTransactions.GET, sla), StandardCharsets.UTF_8),
                    Sla.class);
            final long escrow = Math.multiplyExact(
                    Math.multiplyExact(terms.spec().vm().pricePerVmSecond(), (long)
                            terms.spec().vm().maxWallSeconds()),
                    (long) batch);
            for (int left = lots; left > 0; left -= CreditTransactions.MAX_SPLIT) {
                final int count = Math.min(left, CreditTransactions.MAX_SPLIT);
                final CreditLots made = PovmJson.read(
                        new String(
                                Transactions.submitOrFail(
                                        contract,
                                        CreditTransactions.SPLIT,
                                        Integer.toString(count),
                                        Long.toString(Math.max(escrow, 1))),
                                StandardCharsets.UTF_8),
                        CreditLots.class);
                made.lots().forEach(lot -> lotIds.add(lot.lot()));
            }
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            final List<JobSpec> specs = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                specs.add(spec(jobId(run, sequence * batch + i), sla));
            }
            final String lot;
            if (lots == 0) {
                lot = "";
            } else if (sequence < lotIds.size()) {
                lot = lotIds.get((int) sequence);
            } else {
                return NO_LOT_LEFT;
            }
            return Transactions.submit(contract, SUBMIT_JOBS, PovmJson.write(specs), lot);
        }
    }

    /** The outcome of a transaction the lot workload could not send: every lot split for the run was spent. */
    public static final String NO_LOT_LEFT = "NO_LOT_LEFT";
}
