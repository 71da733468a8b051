// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.replica;

import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.api.SlaLimit;
import io.povm.api.SlaSpec;
import io.povm.worker.attestation.FaultyMode;
import io.povm.worker.attestation.InflatedUsage;
import io.povm.worker.attestation.Nonces;
import io.povm.worker.attestation.ReplicaEvidence;
import io.povm.worker.attestation.Sealed;
import io.povm.worker.attestation.WrongAnswer;
import io.povm.worker.daemon.ReplicaMdc;
import io.povm.worker.job.GateDecision;
import io.povm.worker.job.JobOutcome;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReplicaRecord;
import io.povm.worker.journal.ReplicaStage;
import io.povm.worker.ledger.Ledger;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica from assignment to reveal, resumable at every step through the journal:
 *
 * <ol>
 *   <li>a journal entry COMMITTED means the commitment is on the ledger: only the journaled reveal is left, sent
 *       once no replica of the job is leased any more; RESULT_READY means the run is done and sealed: the journaled
 *       commitment is committed (again), then revealed;
 *   <li>otherwise the replica is read from the ledger: ASSIGNED is acknowledged, RUNNING was acknowledged before a
 *       crash and is run again (the job is deterministic), anything else (expired, released, committed without a
 *       journaled reveal) is no longer this worker's to finish and is abandoned;
 *   <li>an image the org's gate refuses is released to another org's worker before it is acknowledged (and again
 *       after, should it disappear meanwhile); the job runs in the sandbox under the SLA's container configuration;
 *   <li>the result is sealed (attestation, fresh nonce, signature, reveal) and journaled (fsynced) before it is
 *       committed; see {@link CommitReveal} for the rest.
 * </ol>
 *
 * <p>The faulty modes (tests only) change what is sealed: {@code wrong-answer} seals a corrupted result, {@code
 * copy} runs nothing and commits to a random value.
 */
public final class ReplicaTask {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaTask.class);

    private final ReplicaId id;
    private final ReplicaServices services;
    private final Ledger ledger;

    public ReplicaTask(final ReplicaId id, final ReplicaServices services) {
        this.id = Objects.requireNonNull(id, "id");
        this.services = Objects.requireNonNull(services, "services");
        this.ledger = services.ledger();
    }

    public ReplicaId id() {
        return id;
    }

    /** Takes the replica as far as it can go now (run, commit, reveal), or to the reason it was given up. Never throws. */
    public void run() {
        try (ReplicaMdc mdc = ReplicaMdc.of(id)) {
            final Optional<ReplicaRecord> record = services.journal().find(id);
            final Optional<ReplicaStage> stage = record.map(ReplicaRecord::stage);
            if (stage.filter(ReplicaStage::isFinished).isPresent()) {
                return;
            }
            final CommitReveal commitReveal = new CommitReveal(id, services);
            if (stage.filter(s -> s == ReplicaStage.RESULT_READY || s == ReplicaStage.COMMITTED)
                    .isPresent()) {
                final Sealed sealed = Sealed.read(record.get().resultJson().orElseThrow());
                if (stage.get() == ReplicaStage.RESULT_READY) {
                    commitReveal.commit(sealed);
                } else {
                    commitReveal.reveal(sealed, readJob());
                }
                return;
            }
            runAndSeal().ifPresent(commitReveal::commit);
        } catch (RuntimeException e) {
            LOG.error("replica {} stopped: {}", id, e.toString(), e);
            services.metrics().jobFailed("error");
        }
    }

    private Job readJob() {
        return ledger.jobs(jobs -> jobs.get(id.jobId()));
    }

    /** @return the sealed result, journaled as RESULT_READY; empty when the replica is not this worker's to run */
    private Optional<Sealed> runAndSeal() {
        final Job job = readJob();
        if (id.replica() >= job.replicas().size()) {
            services.journal().abandoned(id, "the job has no replica " + id.replica());
            return Optional.empty();
        }
        final Replica replica = job.replicas().get(id.replica());
        if (!replica.workerKey().equals(services.workerKey())) {
            services.journal().abandoned(id, "replica belongs to " + replica.workerKey());
            return Optional.empty();
        }
        switch (replica.state()) {
            case ASSIGNED:
                final GateDecision decision = services.gate().check(job.spec().image());
                if (!decision.accepted()) {
                    release(decision.message());
                    return Optional.empty();
                }
                if (!acknowledge()) {
                    return Optional.empty();
                }
                break;
            case RUNNING:
                LOG.info("replica {} was acknowledged before a restart; running it again", id);
                break;
            default:
                services.journal()
                        .abandoned(
                                id,
                                "replica is " + replica.state()
                                        + (replica.commitment().isPresent() ? " without a journaled reveal" : ""));
                return Optional.empty();
        }
        final Optional<Sealed> sealed = services.faultyMode(job, id.replica()) == FaultyMode.COPY
                ? Optional.of(Sealed.withoutReveal(Nonces.fresh()))
                : runOnce(job).map(evidence -> seal(job, evidence));
        sealed.ifPresent(s -> services.journal().resultReady(id, s.toJson()));
        return sealed;
    }

    private Optional<ReplicaEvidence> runOnce(final Job job) {
        final SlaSpec sla = sla(job);
        services.board().replicaStarted(id);
        final JobOutcome outcome;
        try {
            outcome = services.runner().run(ReplicaRequests.request(job, sla));
        } finally {
            services.board().replicaFinished(id);
        }
        if (outcome.status() == JobOutcome.Status.REFUSED) {
            release(outcome.gate().message());
            return Optional.empty();
        }
        final ReplicaEvidence evidence = ReplicaRequests.evidence(outcome);
        if (outcome.status() == JobOutcome.Status.SUCCEEDED) {
            services.metrics().jobRun();
        } else {
            final SlaLimit hit = evidence.result().limitHit();
            services.metrics().jobFailed(hit == SlaLimit.NONE ? "exit-code" : hit.name());
        }
        LOG.info(
                "replica {} ran: {} exit {} in {} ms, result {}",
                id,
                outcome.status(),
                evidence.result().exitCode(),
                evidence.result().wallMillis(),
                evidence.result().resultHash());
        return Optional.of(evidence);
    }

    private SlaSpec sla(final Job job) {
        return ledger.slas(slas -> slas.get(job.spec().sla())).spec();
    }

    private Sealed seal(final Job job, final ReplicaEvidence honest) {
        ReplicaEvidence evidence = honest;
        if (services.faultyMode(job, id.replica()) == FaultyMode.WRONG_ANSWER) {
            evidence = WrongAnswer.corrupt(honest);
            LOG.warn(
                    "faulty mode wrong-answer: replica {} attests result {} instead of {}",
                    id,
                    evidence.result().resultHash(),
                    honest.result().resultHash());
        }
        if (services.faultyMode(job, id.replica()) == FaultyMode.INFLATE_USAGE) {
            evidence = InflatedUsage.inflate(honest, sla(job));
            LOG.warn(
                    "faulty mode inflate-usage: replica {} claims {} ms wall and {} ms CPU instead of {} and {}",
                    id,
                    evidence.result().wallMillis(),
                    evidence.result().cpuMillis(),
                    honest.result().wallMillis(),
                    honest.result().cpuMillis());
        }
        return Sealed.of(services.reveals().seal(job, id.replica(), sla(job), evidence, Nonces.fresh()));
    }

    private boolean acknowledge() {
        try {
            ledger.jobs(jobs -> jobs.acknowledge(id.jobId(), id.replica()));
            LOG.info("acknowledged replica {}", id);
            return true;
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            services.journal().abandoned(id, "acknowledgement refused: " + e.getMessage());
            LOG.warn("replica {} could not be acknowledged: {}", id, e.getMessage());
            return false;
        }
    }

    private void release(final String why) {
        LOG.warn("replica {} refused by this org's image gate: {}; releasing it", id, why);
        services.metrics().jobFailed("image-refused");
        try {
            ledger.jobs(jobs -> jobs.release(id.jobId(), id.replica(), oneLine(why)));
            services.journal().released(id, why);
        } catch (RuntimeException e) {
            if (!Ledger.isRejection(e)) {
                throw e;
            }
            services.journal().abandoned(id, "release refused: " + e.getMessage());
        }
    }

    private static String oneLine(final String text) {
        final String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() > 256 ? line.substring(0, 256) : line;
    }
}
