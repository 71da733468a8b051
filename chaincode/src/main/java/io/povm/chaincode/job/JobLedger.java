// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Replica;
import io.povm.api.WorkerKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Jobs on the world state: reads and writes of a job's key together with its index keys (see {@link JobKeys}), in the
 * same transaction. Writes are blind (no range reads), so concurrent transactions on different jobs never conflict.
 *
 * <pre>{@code
 * JobLedger ledger = new JobLedger(stub);
 * Job job = ledger.find(id).orElseThrow(...);
 * Job next = JobLifecycle.apply(job, JobEvent.ASSIGN, txTime).withReplicas(drawn);
 * ledger.update(job, next);                        // the job key and, on a state change, the state index
 * ledger.emit(PovmTransactions.JOB_CANCELLED_EVENT, next); // the transaction's one event
 * }</pre>
 */
public final class JobLedger {
    /** The value of an index key: only the key matters, and an empty value would delete it. */
    private static final byte[] INDEX_VALUE = {0};

    private final ChaincodeStub stub;

    public JobLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return the world-state key of a job */
    public static String key(final String jobId) {
        return JobKeys.job(jobId);
    }

    public Optional<Job> find(final String jobId) {
        final String key = key(jobId);
        final byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(key, value));
    }

    /**
     * Writes a new job with both of its index keys and sets the {@value PovmTransactions#JOB_SUBMITTED_EVENT} event
     * with the same bytes as the job key.
     */
    public void create(final Job job) {
        stub.setEvent(PovmTransactions.JOB_SUBMITTED_EVENT, write(job));
    }

    /**
     * Writes a new job with both of its index keys and sets no event: {@code SubmitJobs} sets one for the whole batch.
     *
     * @return the job key's bytes
     */
    public byte[] write(final Job job) {
        final byte[] json = PovmJson.writeBytes(job);
        stub.putState(key(job.id()), json);
        stub.putState(JobKeys.byState(job.state(), job.id()), INDEX_VALUE);
        stub.putState(JobKeys.bySubmitter(job.submitter(), job.id()), INDEX_VALUE);
        return json;
    }

    /**
     * Writes a changed job. When its state changed, the old state's index key is deleted and the new one written;
     * the submitter index never changes; each replica that {@code after} adds gets its worker's index key.
     *
     * @param before the job as read in this transaction
     * @param after the same job after a {@link JobLifecycle} transition or a replica change
     * @throws IllegalArgumentException when {@code after} is another job or has another submitter
     */
    public void update(final Job before, final Job after) {
        if (!before.id().equals(after.id()) || !before.submitter().equals(after.submitter())) {
            throw new IllegalArgumentException("update must keep the job's id and submitter: " + before.id());
        }
        stub.putState(key(after.id()), PovmJson.writeBytes(after));
        if (before.state() != after.state()) {
            stub.delState(JobKeys.byState(before.state(), before.id()));
            stub.putState(JobKeys.byState(after.state(), after.id()), INDEX_VALUE);
        }
        final Set<String> indexed = new TreeSet<>();
        before.replicas().forEach(replica -> indexed.add(replica.workerKey()));
        for (final Replica replica : after.replicas()) {
            if (indexed.add(replica.workerKey())) {
                stub.putState(
                        JobKeys.byWorker(WorkerKey.parse(replica.workerKey(), "replicas.workerKey"), after.id()),
                        INDEX_VALUE);
            }
        }
    }

    /**
     * Sets the transaction's chaincode event, whose payload is the job's JSON. Fabric keeps one event per
     * transaction (a second call replaces the first), so call it once.
     */
    public void emit(final String eventName, final Job job) {
        stub.setEvent(eventName, PovmJson.writeBytes(job));
    }

    static Job decode(final String key, final byte[] value) {
        try {
            return PovmJson.read(new String(value, StandardCharsets.UTF_8), Job.class);
        } catch (PovmException e) {
            throw new IllegalStateException(
                    "stored job at key " + key.replace('\u0000', '/') + " cannot be read: "
                            + e.error().field(),
                    e);
        }
    }
}
