// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.Ticket;
import io.povm.api.beacon.TicketTotal;
import io.povm.chaincode.clock.MultipartyClock;
import io.povm.chaincode.worker.WorkerLedger;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The tickets a round freezes when it opens, one total per worker in worker-key order:
 *
 * <ul>
 *   <li>{@value BeaconConfig#POVM}: the sum of the {@link Ticket}s earned since the previous round opened (verified
 *       VM milliseconds of paid replicas, scaled by reputation);
 *   <li>{@value BeaconConfig#CLOUDPOS}: for every ACTIVE worker whose last heartbeat is at most {@code
 *       heartbeatSeconds} older than the multiparty clock's majority time (its VMVERIFY), its CloudPoS stake gamma·(R -
 *       R^u) times the free share of its slots, times {@code gammaPermille}/1000.
 * </ul>
 */
final class TicketFreeze {
    private final ChaincodeStub stub;

    TicketFreeze(final ChaincodeStub stub) {
        this.stub = stub;
    }

    List<TicketTotal> freeze(final long round, final BeaconConfig config, final MultipartyClock clock) {
        return BeaconConfig.CLOUDPOS.equals(config.tickets()) ? staked(config, clock) : earned(round);
    }

    private List<TicketTotal> earned(final long round) {
        final Map<String, List<Ticket>> byWorker = new TreeMap<>();
        for (final Ticket ticket : new BeaconLedger(stub).tickets(round)) {
            byWorker.computeIfAbsent(ticket.workerKey(), k -> new ArrayList<>()).add(ticket);
        }
        final List<TicketTotal> totals = new ArrayList<>();
        byWorker.forEach((key, tickets) -> {
            long sum = 0;
            for (final Ticket ticket : tickets) {
                sum = Math.addExact(sum, ticket.tickets());
            }
            final Ticket first = tickets.get(0);
            totals.add(new TicketTotal(key, first.msp(), first.fabricId(), sum, tickets.size() + " verified replicas"));
        });
        return totals;
    }

    private List<TicketTotal> staked(final BeaconConfig config, final MultipartyClock clock) {
        final Optional<Instant> majorityTime = majorityTime(clock);
        final WorkerLedger workers = new WorkerLedger(stub);
        final List<TicketTotal> totals = new ArrayList<>();
        for (final WorkerKey key : workers.active()) {
            final Optional<Worker> found = workers.find(key);
            if (found.isEmpty() || majorityTime.isEmpty()) {
                continue;
            }
            final Worker worker = found.get();
            final Optional<Instant> heartbeat = worker.lastHeartbeatAt().map(Instant::parse);
            if (heartbeat.isEmpty()
                    || heartbeat.get().plusSeconds(config.heartbeatSeconds()).isBefore(majorityTime.get())) {
                continue;
            }
            final int slots = worker.offer().slots();
            final int free = worker.freeSlots().orElse(slots);
            final long tickets = BigInteger.valueOf(worker.stake().total())
                    .multiply(BigInteger.valueOf(free))
                    .multiply(BigInteger.valueOf(config.gammaPermille()))
                    .divide(BigInteger.valueOf(1000L * Math.max(slots, 1)))
                    .longValueExact();
            totals.add(new TicketTotal(
                    key.toString(),
                    worker.msp(),
                    worker.fabricId(),
                    tickets,
                    "stake " + worker.stake().total() + " x " + free + "/" + slots + " free slots x "
                            + config.gammaPermille() + "/1000, heartbeat " + heartbeat.get()));
        }
        return totals;
    }

    /** The latest time a majority of member orgs ticked past: the t-th latest tick. */
    static Optional<Instant> majorityTime(final MultipartyClock clock) {
        final List<Instant> ticks = new ArrayList<>(clock.latestTicks().values());
        ticks.sort(java.util.Comparator.reverseOrder());
        final int t = clock.threshold();
        return ticks.size() >= t ? Optional.of(ticks.get(t - 1)) : Optional.empty();
    }
}
