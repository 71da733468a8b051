// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.JobState;
import io.povm.api.Submitter;
import io.povm.api.WorkerKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The world-state keys of jobs. Every job has its own key and two small index keys, all composite keys that name the
 * job's id, so submissions of different jobs never touch the same key:
 *
 * <pre>
 * ("job", id)                                      -> the Job JSON
 * ("job-by-state", state, id)                      -> 0x00, one per job, moved on every state change
 * ("job-by-submitter", msp, sha256(fabricId), id)  -> 0x00, one per job, written once
 * ("job-by-worker", msp, name, id)                 -> 0x00, one per worker that ever held one of the job's replicas
 * </pre>
 *
 * <p>The submitter's Fabric id ({@code x509::<subject>::<issuer>}) is hashed (SHA-256, lowercase hex) so that the
 * index key stays short and holds no certificate text.
 */
public final class JobKeys {
    static final String JOB = "job";
    static final String BY_STATE = "job-by-state";
    static final String BY_SUBMITTER = "job-by-submitter";
    static final String BY_WORKER = "job-by-worker";

    private JobKeys() {}

    /** @return the key of the job's JSON */
    public static String job(final String jobId) {
        return new CompositeKey(JOB, jobId).toString();
    }

    /** @return the job-by-state index key of a job in a state */
    public static String byState(final JobState state, final String jobId) {
        return new CompositeKey(BY_STATE, state.name(), jobId).toString();
    }

    /** @return the job-by-submitter index key of a job */
    public static String bySubmitter(final Submitter submitter, final String jobId) {
        return new CompositeKey(BY_SUBMITTER, submitter.msp(), idHash(submitter.id()), jobId).toString();
    }

    /** @return the job-by-worker index key of a job one of whose replicas the worker holds or held */
    public static String byWorker(final WorkerKey worker, final String jobId) {
        return new CompositeKey(BY_WORKER, worker.msp(), worker.name(), jobId).toString();
    }

    /** @return the partial key under which the worker index lists one worker's jobs */
    static CompositeKey ofWorker(final WorkerKey worker) {
        return new CompositeKey(BY_WORKER, worker.msp(), worker.name());
    }

    /** @return the partial key under which every job lies */
    static CompositeKey allJobs() {
        return new CompositeKey(JOB);
    }

    /** @return the partial key under which the state index lists the jobs of one state */
    static CompositeKey inState(final JobState state) {
        return new CompositeKey(BY_STATE, state.name());
    }

    /** @return the partial key under which the submitter index lists one submitter's jobs */
    static CompositeKey ofSubmitter(final Submitter submitter) {
        return new CompositeKey(BY_SUBMITTER, submitter.msp(), idHash(submitter.id()));
    }

    /** @return the job id an index key ends with */
    static String jobIdOf(final String indexKey) {
        final var attributes = CompositeKey.parseCompositeKey(indexKey).getAttributes();
        return attributes.get(attributes.size() - 1);
    }

    /** @return SHA-256 of the Fabric id's UTF-8 bytes, 64 lowercase hex */
    static String idHash(final String fabricId) {
        try {
            final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(fabricId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
