// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.PovmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A winner drawn with probability proportional to weight: zero weights dropped, entries sorted by id (UTF-8 bytes,
 * unsigned), cumulative sums with {@link Math#addExact}, x = {@link UniformDraw#draw}(subSeed, total), winner = the
 * first entry whose cumulative sum exceeds x. Integer only, so every peer picks the same winner.
 */
public final class WeightedDraw {
    private WeightedDraw() {}

    /** A candidate: a unique id and a weight >= 0. */
    public record Entry(String id, long weight) {}

    public static String winner(final byte[] subSeed, final List<Entry> entries) {
        final List<Entry> eligible = eligible(entries);
        return at(eligible, UniformDraw.draw(subSeed, total(eligible)));
    }

    /** The positive-weight entries in id order; rejects duplicate ids, negative weights and an empty result. */
    static List<Entry> eligible(final List<Entry> entries) {
        PovmException.requirePresent(entries, "entries", "ids with weights");
        final Set<String> ids = new HashSet<>();
        for (final Entry entry : entries) {
            PovmException.requirePresent(entry, "entries", "no null entry");
            PovmException.requirePresent(entry.id(), "entries.id", "a non-empty id");
            if (entry.weight() < 0) {
                throw PovmException.invalid("entries", "weight of " + entry.id() + " is negative");
            }
            if (!ids.add(entry.id())) {
                throw PovmException.invalid("entries", "id " + entry.id() + " appears twice");
            }
        }
        final List<Entry> eligible = entries.stream()
                .filter(e -> e.weight() > 0)
                .sorted((a, b) -> SeedDerivation.compareUtf8(a.id(), b.id()))
                .toList();
        if (eligible.isEmpty()) {
            throw PovmException.invalid("entries", "no entry has a positive weight");
        }
        return eligible;
    }

    static long total(final List<Entry> eligible) {
        long total = 0;
        for (final Entry entry : eligible) {
            total = add(total, entry.weight());
        }
        return total;
    }

    /** The first of the (eligible, sorted) entries whose cumulative weight exceeds x. */
    static String at(final List<Entry> eligible, final long x) {
        long cumulative = 0;
        for (final Entry entry : eligible) {
            cumulative = add(cumulative, entry.weight());
            if (cumulative > x) {
                return entry.id();
            }
        }
        throw PovmException.invalid("x", "must be below the total weight " + cumulative);
    }

    private static long add(final long a, final long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw PovmException.invalid("entries", "total weight exceeds " + Long.MAX_VALUE);
        }
    }
}
