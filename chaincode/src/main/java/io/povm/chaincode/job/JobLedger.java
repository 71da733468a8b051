package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Jobs on the world state. Each job has its own composite key {@code ("job", id)}, so submissions of different
 * jobs never touch the same key and never conflict.
 */
public final class JobLedger {
    static final String OBJECT_TYPE = "job";

    private final ChaincodeStub stub;

    public JobLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return the world-state key of a job */
    public static String key(final String jobId) {
        return new CompositeKey(OBJECT_TYPE, jobId).toString();
    }

    public Optional<Job> find(final String jobId) {
        final String key = key(jobId);
        final byte[] value = stub.getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(key, value));
    }

    /** Writes a new job and sets the {@value PovmTransactions#JOB_SUBMITTED_EVENT} event with the same bytes. */
    public void create(final Job job) {
        final byte[] json = PovmJson.writeBytes(job);
        stub.putState(key(job.id()), json);
        stub.setEvent(PovmTransactions.JOB_SUBMITTED_EVENT, json);
    }

    /**
     * Reads one page of jobs in key order. Only for evaluate (read-only) transactions: Fabric refuses paginated
     * queries in submitted ones.
     *
     * @param bookmark where the previous page ended; empty for the first page
     * @return the page; its bookmark is empty when fewer than {@code pageSize} jobs were left
     */
    public JobPage page(final int pageSize, final String bookmark) {
        final List<Job> jobs = new ArrayList<>();
        final String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(new CompositeKey(OBJECT_TYPE), pageSize, bookmark)) {
            for (KeyValue entry : results) {
                jobs.add(decode(entry.getKey(), entry.getValue()));
            }
            final QueryResponseMetadata metadata = results.getMetadata();
            next = metadata == null ? "" : metadata.getBookmark();
        }
        return new JobPage(jobs, jobs.size() < pageSize ? "" : next);
    }

    private static Job decode(final String key, final byte[] value) {
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
