// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link FaultyMode} a worker applies to each replica it runs (tests only, docs/workers.md "Faulty modes"): one
 * mode for every replica, or a seeded random one per replica ({@code random:SEED:PROBABILITY}), so that a run over
 * many jobs meets every kind of dishonesty and can be replayed from its seed. A random plan spoils at most one replica
 * per job (the honest majority that result consensus assumes): the index is drawn from the seed and the job id, and
 * with the given probability that replica gets a faulty mode drawn the same way; every other replica is honest. Every
 * daemon given the same plan draws the same, so a test recomputes who was meant to cheat.
 */
public final class FaultyPlan {
    /** The modes a random plan draws from. */
    public static final List<FaultyMode> FAULTY =
            List.of(FaultyMode.WRONG_ANSWER, FaultyMode.COPY, FaultyMode.SILENT, FaultyMode.INFLATE_USAGE);

    private static final String RANDOM = "random";

    private final Optional<FaultyMode> always;
    private final long seed;
    private final double probability;

    private FaultyPlan(final Optional<FaultyMode> always, final long seed, final double probability) {
        this.always = always;
        this.seed = seed;
        this.probability = probability;
    }

    /** @return the plan that applies {@code mode} to every replica */
    public static FaultyPlan always(final FaultyMode mode) {
        return new FaultyPlan(Optional.of(Objects.requireNonNull(mode, "mode")), 0, 0);
    }

    /** @return the seeded random plan: one replica per job faulty with {@code probability} (0 to 1) */
    public static FaultyPlan random(final long seed, final double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1, got " + probability);
        }
        return new FaultyPlan(Optional.empty(), seed, probability);
    }

    /** @return the plan named {@code text} as in the configuration: a mode's name or {@code random:SEED:PROBABILITY} */
    public static Optional<FaultyPlan> of(final String text) {
        final String[] parts = text.split(":", -1);
        if (parts.length == 3 && parts[0].equals(RANDOM)) {
            try {
                return Optional.of(random(Long.parseLong(parts[1]), Double.parseDouble(parts[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return FaultyMode.of(text).map(FaultyPlan::always);
    }

    /** @return every configuration form, for error messages */
    public static String accepted() {
        return FaultyMode.accepted() + "|random:SEED:PROBABILITY";
    }

    /**
     * @param jobId the job's id
     * @param index the replica's index
     * @param replicas how many replicas the job starts with (its faulty index is drawn below this)
     * @return the mode the worker applies to that replica
     */
    public FaultyMode modeFor(final String jobId, final int index, final int replicas) {
        if (always.isPresent()) {
            return always.get();
        }
        final ByteBuffer draw = ByteBuffer.wrap(sha256(seed + "/" + jobId));
        final int faultyIndex = Math.floorMod(draw.getInt(), Math.max(1, replicas));
        final double chance = (draw.getLong() >>> 11) / (double) (1L << 53);
        if (index != faultyIndex || chance >= probability) {
            return FaultyMode.NONE;
        }
        return FAULTY.get(Math.floorMod(draw.getInt(), FAULTY.size()));
    }

    /** @return whether every replica is run honestly */
    public boolean honest() {
        return always.equals(Optional.of(FaultyMode.NONE));
    }

    /** @return the plan as the configuration names it, e.g. {@code wrong-answer} or {@code random:42:0.5} */
    public String configName() {
        return always.map(FaultyMode::configName)
                .orElseGet(() -> RANDOM + ":" + seed + ":" + String.format(Locale.ROOT, "%s", probability));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof FaultyPlan p
                && always.equals(p.always)
                && seed == p.seed
                && Double.compare(probability, p.probability) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(always, seed, probability);
    }

    @Override
    public String toString() {
        return configName();
    }

    private static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
