// SPDX-License-Identifier: Apache-2.0
package io.povm.client.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconParty;
import io.povm.api.beacon.BeaconTransactions;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.RoundCheck;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundOutcome;
import io.povm.api.beacon.RoundView;
import io.povm.client.PovmClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One org's automatic part in the beacon: each {@link #step()} reads the latest round and does what this org should
 * do in its phase (open the next round once the cadence passed, commit, check its shares, reveal, post its shares of a
 * dealer that withheld once the deadline passed, close). The next round opens once the governed cadence passed
 * since the last one closed. The polynomial of each round is kept in {@code stateDir}
 * before it is committed, so a daemon that restarts still reveals. A refused step (another org was faster, a phase
 * has not closed yet) is normal and logged at debug.
 *
 * <p>{@link Mode#WITHHOLD} commits and checks but never reveals: how tests play an org that withholds.
 */
public final class BeaconParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(BeaconParticipant.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How this participant behaves. */
    public enum Mode {
        HONEST,
        WITHHOLD
    }

    private final String msp;
    private final BigInteger beaconKey;
    private final Path stateDir;
    private final Mode mode;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** With nothing waiting for a round, how long until the participant asks again. */
    static final Duration IDLE_RECHECK = Duration.ofSeconds(10);

    private Instant nextOpenAttempt = Instant.EPOCH;
    private Optional<RoundView> lastSeen = Optional.empty();
    private boolean wantsRound;

    public BeaconParticipant(
            final String msp, final BigInteger beaconKey, final Path stateDir, final Mode mode, final Clock clock) {
        this.msp = Objects.requireNonNull(msp, "msp");
        this.beaconKey = Objects.requireNonNull(beaconKey, "beaconKey");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Does at most a few transactions for the latest round, opening the next one every cadence.
     *
     * @return what this org did, e.g. {@code ["commit 4"]}; empty when there was nothing to do
     */
    public List<String> step(final BeaconClient beacon) {
        return step(beacon, () -> true);
    }

    /**
     * As {@link #step(BeaconClient)}, but opens the next round (once the cadence passed) only when something waits for
     * one: {@code workWaiting} says so (jobs not yet final, which beacon assignment and audits draw from), or tickets of
     * paid work wait for the round, or the governed lottery is CloudPoS (live workers' stakes, every cadence). With
     * nothing waiting the beacon stays quiet; it is asked again after {@link #IDLE_RECHECK}. The first round opens
     * regardless.
     *
     * @return what this org did; empty when there was nothing to do
     */
    public List<String> step(final BeaconClient beacon, final BooleanSupplier workWaiting) {
        final List<String> done = new ArrayList<>();
        final Optional<RoundView> latest = beacon.latest();
        lastSeen = latest;
        if (latest.isEmpty()) {
            attempt(done, "open 1", beacon::open);
            return done;
        }
        final RoundView view = latest.get();
        final long round = view.round();
        switch (view.phase()) {
            case "CLOSED" -> {
                final BeaconConfig config = beacon.config();
                final Instant due =
                        Instant.parse(view.result().closedAt()).plus(Duration.ofSeconds(config.cadenceSeconds()));
                if (!clock.instant().isBefore(due) && !clock.instant().isBefore(nextOpenAttempt)) {
                    wantsRound = workWaiting.getAsBoolean()
                            || BeaconConfig.CLOUDPOS.equals(config.tickets())
                            || !beacon.tickets(round + 1).isEmpty();
                    if (wantsRound) {
                        nextOpenAttempt = clock.instant().plusSeconds(2);
                        attempt(done, "open " + (round + 1), beacon::open);
                    } else {
                        nextOpenAttempt = clock.instant().plus(IDLE_RECHECK);
                    }
                }
                forget(round);
            }
            case "COMMIT" -> {
                if (view.commit(msp).isEmpty() && view.header().member(msp).isPresent()) {
                    final Feldman polynomial = polynomial(round, view.header().threshold());
                    final RoundCommit commit = BeaconParty.deal(view.header(), msp, polynomial, random);
                    attempt(done, "commit " + round, () -> beacon.commit(commit));
                }
            }
            case "CHECK" -> {
                if (view.check(msp).isEmpty() && view.header().member(msp).isPresent()) {
                    final RoundCheck check = BeaconParty.check(beacon.channel(), view, msp, beaconKey, random);
                    attempt(
                            done,
                            "check " + round + (check.complaints().isEmpty() ? "" : " with complaints"),
                            () -> beacon.check(check));
                }
            }
            case "REVEAL" -> reveal(beacon, view, done);
            case "CLOSABLE" -> attempt(done, "close " + round, () -> beacon.close(round));
            case "STALLED" -> LOG.warn("beacon round {} stalled: {}", round, view.note());
            default -> LOG.debug("beacon round {} is {}", round, view.phase());
        }
        return done;
    }

    /**
     * @return whether a round is under way or wanted, as the last {@link #step} saw it: its phases and the cadence
     *     run on the multiparty clock, so the daemon keeps ticking meanwhile
     */
    public boolean roundUnderWay() {
        return lastSeen.map(view -> !"CLOSED".equals(view.phase())).orElse(true) || wantsRound;
    }

    /** @return the latest round as the last {@link #step} read it (its phase at that time) */
    public Optional<RoundView> lastSeen() {
        return lastSeen;
    }

    private void reveal(final BeaconClient beacon, final RoundView view, final List<String> done) {
        final long round = view.round();
        final RoundOutcome outcome = new RoundOutcome(beacon.channel(), BeaconTransactions.SEED_CHAINCODE);
        final RoundOutcome.Secrets secrets = outcome.secrets(view);
        if (secrets.missing().contains(msp) && mode == Mode.HONEST) {
            final Optional<Feldman> mine = stored(round);
            if (mine.isPresent()) {
                attempt(
                        done,
                        "reveal " + round,
                        () -> beacon.reveal(round, Hex.of(mine.get().secret())));
            } else {
                LOG.warn("beacon round {}: this org's polynomial is lost; the others will recover its secret", round);
            }
        }
        for (final String dealer : secrets.missing()) {
            if (dealer.equals(msp)
                    || view.recoveriesOf(dealer).stream()
                            .anyMatch(r -> r.holder().equals(msp))) {
                continue;
            }
            final Instant revealBy = Instant.parse(view.header().revealBy());
            if (clock.instant().isBefore(revealBy)) {
                continue;
            }
            final BigInteger share = BeaconParty.openShare(view, dealer, msp, beaconKey);
            attempt(done, "recover " + dealer + " in " + round, () -> beacon.recover(round, dealer, Hex.of(share)));
        }
    }

    private void attempt(final List<String> done, final String what, final Runnable call) {
        try {
            call.run();
            done.add(what);
            LOG.info("beacon: {}", what);
        } catch (PovmClientException e) {
            if (e.kind() == PovmClientException.Kind.REJECTED || e.kind() == PovmClientException.Kind.COMMIT_FAILED) {
                LOG.debug("beacon: {} not done: {}", what, e.getMessage());
            } else {
                throw e;
            }
        }
    }

    private Path file(final long round) {
        return stateDir.resolve("round-" + round + ".json");
    }

    /** @return the round's polynomial: the stored one, else a fresh one stored before it is used */
    private Feldman polynomial(final long round, final int threshold) {
        final Optional<Feldman> stored = stored(round);
        if (stored.isPresent() && stored.get().threshold() == threshold) {
            return stored.get();
        }
        final Feldman fresh = Feldman.random(threshold, random);
        final List<String> coefficients =
                fresh.coefficients().stream().map(Hex::of).toList();
        try {
            Files.createDirectories(stateDir);
            final Path tmp = stateDir.resolve("round-" + round + ".json.tmp");
            Files.write(tmp, JSON.writeValueAsBytes(coefficients));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, file(round), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the beacon polynomial of round " + round, e);
        }
        return fresh;
    }

    private Optional<Feldman> stored(final long round) {
        final Path path = file(round);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            final List<?> hex = JSON.readValue(path.toFile(), List.class);
            return Optional.of(Feldman.of(hex.stream()
                    .map(h -> Hex.scalar("coefficient", String.valueOf(h)))
                    .toList()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("beacon: unreadable polynomial file {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** Deletes the secrets of closed rounds: once revealed or recovered they are public anyway. */
    private void forget(final long closedRound) {
        try {
            Files.deleteIfExists(file(closedRound));
        } catch (IOException e) {
            LOG.debug("beacon: cannot delete {}: {}", file(closedRound), e.getMessage());
        }
    }
}
