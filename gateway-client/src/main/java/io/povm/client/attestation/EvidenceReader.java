// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.Replica;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.WorkerKey;
import io.povm.client.PovmClientException;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a job's {@link Evidence} from the ledger through the clients; with a credit client, the job's settlement too.
 *
 * <pre>{@code
 * Evidence evidence = new EvidenceReader(jobs, slas, workers, Optional.of(credits)).read("flip-1");
 * AttestationReport report = AttestationVerifier.verify(evidence);
 * }</pre>
 */
public final class EvidenceReader {
    private final JobClient jobs;
    private final SlaClient slas;
    private final WorkerClient workers;
    private final Optional<CreditClient> credits;

    public EvidenceReader(final JobClient jobs, final SlaClient slas, final WorkerClient workers) {
        this(jobs, slas, workers, Optional.empty());
    }

    public EvidenceReader(
            final JobClient jobs,
            final SlaClient slas,
            final WorkerClient workers,
            final Optional<CreditClient> credits) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.slas = Objects.requireNonNull(slas, "slas");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.credits = Objects.requireNonNull(credits, "credits");
    }

    /**
     * @return the job, its SLA's terms, the attestation key of every worker that held one of its replicas and the
     *     stored attestation texts
     * @throws PovmClientException as the clients do; INTERNAL when the ledger's attestations cannot be cut into reveals
     */
    public Evidence read(final String jobId) {
        final Job job = jobs.get(jobId);
        final SlaSpec sla = slas.get(job.spec().sla()).spec();
        final Map<String, String> keys = new TreeMap<>();
        for (final Replica replica : job.replicas()) {
            keys.computeIfAbsent(replica.workerKey(), this::attestationKeyPem);
        }
        final List<String> texts;
        try {
            texts = StoredAttestations.split(jobs.attestationsJson(jobId), jobId);
        } catch (PovmException e) {
            throw PovmClientException.internal("unexpected GetAttestations response: " + e.getMessage(), e);
        }
        return Evidence.of(job, sla, keys, texts)
                .withSettlement(settlement(jobId).orElse(null));
    }

    /** @return the job's settlement; empty without a credit client or while the job has not settled */
    private Optional<Settlement> settlement(final String jobId) {
        if (credits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(credits.get().settlement(jobId));
        } catch (PovmClientException e) {
            if (e.errorCode().filter(ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String attestationKeyPem(final String workerKey) {
        return workers.get(WorkerKey.parse(workerKey, "replicas.workerKey"))
                .offer()
                .attestationKeyPem();
    }
}
