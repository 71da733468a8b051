// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobState;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.client.PovmGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the chaincode's events from where it last stopped ({@link FileCheckpointer} in the data directory: the
 * block and transaction of the last event handled), so that after a crash or restart no event is missed and none is
 * handled twice. Hands every replica assigned to this worker to {@code onAssigned} (first assignments, replacements,
 * iterative and dispute draws), every committed replica of this worker whose job moved to {@code onCommitted} (the
 * reveal may be possible now) and every newly submitted job ({@code JobSubmitted}, or each job of a {@code
 * JobsSubmitted} batch) to {@code onSubmitted}. When the peer fails, reconnects through the next configured peer and resumes from the
 * checkpoint.
 */
public final class AssignmentListener implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentListener.class);
    private static final Set<String> ASSIGNING = Set.of(
            PovmTransactions.JOB_ASSIGNED_EVENT,
            PovmTransactions.LEASE_EXPIRED_EVENT,
            PovmTransactions.REPLICA_RELEASED_EVENT,
            PovmTransactions.JOB_ADVANCED_EVENT,
            PovmTransactions.JOB_CHALLENGED_EVENT,
            PovmTransactions.RESULT_REVEALED_EVENT);
    /** Events after which a committed replica may be revealable: its job's last lease closed, or a copy is possible. */
    private static final Set<String> REVEALING = Set.of(
            PovmTransactions.RESULT_COMMITTED_EVENT,
            PovmTransactions.RESULT_REVEALED_EVENT,
            PovmTransactions.LEASE_EXPIRED_EVENT,
            PovmTransactions.REPLICA_RELEASED_EVENT,
            PovmTransactions.JOB_ADVANCED_EVENT,
            PovmTransactions.JOB_CHALLENGED_EVENT);

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    /** What the listener reports to. */
    public interface Handler {
        /** A replica of {@code job} was assigned to this worker. */
        void onAssigned(Job job, Replica replica);

        /** A replica of {@code job} that this worker committed may be revealable now. */
        void onCommitted(Job job, Replica replica);

        /** A job was submitted and waits for its assignment. */
        void onSubmitted(Job job);

        /** The listener reconnected after missing events; the caller may reconcile with the ledger. */
        void onReconnected();
    }

    private final PeerConnections peers;
    private final String workerKey;
    private final FileCheckpointer checkpointer;
    private final Handler handler;
    private final Consumer<Long> blockSeen;
    private volatile boolean stopped;
    private volatile CloseableIterator<ChaincodeEvent> events;

    public AssignmentListener(
            final PeerConnections peers,
            final String workerKey,
            final Path checkpointFile,
            final Handler handler,
            final Consumer<Long> blockSeen) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.workerKey = Objects.requireNonNull(workerKey, "workerKey");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.blockSeen = Objects.requireNonNull(blockSeen, "blockSeen");
        try {
            this.checkpointer = new FileCheckpointer(checkpointFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event checkpoint " + checkpointFile, e);
        }
    }

    @Override
    public void run() {
        boolean reconnecting = false;
        PovmGateway used = null;
        while (!stopped) {
            try {
                if (reconnecting) {
                    peers.failover(used);
                    handler.onReconnected();
                }
                reconnecting = false;
                // taken after the reconciliation, whose calls may have failed over again
                used = peers.current();
                events = used.network()
                        .newChaincodeEventsRequest(used.profile().chaincode())
                        .checkpoint(checkpointer)
                        .build()
                        .getEvents();
                LOG.info(
                        "listening for chaincode events through {}",
                        used.profile().peerEndpoint());
                while (!stopped && events.hasNext()) {
                    final ChaincodeEvent event = events.next();
                    handle(event);
                    checkpointer.checkpointChaincodeEvent(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the event checkpoint", e);
            } catch (RuntimeException e) {
                if (stopped) {
                    break;
                }
                LOG.warn(
                        "chaincode event stream through {} broke: {}",
                        used == null ? peers.endpoint() : used.profile().peerEndpoint(),
                        e.toString());
                reconnecting = true;
                pause();
            } finally {
                closeEvents();
            }
        }
        LOG.info("event listener stopped");
    }

    private void handle(final ChaincodeEvent event) {
        blockSeen.accept(event.getBlockNumber());
        final String name = event.getEventName();
        if (PovmTransactions.JOBS_SUBMITTED_EVENT.equals(name)) {
            final JobBatch batch =
                    PovmJson.read(new String(event.getPayload(), StandardCharsets.UTF_8), JobBatch.class);
            batch.jobs().stream()
                    .filter(job -> job.state() == JobState.SUBMITTED)
                    .forEach(handler::onSubmitted);
            return;
        }
        if (!ASSIGNING.contains(name)
                && !REVEALING.contains(name)
                && !PovmTransactions.JOB_SUBMITTED_EVENT.equals(name)) {
            return;
        }
        final Job job = PovmJson.read(new String(event.getPayload(), StandardCharsets.UTF_8), Job.class);
        if (PovmTransactions.JOB_SUBMITTED_EVENT.equals(name)) {
            handler.onSubmitted(job);
            return;
        }
        for (final Replica replica : job.replicas()) {
            if (!replica.workerKey().equals(workerKey)) {
                continue;
            }
            if (ASSIGNING.contains(name) && replica.state() == ReplicaState.ASSIGNED) {
                handler.onAssigned(job, replica);
            } else if (REVEALING.contains(name) && replica.state() == ReplicaState.RESULT_COMMITTED) {
                handler.onCommitted(job, replica);
            }
        }
    }

    /** Stops the listener: closes the event stream, which ends {@link #run()}. */
    public void stop() {
        stopped = true;
        closeEvents();
    }

    private void closeEvents() {
        final CloseableIterator<ChaincodeEvent> open = events;
        if (open != null) {
            open.close();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
