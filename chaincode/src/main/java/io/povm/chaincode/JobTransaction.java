// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Job;
import io.povm.api.Members;
import io.povm.api.PovmException;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.Worker;
import io.povm.api.beacon.BeaconConfig;
import io.povm.chaincode.assignment.InterimTxSeedSource;
import io.povm.chaincode.assignment.SeedSource;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.beacon.BeaconSeedSource;
import io.povm.chaincode.clock.LedgerTime;
import io.povm.chaincode.credit.JobFunds;
import io.povm.chaincode.job.JobLedger;
import io.povm.chaincode.job.ReplicaDraw;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.sla.SlaLedger;
import io.povm.chaincode.worker.WorkerLedger;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What the job transactions read from the ledger before handing over to the pure job classes: the job, its SLA's
 * terms, the caller as a registered worker, and the inputs of a worker draw.
 */
final class JobTransaction {
    private final Context ctx;
    private final ChaincodeStub stub;
    private final JobLedger jobs;
    private String at;

    JobTransaction(final Context ctx) {
        this.ctx = ctx;
        this.stub = ctx.getStub();
        this.jobs = new JobLedger(stub);
    }

    JobLedger jobs() {
        return jobs;
    }

    /** @return the job's credits: escrow, deposits, settlement */
    JobFunds funds() {
        return new JobFunds(stub);
    }

    /** @return the beacon's keys: a job's assignment and audit rounds */
    BeaconLedger beacon() {
        return new BeaconLedger(stub);
    }

    /**
     * @return the transaction timestamp bounded by the multiparty clock ({@link LedgerTime}), ISO-8601 UTC with
     *     millis: what leases and other deadlines count from
     */
    String at() {
        if (at == null) {
            at = LedgerTime.iso(stub); // one read of the clock's epoch per transaction, however many steps ask
        }
        return at;
    }

    /** @throws PovmException NOT_FOUND [id] when there is no such job */
    Job requireJob(final String jobId) {
        return jobs.find(jobId).orElseThrow(() -> PovmException.notFound("id", "job '" + jobId + "' does not exist"));
    }

    /** @return the terms of the SLA the job was admitted under (it may have been deprecated since) */
    SlaSpec slaOf(final Job job) {
        final SlaRef ref = SlaRef.parse(job.spec().sla(), "sla");
        return new SlaLedger(stub)
                .find(ref)
                .orElseThrow(() -> new IllegalStateException("job " + job.id() + " names missing SLA " + ref))
                .spec();
    }

    /**
     * @return the member orgs
     * @throws PovmException FORBIDDEN [caller] when the caller's org is not a member
     */
    Members requireMember(final String transaction) {
        return new AccessPolicy(stub, Caller.of(ctx.getClientIdentity())).requireMember(transaction);
    }

    /** @return the registered worker key of the caller, if the caller is a registered worker */
    Optional<String> callerWorkerKey() {
        return new WorkerLedger(stub)
                .findByCaller(Caller.of(ctx.getClientIdentity()))
                .map(Worker::key);
    }

    /**
     * Where the job's draws take their randomness: with the beacon config's assignment {@code beacon}, the assign
     * sub-seed of the first beacon round opened after the job's submission, which nobody knew when it was submitted
     * ({@link BeaconSeedSource}); otherwise (and for jobs submitted before the beacon recorded their round) the
     * INTERIM, grindable transaction-id seed ({@link InterimTxSeedSource}).
     *
     * @throws PovmException INVALID_STATE [beacon] when the job's round has not closed yet
     */
    SeedSource seeds(final Job job) {
        final BeaconLedger beacon = new BeaconLedger(stub);
        if (!BeaconConfig.BEACON.equals(beacon.config().assignment())) {
            return new InterimTxSeedSource(stub.getTxId());
        }
        final Optional<Long> round = beacon.roundOfJob(job.id());
        if (round.isEmpty()) {
            return new InterimTxSeedSource(stub.getTxId());
        }
        return beacon.result(round.get())
                .map(result -> (SeedSource) new BeaconSeedSource(result.assignSeed()))
                .orElseThrow(() -> new PovmException(new io.povm.api.PovmError(
                        io.povm.api.ErrorCode.INVALID_STATE,
                        "beacon",
                        "job " + job.id() + " is assigned with the seed of beacon round " + round.get()
                                + ", the first round opened after its submission, which has not closed yet; assign it"
                                + " again once the round closes")));
    }

    /**
     * @return the eligible workers under the job's SLA and the rest of a draw, seeded by {@link #seeds(Job)} when the
     *     draw first needs a seed: a transaction refused for the job's state or replica says so, not that the
     *     beacon round of the seed is still open
     */
    ReplicaDraw draw(final Job job, final SlaSpec sla) {
        return draw(job, sla, jobId -> seeds(job).assignmentSeed(jobId));
    }

    /** @return the eligible workers under the job's SLA and the rest of a draw, seeded by {@code seeds} */
    ReplicaDraw draw(final Job job, final SlaSpec sla, final SeedSource seeds) {
        final EligibleWorkers eligible = EligibleWorkers.forSla(
                new WorkerLedger(stub), new WorkerRecordLedger(stub), job.spec().sla());
        return new ReplicaDraw(
                eligible.candidates(), eligible.whyNone(), seeds, at(), sla.lease(), eligible.orgsServing());
    }
}
