// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ties a worker's data directory to one ledger ({@link io.povm.client.LedgerIdentity}). The event checkpoint and the
 * beacon secrets in it are only valid for the ledger they were made on: against a channel created again (a network
 * brought down with {@code --wipe} and up while the data directory was kept), the checkpoint names blocks the new
 * ledger does not have yet, so the daemon would hear no events, and the beacon state names rounds that are not the
 * new ledger's rounds.
 *
 * <p>The first start writes the ledger's identity to {@value #ID_FILE}. A later start against another ledger moves the
 * ledger-bound entries into {@code stale/<first 12 hex digits of the old identity>/}, kept for inspection, never
 * deleted, and writes the new identity.
 */
public final class LedgerBinding {
    /** The file in the data directory that holds the identity of the ledger the directory's state belongs to. */
    public static final String ID_FILE = "ledger.id";
    /** Where entries made for an earlier ledger are moved. */
    public static final String STALE_DIR = "stale";

    private static final int PREFIX = 12;

    private LedgerBinding() {}

    /**
     * What binding found.
     *
     * @param previous the identity the directory was bound to before, when it was another ledger's
     * @param moved where each ledger-bound entry that existed was moved, when {@code previous} is present
     */
    public record Outcome(Optional<String> previous, List<Path> moved) {
        public Outcome {
            Objects.requireNonNull(previous, "previous");
            moved = List.copyOf(moved);
        }

        /** @return whether the directory held state of another ledger */
        public boolean changed() {
            return previous.isPresent();
        }
    }

    /**
     * Binds {@code dataDir} to {@code ledgerId}, moving {@code ledgerBound} entries (file or directory names inside
     * it) aside when it was bound to another ledger. A directory bound to no ledger yet (first start, or a directory
     * made before this check existed) keeps its entries.
     *
     * @throws UncheckedIOException when the directory cannot be read or written
     */
    public static Outcome bind(final Path dataDir, final String ledgerId, final List<String> ledgerBound) {
        Objects.requireNonNull(ledgerId, "ledgerId");
        final Path idFile = dataDir.resolve(ID_FILE);
        try {
            Files.createDirectories(dataDir);
            final Optional<String> stored = Files.exists(idFile)
                    ? Optional.of(
                            Files.readString(idFile, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
            if (stored.filter(ledgerId::equals).isPresent()) {
                return new Outcome(Optional.empty(), List.of());
            }
            final List<Path> moved = new ArrayList<>();
            if (stored.isPresent()) {
                final Path stale = freshDir(dataDir.resolve(STALE_DIR), prefix(stored.get()));
                for (final String name : ledgerBound) {
                    final Path entry = dataDir.resolve(name);
                    if (Files.exists(entry)) {
                        Files.createDirectories(stale);
                        final Path target = stale.resolve(name);
                        Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                        moved.add(target);
                    }
                }
            }
            final Path written = Files.writeString(
                    dataDir.resolve(ID_FILE + ".tmp"), ledgerId + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(written, idFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(stored, moved);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + dataDir + " to ledger " + prefix(ledgerId), e);
        }
    }

    private static String prefix(final String id) {
        return id.length() <= PREFIX ? id : id.substring(0, PREFIX);
    }

    /** @return {@code parent/name}, or {@code parent/name-2}, {@code -3}... when a directory of that name exists */
    private static Path freshDir(final Path parent, final String name) {
        Path candidate = parent.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(name + "-" + n);
        }
        return candidate;
    }
}
