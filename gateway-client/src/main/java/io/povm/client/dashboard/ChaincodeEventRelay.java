// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.povm.api.PovmTransactions;
import io.povm.api.WorkerTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the povm chaincode's events through the Fabric Gateway and hands them to the {@link EventHub}: a job event
 * as {@code job}, {@code {"event":"JobSubmitted","block":9,"job":{...}}} (every job event carries the whole job), a
 * {@code JobsSubmitted} batch as one such {@code JobSubmitted} event per job, a worker event as {@code worker}, a beacon round event as {@code beacon} and any other as {@code ledger}, both {@code {"event":"...","block":9}}. Starts at the next block; when the stream breaks (a peer restart) it reconnects from the
 * last event it relayed, so no event is lost or sent twice.
 */
final class ChaincodeEventRelay implements Runnable {
    static final Set<String> JOB_EVENTS = Set.of(
            PovmTransactions.JOB_SUBMITTED_EVENT,
            PovmTransactions.JOB_CANCELLED_EVENT,
            PovmTransactions.JOB_ASSIGNED_EVENT,
            PovmTransactions.REPLICA_ACKNOWLEDGED_EVENT,
            PovmTransactions.LEASE_EXPIRED_EVENT,
            PovmTransactions.REPLICA_RELEASED_EVENT,
            PovmTransactions.RESULT_COMMITTED_EVENT,
            PovmTransactions.RESULT_REVEALED_EVENT,
            PovmTransactions.JOB_ADVANCED_EVENT,
            PovmTransactions.JOB_CHALLENGED_EVENT,
            PovmTransactions.JOB_FINALIZED_EVENT);
    static final Set<String> WORKER_EVENTS = Set.of(
            WorkerTransactions.REGISTERED_EVENT,
            WorkerTransactions.OFFER_UPDATED_EVENT,
            WorkerTransactions.PAUSED_EVENT,
            WorkerTransactions.RESUMED_EVENT,
            WorkerTransactions.DEREGISTERED_EVENT,
            WorkerTransactions.REVOKED_EVENT,
            WorkerTransactions.HEARTBEAT_EVENT);

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeEventRelay.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final Network network;
    private final String chaincode;
    private final EventHub hub;
    private final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
    private volatile boolean stopped;
    private volatile CloseableIterator<ChaincodeEvent> events;

    ChaincodeEventRelay(final Network network, final String chaincode, final EventHub hub) {
        this.network = Objects.requireNonNull(network, "network");
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                events = network.newChaincodeEventsRequest(chaincode)
                        .checkpoint(checkpointer)
                        .build()
                        .getEvents();
                LOG.info("relaying the events of chaincode {}", chaincode);
                while (!stopped && events.hasNext()) {
                    final ChaincodeEvent event = events.next();
                    relay(event.getEventName(), event.getBlockNumber(), event.getPayload());
                    checkpointer.checkpointChaincodeEvent(event);
                }
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.warn("the chaincode event stream broke ({}); reconnecting", e.toString());
                    pause();
                }
            } finally {
                close(events);
            }
        }
        LOG.info("event relay stopped");
    }

    /** Publishes one chaincode event to the pages. */
    void relay(final String name, final long block, final byte[] payload) {
        if (PovmTransactions.JOBS_SUBMITTED_EVENT.equals(name)) {
            relayBatch(block, payload);
            return;
        }
        final ObjectNode data = Json.object().put("event", name).put("block", block);
        if (!JOB_EVENTS.contains(name)) {
            hub.publish(
                    WORKER_EVENTS.contains(name)
                            ? "worker"
                            : io.povm.api.beacon.BeaconTransactions.ROUND_EVENT.equals(name) ? "beacon" : "ledger",
                    Json.write(data));
            return;
        }
        try {
            data.set("job", Json.parse(new String(payload, StandardCharsets.UTF_8)));
        } catch (BadRequestException e) {
            LOG.warn("skipping event {} in block {}: its payload is not a job: {}", name, block, e.getMessage());
            return;
        }
        hub.publish("job", Json.write(data));
    }

    /** A {@code SubmitJobs} batch reaches the pages as one {@code JobSubmitted} job event per job it holds. */
    private void relayBatch(final long block, final byte[] payload) {
        final JsonNode jobs;
        try {
            jobs = Json.parse(new String(payload, StandardCharsets.UTF_8)).path("jobs");
        } catch (BadRequestException e) {
            LOG.warn("skipping a job batch in block {}: its payload is not JSON: {}", block, e.getMessage());
            return;
        }
        for (JsonNode job : jobs) {
            final ObjectNode data = Json.object()
                    .put("event", PovmTransactions.JOB_SUBMITTED_EVENT)
                    .put("block", block);
            data.set("job", job);
            hub.publish("job", Json.write(data));
        }
    }

    /** Stops relaying: closes the stream, which ends {@link #run()}. */
    void stop() {
        stopped = true;
        close(events);
    }

    private static void close(final CloseableIterator<ChaincodeEvent> open) {
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
