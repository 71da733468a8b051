// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobAttestations;
import io.povm.api.JobSpecValidator;
import io.povm.api.JobState;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmTransactions;
import io.povm.api.Quote;
import io.povm.api.Replica;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerRecord;
import io.povm.api.WorkerValidator;
import io.povm.api.beacon.JobAudit;
import io.povm.chaincode.beacon.BeaconLedger;
import io.povm.chaincode.beacon.BeaconSeedSource;
import io.povm.chaincode.beacon.JobAudits;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.job.AttestationLedger;
import io.povm.chaincode.job.JobConsensus;
import io.povm.chaincode.job.JobDisputes;
import io.povm.chaincode.job.JobExpiry;
import io.povm.chaincode.job.JobResults;
import io.povm.chaincode.job.ReplicaDraw;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.reputation.CustomerRecordLedger;
import io.povm.chaincode.reputation.SpotCheck;
import io.povm.chaincode.reputation.WorkerRecordLedger;
import io.povm.chaincode.worker.WorkerLedger;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The result-consensus transactions of the {@code povm} contract (commit, reveal, advance, challenge, finalize,
 * attestations): each reads what it needs, calls the pure job classes and writes what they return. {@link
 * PovmContract} exposes them; see {@code docs/consensus.md}.
 */
final class ConsensusTransactions {
    private final Context ctx;
    private final ChaincodeStub stub;
    private final JobTransaction tx;

    ConsensusTransactions(final Context ctx) {
        this.ctx = ctx;
        this.stub = ctx.getStub();
        this.tx = new JobTransaction(ctx);
    }

    JobTransaction tx() {
        return tx;
    }

    Job commit(final Job job, final int index, final String commitment) {
        return JobResults.commit(job, index, tx.callerWorkerKey(), commitment, tx.slaOf(job), tx.at());
    }

    /** @return the job after the reveal and, when it was the last one, the verdict */
    Job reveal(final Job job, final int index, final String revealJson) {
        final Reveal reveal = JobResults.read(revealJson);
        final SlaSpec sla = tx.slaOf(job);
        final Replica target =
                index >= 0 && index < job.replicas().size() ? job.replicas().get(index) : null;
        final PublicKey key = target == null ? null : attestationKey(target.workerKey());
        final JobResults.Revealed revealed =
                JobResults.reveal(job, index, tx.callerWorkerKey(), reveal, sla, key, tx.at());
        if (!revealed.changed()) {
            return job;
        }
        final String workerKey = job.replicas().get(index).workerKey();
        if (!revealed.faulted()) {
            new AttestationLedger(stub).write(job.id(), index, reveal);
        }
        final JobConsensus.Step counted = JobConsensus.count(
                revealed.job(),
                sla,
                () -> tx.draw(revealed.job(), sla),
                () -> revealedSoFar(revealed.job(), index, revealed.faulted() ? null : reveal),
                spotCheck(job),
                tx.at());
        final List<JobConsensus.RecordChange> changes = new ArrayList<>();
        changes.add(new JobConsensus.RecordChange(
                workerKey, revealed.faulted() ? WorkerRecord::withFault : WorkerRecord::withResult));
        changes.addAll(counted.records());
        apply(changes);
        countCustomer(job, counted.job());
        return counted.job();
    }

    /**
     * @throws PovmException INVALID_STATE [state] when there is nothing to advance, saying why
     */
    Job advance(final Job job) {
        final Members members = tx.requireMember(PovmTransactions.ADVANCE_JOB);
        final SlaSpec sla = tx.slaOf(job);
        final JobConsensus.Step step = JobConsensus.advance(
                job,
                sla,
                new ClockLedger(stub).read(members),
                () -> tx.draw(job, sla),
                () -> reveals(job),
                spotCheck(job),
                tx.at());
        if (step.job().equals(job)) {
            throw new PovmException(
                    new PovmError(ErrorCode.INVALID_STATE, "state", "nothing to advance: " + step.note()));
        }
        apply(step.records());
        countCustomer(job, step.job());
        return step.job();
    }

    /** @return the challenge: the job RESOLVING with its re-run replicas, and the deposit the challenger owes */
    JobDisputes.Challenge challenge(final Job job, final String reason) {
        final Caller caller = Caller.of(ctx.getClientIdentity());
        final Members members = new MemberLedger(stub).require();
        if (!caller.submitter().equals(job.submitter()) && !members.contains(caller.msp())) {
            throw PovmException.forbidden(
                    "caller",
                    "only the job's submitter or an identity of a member org may challenge it; caller is "
                            + caller.msp());
        }
        final SlaSpec sla = tx.slaOf(job);
        final JobDisputes.Challenge challenge = JobDisputes.challenge(
                job, caller.submitter(), reason, sla, new ClockLedger(stub).read(members), tx.draw(job, sla));
        tx.funds().deposit(job, caller.submitter(), challenge.deposit());
        return challenge;
    }

    /**
     * @return the job RESOLVING with one audit re-run replica, drawn with its audit round's seed
     * @throws PovmException FORBIDDEN unless the caller is a member org's identity; INVALID_STATE [audit] unless the
     *     job's audit round selected it and it was not audited yet
     */
    Job audit(final Job job) {
        tx.requireMember(PovmTransactions.AUDIT_JOB);
        final JobAudit audit = jobAudit(job);
        if (!audit.isSelected()) {
            throw new PovmException(new PovmError(
                    ErrorCode.INVALID_STATE, "audit", "job '" + job.id() + "' is not to be audited: " + audit.note()));
        }
        return JobDisputes.audit(
                job, Caller.of(ctx.getClientIdentity()).submitter(), audit.round(), auditDraw(job, audit));
    }

    /** @return whether and by which beacon round the job is audited */
    JobAudit jobAudit(final Job job) {
        return JobAudits.read(new BeaconLedger(stub), job);
    }

    /**
     * @throws PovmException INVALID_STATE [audit] while the job's audit round is open, or when that round selected
     *     the job and a worker is free to audit it; INVALID_STATE [state] as {@link JobDisputes#finalizeJob}
     */
    Job finalizeJob(final Job job) {
        final Members members = tx.requireMember(PovmTransactions.FINALIZE_JOB);
        if (job.state() == JobState.RESOLVED_SOFT) {
            final JobAudit audit = jobAudit(job);
            final boolean waits = JobAudit.OPEN.equals(audit.state())
                    || (audit.isSelected() && JobDisputes.auditable(job, auditDraw(job, audit)));
            if (waits) {
                throw new PovmException(new PovmError(
                        ErrorCode.INVALID_STATE,
                        "audit",
                        "job '" + job.id() + "' waits for its random audit (" + audit.note() + ")"
                                + (audit.isSelected() ? "; AuditJob first" : "")));
            }
        }
        return JobDisputes.finalizeJob(job, new ClockLedger(stub).read(members), tx.at());
    }

    /**
     * @throws PovmException INVALID_STATE [state] once the job has a verdict or is final; INVALID_STATE [deadline]
     *     while the multiparty clock has not passed its deadline ({@link JobExpiry})
     */
    Job expireJob(final Job job) {
        final Members members = tx.requireMember(PovmTransactions.EXPIRE_JOB);
        return JobExpiry.expire(job, new ClockLedger(stub).read(members), tx.at());
    }

    /** @return the draw of a selected job's auditors, seeded by the audit sub-seed that selected it */
    private ReplicaDraw auditDraw(final Job job, final JobAudit audit) {
        return tx.draw(job, tx.slaOf(job), new BeaconSeedSource(audit.auditSeed()));
    }

    JobAttestations attestations(final String id) {
        final Job job = tx.requireJob(JobSpecValidator.validateId(id));
        return new JobAttestations(job.id(), new ArrayList<>(reveals(job).values()));
    }

    /** @return whether an adaptive job's single replica goes unchecked: see {@link SpotCheck} */
    private Predicate<Replica> spotCheck(final Job job) {
        final WorkerRecordLedger records = new WorkerRecordLedger(stub);
        return replica -> SpotCheck.skipped(
                records.find(replica.workerKey()), tx.seeds(job).assignmentSeed(job.id() + "#spot-check"));
    }

    private Map<Integer, Reveal> reveals(final Job job) {
        return new AttestationLedger(stub).ofJob(job);
    }

    /**
     * @param own this transaction's reveal, or null when it was a fault: Fabric does not read a transaction's own
     *     writes, so it joins the stored ones by hand
     */
    private Map<Integer, Reveal> revealedSoFar(final Job job, final int index, final Reveal own) {
        final Map<Integer, Reveal> reveals = new TreeMap<>(reveals(job));
        if (own != null) {
            reveals.put(index, own);
        }
        return reveals;
    }

    /** Writes each worker's record once, with all of its changes in this transaction. */
    private void apply(final List<JobConsensus.RecordChange> changes) {
        final WorkerRecordLedger records = new WorkerRecordLedger(stub);
        JobConsensus.RecordChange.byWorker(changes).forEach(records::update);
    }

    /**
     * Counts a job's first verdict (soft, or none when it failed) in its customer's standing, with whether it broke
     * its SLA's limits; a dispute's firm verdict later does not count the job again.
     */
    private void countCustomer(final Job before, final Job after) {
        if (before.verdict().isPresent() || after.verdict().isEmpty()) {
            return;
        }
        final boolean violated =
                after.verdict().get().violations().stream().anyMatch(v -> Verdict.Violation.CUSTOMER.equals(v.party()));
        final CustomerRecordLedger customers = new CustomerRecordLedger(stub);
        customers.write(customers.find(after.submitter()).withVerdict(violated));
    }

    private PublicKey attestationKey(final String workerKey) {
        final Worker worker = new WorkerLedger(stub)
                .find(WorkerKey.parse(workerKey, "workerKey"))
                .orElseThrow(() -> PovmException.notFound(
                        "workerKey", "worker " + Quote.prefix(workerKey) + " is not registered"));
        return WorkerValidator.parseAttestationKey(worker.offer().attestationKeyPem(), "offer.attestationKeyPem");
    }
}
