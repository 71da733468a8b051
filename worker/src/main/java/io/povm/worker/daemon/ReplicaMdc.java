// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.worker.journal.ReplicaId;
import org.slf4j.MDC;

/**
 * Puts the MDC keys {@code job} and {@code replica} for the log lines about one replica, and removes them on close;
 * the text format prints them as {@code job=... replica=...}, the JSON format as fields.
 *
 * <pre>{@code
 * try (ReplicaMdc mdc = ReplicaMdc.of(replica)) {
 *     LOG.info("started");     // ... INFO  [slot-1] i.p.w.d.Runner job=job-1a2b replica=0 started
 * }
 * }</pre>
 */
public final class ReplicaMdc implements AutoCloseable {
    public static final String JOB = "job";
    public static final String REPLICA = "replica";

    private ReplicaMdc() {}

    public static ReplicaMdc of(final ReplicaId replica) {
        MDC.put(JOB, replica.jobId());
        MDC.put(REPLICA, Integer.toString(replica.replica()));
        return new ReplicaMdc();
    }

    @Override
    public void close() {
        MDC.remove(JOB);
        MDC.remove(REPLICA);
    }
}
