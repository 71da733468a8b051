// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.api.beacon.RoundView;
import io.povm.client.beacon.BeaconKeyFile;
import io.povm.client.beacon.BeaconParticipant;
import io.povm.client.clock.ClockClient;
import io.povm.worker.config.WorkerConfig;
import io.povm.worker.ledger.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's part in the beacon: every {@link #EVERY} it lets its org's {@link BeaconParticipant} act on the
 * latest round, and, while a phase waits past its deadline for a late org, ticks the multiparty clock so that the
 * deadline can close (the heartbeat alone ticks only every heartbeat interval). The round polynomials live in
 * {@code <data-dir>/beacon}.
 */
final class BeaconDuty implements Runnable {
    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BeaconDuty.class);
    private static final Duration TICK_EVERY = Duration.ofSeconds(4);
    /**
     * With rounds on demand and nothing waiting for one, how often the beacon is still read: a round another org
     * opened is joined well inside its commit phase (20 s by default).
     */
    static final Duration IDLE_STEP = Duration.ofSeconds(10);

    /** The directory in the worker's data directory that holds this org's round secrets and shares. */
    public static final String STATE_DIR = "beacon";

    private final BeaconParticipant participant;
    private final Ledger ledger;
    private final Clock clock;
    private final boolean onDemand;
    private final BooleanSupplier workWaiting;
    private Instant lastTick = Instant.EPOCH;
    private Instant lastStep = Instant.EPOCH;

    /**
     * @param workWaiting whether a job is not yet final on the ledger, as the daemon last saw it: with {@code
     *     beacon.rounds: on-demand} a round opens only then, or when tickets or a CloudPoS lottery wait for one
     */
    BeaconDuty(
            final WorkerConfig config,
            final Path keyFile,
            final Ledger ledger,
            final Clock clock,
            final BooleanSupplier workWaiting) {
        this.participant = new BeaconParticipant(
                config.mspId(),
                BeaconKeyFile.read(keyFile),
                config.dataDir().resolve(STATE_DIR),
                "withhold".equals(config.beaconMode())
                        ? BeaconParticipant.Mode.WITHHOLD
                        : BeaconParticipant.Mode.HONEST,
                clock);
        this.ledger = ledger;
        this.clock = clock;
        this.onDemand = WorkerConfig.ROUNDS_ON_DEMAND.equals(config.beaconRounds());
        this.workWaiting = workWaiting;
        if ("withhold".equals(config.beaconMode())) {
            LOG.warn("BEACON MODE withhold: this org commits but never reveals, for tests only");
        }
    }

    @Override
    public void run() {
        final Instant now = clock.instant();
        if (onDemand
                && !participant.roundUnderWay()
                && !workWaiting.getAsBoolean()
                && now.isBefore(lastStep.plus(IDLE_STEP))) {
            return; // nothing waits for a round: read the beacon only every IDLE_STEP
        }
        lastStep = now;
        try {
            final List<String> done = ledger.beacon(
                    beacon -> onDemand ? participant.step(beacon, workWaiting) : participant.step(beacon));
            if (done.isEmpty()) {
                tickIfLate();
            }
        } catch (RuntimeException e) {
            LOG.debug("beacon step failed: {}", e.toString());
        }
    }

    /**
     * @return whether the beacon needs the multiparty clock to move: always when rounds open every cadence (the
     *     cadence runs on it), else while a round is under way or wanted
     */
    boolean needsClock() {
        return !onDemand || participant.roundUnderWay();
    }

    /** Ticks when the round the participant just read waits past its phase's deadline; no second read. */
    private void tickIfLate() {
        final Optional<RoundView> latest = participant.lastSeen();
        if (latest.isEmpty()) {
            return;
        }
        final RoundView view = latest.get();
        final String deadline =
                switch (view.phase()) {
                    case "COMMIT" -> view.header().commitBy();
                    case "CHECK" -> view.header().checkBy();
                    case "REVEAL" -> view.header().revealBy();
                    default -> null;
                };
        final Instant now = clock.instant();
        if (deadline != null && now.isAfter(Instant.parse(deadline)) && now.isAfter(lastTick.plus(TICK_EVERY))) {
            lastTick = now;
            ledger.clock(ClockClient::tickOrResumeUnlessBehind);
            LOG.debug("ticked the clock: beacon round {} waits past {}", view.round(), deadline);
        }
    }
}
