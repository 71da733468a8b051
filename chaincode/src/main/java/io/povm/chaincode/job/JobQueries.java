// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.JobVersion;
import io.povm.api.Submitter;
import io.povm.api.WorkerKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Read-only job queries, for evaluate transactions only (Fabric refuses paged queries in submitted ones). Each reads
 * one key range, never the whole world state: the job keys, one state's index keys, one submitter's or one worker's
 * index keys,
 * then each listed job's own key. Bookmarks are {@link PageBookmark}s; every iterator is closed.
 */
public final class JobQueries {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ChaincodeStub stub;

    public JobQueries(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** @return one page of all jobs in id order */
    public JobPage all(final int pageSize, final String bookmark) {
        return page(JobKeys.allJobs(), pageSize, bookmark, entry -> JobLedger.decode(entry.getKey(), entry.getValue()));
    }

    /** @return one page of the jobs in a state, in id order */
    public JobPage inState(final JobState state, final int pageSize, final String bookmark) {
        return page(JobKeys.inState(state), pageSize, bookmark, entry -> {
            final Job job = indexed(entry);
            if (job.state() != state) {
                throw new IllegalStateException(
                        "state index lists job " + job.id() + " as " + state + " but it is " + job.state());
            }
            return job;
        });
    }

    /** @return one page of one submitter's jobs, in id order */
    public JobPage ofSubmitter(final Submitter submitter, final int pageSize, final String bookmark) {
        return page(JobKeys.ofSubmitter(submitter), pageSize, bookmark, this::indexed);
    }

    /** @return one page of the jobs one of whose replicas the worker holds or held, in id order */
    public JobPage ofWorker(final WorkerKey worker, final int pageSize, final String bookmark) {
        return page(JobKeys.ofWorker(worker), pageSize, bookmark, this::indexed);
    }

    /** @return every committed version of the job's key, newest first (Fabric's order since v2.0) */
    public JobHistory history(final String jobId) {
        final String key = JobKeys.job(jobId);
        final List<JobVersion> versions = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
            for (KeyModification modification : results) {
                final byte[] value = modification.getValue();
                final boolean deleted = modification.isDeleted() || value == null || value.length == 0;
                versions.add(new JobVersion(
                        modification.getTxId(),
                        iso(modification.getTimestamp()),
                        deleted,
                        deleted ? null : JobLedger.decode(key, value)));
            }
        }
        return new JobHistory(jobId, versions);
    }

    private Job indexed(final KeyValue entry) {
        final String jobId = JobKeys.jobIdOf(entry.getKey());
        return new JobLedger(stub)
                .find(jobId)
                .orElseThrow(() -> new IllegalStateException("index key lists job " + jobId + ", which is missing"));
    }

    private JobPage page(
            final CompositeKey listing,
            final int pageSize,
            final String bookmark,
            final Function<KeyValue, Job> toJob) {
        final String start = PageBookmark.decode(bookmark, listing);
        final List<Job> jobs = new ArrayList<>();
        final String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(listing, pageSize, start)) {
            for (KeyValue entry : results) {
                jobs.add(toJob.apply(entry));
            }
            final QueryResponseMetadata metadata = results.getMetadata();
            next = metadata == null ? "" : metadata.getBookmark();
        }
        return new JobPage(jobs, jobs.size() < pageSize ? "" : PageBookmark.encode(next));
    }

    private static String iso(final Instant timestamp) {
        return timestamp == null ? "" : ISO_MILLIS.format(timestamp);
    }
}
