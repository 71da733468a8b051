// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobSpec;
import io.povm.api.Sla;
import io.povm.api.Submitter;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.clock.LedgerTime;
import io.povm.chaincode.credit.JobFunds;
import io.povm.chaincode.job.JobAdmission;
import io.povm.chaincode.job.JobBatchSpecs;
import io.povm.chaincode.job.JobLedger;
import io.povm.chaincode.job.JobSubmission;
import io.povm.chaincode.reputation.CustomerRecordLedger;
import io.povm.chaincode.reputation.Reputation;
import io.povm.chaincode.sla.SlaLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What {@code SubmitJob} and {@code SubmitJobs} share: each spec is decided as a submission (new, an identical replay,
 * or refused), a new job is admitted under its ACTIVE SLA, the new jobs' escrows move in one debit ({@link
 * JobFunds#holdAll}), each new job is given its beacon round and written (its index keys too, see {@link
 * JobLedger#write}). Every refusal comes before the first write,
 * so a batch is all or nothing. Only keys that name the jobs, the spent lot or account, and keys no submission
 * writes (SLAs, the customer's record, the clock epoch, the latest beacon round) are read: no range read.
 */
final class JobIntake {
    private final ChaincodeStub stub;
    private final Submitter submitter;
    private final JobLedger jobs;

    JobIntake(final ChaincodeStub stub, final Submitter submitter) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.jobs = new JobLedger(stub);
    }

    /**
     * @param specs validated specs with distinct ids
     * @param lot the caller's lot to escrow from; empty for its account
     * @param field how errors name the spec at an index, e.g. {@code i -> "specs[" + i + "]."}
     * @return the jobs in spec order and the escrow movement; nothing is written when no job is new. The caller sets
     *     the transaction's one event.
     */
    JobBatch submit(final List<JobSpec> specs, final Optional<String> lot, final IntFunction<String> field) {
        final Instant now = LedgerTime.now(stub);
        final List<Job> all = new ArrayList<>(specs.size());
        final List<JobFunds.Escrowed> created = new ArrayList<>();
        final SlaLedger slas = new SlaLedger(stub);
        final Map<String, Sla> admitted = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            final JobSpec spec = specs.get(i);
            final String prefix = field.apply(i);
            final JobSubmission.Decision decision = JobBatchSpecs.naming(
                    prefix, () -> new JobSubmission(spec, submitter, now, TxTime.iso(now), stub.getTxId())
                            .decide(jobs.find(spec.id())));
            all.add(decision.job());
            if (decision.created()) {
                final Sla sla = JobBatchSpecs.naming(
                        prefix,
                        () -> JobAdmission.admit(spec, ref -> admitted.computeIfAbsent(ref, slas::requireActive)));
                created.add(new JobFunds.Escrowed(decision.job(), sla.spec()));
            }
        }
        if (created.isEmpty()) {
            return new JobBatch(0, 0, null, null, all);
        }
        Reputation.requireCustomerStanding(new CustomerRecordLedger(stub).find(submitter));
        final JobFunds.Funding funding = new JobFunds(stub).holdAll(created, lot);
        final BeaconLedger beacon = new BeaconLedger(stub);
        final long round = beacon.latest() + 1;
        for (JobFunds.Escrowed entry : created) {
            beacon.assignJob(entry.job().id(), round);
            jobs.write(entry.job());
        }
        return new JobBatch(
                created.size(),
                funding.escrowed(),
                funding.from().orElse(null),
                funding.change().orElse(null),
                all);
    }
}
