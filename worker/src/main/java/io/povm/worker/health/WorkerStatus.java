// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.health;

import io.povm.worker.journal.ReplicaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A snapshot of the daemon: state, slots, running replicas, the last chaincode event block seen and the last
 * heartbeat. Immutable; each {@code with...} returns a new snapshot.
 */
public final class WorkerStatus {
    /** The faulty mode of an honest worker. */
    public static final String HONEST = "none";

    private final DaemonState state;
    private final String workerKey;
    private final int slotsTotal;
    private final List<RunningReplica> running;
    private final Optional<Long> lastEventBlock;
    private final Optional<Instant> lastHeartbeat;
    private final String faultyMode;

    public WorkerStatus(
            final DaemonState state,
            final String workerKey,
            final int slotsTotal,
            final List<RunningReplica> running,
            final Optional<Long> lastEventBlock,
            final Optional<Instant> lastHeartbeat) {
        this(state, workerKey, slotsTotal, running, lastEventBlock, lastHeartbeat, HONEST);
    }

    /** @param faultyMode the worker's faulty mode as configured ({@value #HONEST} for an honest worker) */
    public WorkerStatus(
            final DaemonState state,
            final String workerKey,
            final int slotsTotal,
            final List<RunningReplica> running,
            final Optional<Long> lastEventBlock,
            final Optional<Instant> lastHeartbeat,
            final String faultyMode) {
        this.state = Objects.requireNonNull(state, "state");
        this.workerKey = Objects.requireNonNull(workerKey, "workerKey");
        if (slotsTotal < 1) {
            throw new IllegalArgumentException("slotsTotal must be at least 1, was " + slotsTotal);
        }
        this.slotsTotal = slotsTotal;
        this.running = running.stream()
                .sorted(Comparator.comparing(RunningReplica::since).thenComparing(RunningReplica::id))
                .collect(Collectors.toUnmodifiableList());
        this.lastEventBlock = Objects.requireNonNull(lastEventBlock, "lastEventBlock");
        this.lastHeartbeat = Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        this.faultyMode = Objects.requireNonNull(faultyMode, "faultyMode");
    }

    /** @return a daemon that has not started: DOWN, nothing running, nothing seen */
    public static WorkerStatus starting(final String workerKey, final int slotsTotal) {
        return new WorkerStatus(DaemonState.DOWN, workerKey, slotsTotal, List.of(), Optional.empty(), Optional.empty());
    }

    public WorkerStatus withState(final DaemonState newState) {
        return new WorkerStatus(newState, workerKey, slotsTotal, running, lastEventBlock, lastHeartbeat, faultyMode);
    }

    public WorkerStatus withRunning(final RunningReplica replica) {
        final List<RunningReplica> next = new ArrayList<>(without(replica.id()));
        next.add(replica);
        return new WorkerStatus(state, workerKey, slotsTotal, next, lastEventBlock, lastHeartbeat, faultyMode);
    }

    public WorkerStatus withoutRunning(final ReplicaId id) {
        return new WorkerStatus(state, workerKey, slotsTotal, without(id), lastEventBlock, lastHeartbeat, faultyMode);
    }

    /** Block numbers only move forward: an older block (a replayed event) leaves the snapshot as it is. */
    public WorkerStatus withEventBlock(final long block) {
        final long latest = Math.max(block, lastEventBlock.orElse(block));
        return new WorkerStatus(state, workerKey, slotsTotal, running, Optional.of(latest), lastHeartbeat, faultyMode);
    }

    public WorkerStatus withHeartbeat(final Instant at) {
        return new WorkerStatus(state, workerKey, slotsTotal, running, lastEventBlock, Optional.of(at), faultyMode);
    }

    public WorkerStatus withFaultyMode(final String mode) {
        return new WorkerStatus(state, workerKey, slotsTotal, running, lastEventBlock, lastHeartbeat, mode);
    }

    private List<RunningReplica> without(final ReplicaId id) {
        return running.stream().filter(r -> !r.id().equals(id)).collect(Collectors.toList());
    }

    public DaemonState state() {
        return state;
    }

    /** @return the worker's key on the ledger, {@code MSP/NAME} */
    public String workerKey() {
        return workerKey;
    }

    public int slotsTotal() {
        return slotsTotal;
    }

    public int slotsUsed() {
        return running.size();
    }

    /** @return running replicas, longest running first */
    public List<RunningReplica> running() {
        return running;
    }

    public Optional<Long> lastEventBlock() {
        return lastEventBlock;
    }

    public Optional<Instant> lastHeartbeat() {
        return lastHeartbeat;
    }

    /** @return the configured faulty mode (tests only); {@value #HONEST} for an honest worker */
    public String faultyMode() {
        return faultyMode;
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof WorkerStatus)) {
            return false;
        }
        final WorkerStatus s = (WorkerStatus) o;
        return state == s.state
                && workerKey.equals(s.workerKey)
                && slotsTotal == s.slotsTotal
                && running.equals(s.running)
                && lastEventBlock.equals(s.lastEventBlock)
                && lastHeartbeat.equals(s.lastHeartbeat)
                && faultyMode.equals(s.faultyMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, workerKey, slotsTotal, running, lastEventBlock, lastHeartbeat, faultyMode);
    }

    @Override
    public String toString() {
        return workerKey + " " + state + ", " + slotsUsed() + "/" + slotsTotal + " slots " + running
                + (HONEST.equals(faultyMode) ? "" : ", FAULTY MODE " + faultyMode);
    }
}
