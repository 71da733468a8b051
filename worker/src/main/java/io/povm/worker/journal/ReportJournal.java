// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.worker.journal.JournalException.Code;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash-safe, append-only record of what this worker did with each replica, so that every replica is committed and
 * revealed exactly once across restarts. Each transition is one JSON line (see {@link JournalEntry}), synced to the device
 * before the method returns. On open the file is replayed; a torn last line (a crash mid-write) is dropped with a
 * warning. Thread-safe.
 *
 * <pre>{@code
 * try (ReportJournal journal = ReportJournal.open(config.journalFile(), Clock.systemUTC())) {
 *     PendingWork restart = journal.pendingWork();     // commit toCommit(), reveal toReveal(), decide on accepted()
 *     if (journal.accept(replica)) {                     // false: already known (event delivered again)
 *         ... run ...
 *         journal.resultReady(replica, sealedJson);     // before committing: commitment and signed reveal
 *         journal.committed(replica, "committed");      // after the ledger confirmed the commitment
 *         journal.revealed(replica, "RESULT_REVEALED"); // after the ledger took the reveal
 *     }
 * }
 * }</pre>
 */
public final class ReportJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJournal.class);

    private final JournalFile file;
    private final Clock clock;
    private final Map<ReplicaId, ReplicaRecord> records;
    private long nextSeq;
    private boolean failed;

    private ReportJournal(
            final JournalFile file, final Clock clock, final Map<ReplicaId, ReplicaRecord> records, final long next) {
        this.file = file;
        this.clock = clock;
        this.records = records;
        this.nextSeq = next;
    }

    /** Opens with {@link JournalCompaction#DEFAULT}. */
    public static ReportJournal open(final Path path, final Clock clock) {
        return open(path, clock, JournalCompaction.DEFAULT);
    }

    /**
     * Locks and replays the journal (creating it and its directory if needed), compacting it first if it is large.
     *
     * @throws JournalException LOCKED if another worker holds it, CORRUPT if a complete line cannot be read, IO
     */
    public static ReportJournal open(final Path path, final Clock clock, final JournalCompaction compaction) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(compaction, "compaction");
        final JournalFile file = JournalFile.lock(path);
        try {
            final JournalFile.Contents contents = file.read();
            if (contents.tornBytes > 0) {
                LOG.warn(
                        "journal {} ends in a torn line of {} bytes (a crash mid-write); ignoring it",
                        path,
                        contents.tornBytes);
            }
            final Replay replay = Replay.of(path, contents.lines);
            long size = contents.completeBytes;
            if (size > compaction.thresholdBytes()) {
                size = compact(file, replay, clock.instant().minus(compaction.retention()));
            }
            file.openForAppend(size);
            final ReportJournal journal = new ReportJournal(file, clock, replay.records, replay.lastSeq + 1);
            LOG.info("journal {}: {} replica(s), {}", path, replay.records.size(), journal.pendingWork());
            return journal;
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static long compact(final JournalFile file, final Replay replay, final Instant keepFinishedAfter) {
        final List<JournalEntry> kept = replay.latest.values().stream()
                .filter(e -> !e.stage().isFinished() || e.at().isAfter(keepFinishedAfter))
                .sorted(Comparator.comparingLong(JournalEntry::seq))
                .collect(Collectors.toList());
        final List<String> lines = kept.stream().map(JournalEntry::toLine).collect(Collectors.toList());
        file.rewrite(lines);
        replay.records
                .keySet()
                .retainAll(kept.stream().map(JournalEntry::replica).collect(Collectors.toSet()));
        LOG.info("journal {} compacted: kept {} of {} replica(s)", file.path(), kept.size(), replay.latest.size());
        return lines.stream()
                .mapToLong(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
    }

    /**
     * Records that the worker acknowledged the replica's lease.
     *
     * @return true if newly accepted; false if the journal already knows the replica (an event delivered again):
     *     nothing is written and the caller must not run it again
     */
    public synchronized boolean accept(final ReplicaId replica) {
        Objects.requireNonNull(replica, "replica");
        if (records.containsKey(replica)) {
            return false;
        }
        write(entry(replica, ReplicaStage.ACCEPTED, Optional.empty(), Optional.empty(), Optional.empty()));
        return true;
    }

    /** Records the sealed result before it is committed; after a crash it is committed, not recomputed. */
    public synchronized void resultReady(final ReplicaId replica, final String resultJson) {
        Objects.requireNonNull(resultJson, "resultJson");
        final JsonNode result = JournalEntry.parseResult(replica, resultJson);
        transition(replica, ReplicaStage.RESULT_READY, Optional.of(result), Optional.empty(), Optional.empty());
    }

    /** Records that the ledger confirmed the commitment; {@code note} says how (e.g. found committed after a crash). */
    public synchronized void committed(final ReplicaId replica, final String note) {
        transition(
                replica, ReplicaStage.COMMITTED, Optional.empty(), Optional.empty(), Optional.of(text(note, "note")));
    }

    /** Records that the ledger took the reveal; {@code note} says what became of the replica (revealed or faulted). */
    public synchronized void revealed(final ReplicaId replica, final String note) {
        transition(replica, ReplicaStage.REVEALED, Optional.empty(), Optional.empty(), Optional.of(text(note, "note")));
    }

    /** Records that the worker gave the replica back before running it. */
    public synchronized void released(final ReplicaId replica, final String reason) {
        transition(
                replica,
                ReplicaStage.RELEASED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(text(reason, "reason")));
    }

    /** Records that the worker gave up on the replica. */
    public synchronized void abandoned(final ReplicaId replica, final String reason) {
        transition(
                replica,
                ReplicaStage.ABANDONED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(text(reason, "reason")));
    }

    public synchronized Optional<ReplicaRecord> find(final ReplicaId replica) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(replica, "replica")));
    }

    /**
     * @return what a restarted daemon must finish: accepted replicas without result, results not yet committed,
     *     commitments not yet revealed
     */
    public synchronized PendingWork pendingWork() {
        return new PendingWork(
                inStage(ReplicaStage.ACCEPTED), inStage(ReplicaStage.RESULT_READY), inStage(ReplicaStage.COMMITTED));
    }

    /**
     * Marks every replica of {@link #pendingWork()} {@link ReplicaStage#ABANDONED}, so that nothing of it is sent:
     * for a journal made on another ledger.
     *
     * @return how many replicas were abandoned
     */
    public synchronized int abandonPending(final String reason) {
        final PendingWork pending = pendingWork();
        int abandoned = 0;
        for (final List<ReplicaRecord> records : List.of(pending.accepted(), pending.toCommit(), pending.toReveal())) {
            for (final ReplicaRecord record : records) {
                abandoned(record.id(), reason);
                abandoned++;
            }
        }
        return abandoned;
    }

    private List<ReplicaRecord> inStage(final ReplicaStage stage) {
        return records.values().stream()
                .filter(r -> r.stage() == stage)
                .sorted(Comparator.comparing(ReplicaRecord::since).thenComparing(ReplicaRecord::id))
                .collect(Collectors.toList());
    }

    public Path path() {
        return file.path();
    }

    private void transition(
            final ReplicaId replica,
            final ReplicaStage stage,
            final Optional<JsonNode> result,
            final Optional<String> txId,
            final Optional<String> reason) {
        Objects.requireNonNull(replica, "replica");
        final ReplicaRecord current = records.get(replica);
        if (current == null) {
            throw new JournalException(Code.UNKNOWN_REPLICA, replica + " was never accepted by this worker");
        }
        if (!current.stage().next().contains(stage)) {
            throw new JournalException(
                    Code.ILLEGAL_TRANSITION,
                    replica + " cannot go from " + current.stage() + " to " + stage + "; from " + current.stage()
                            + " it can go to " + current.stage().next());
        }
        write(entry(replica, stage, result, txId, reason));
    }

    private JournalEntry entry(
            final ReplicaId replica,
            final ReplicaStage stage,
            final Optional<JsonNode> result,
            final Optional<String> txId,
            final Optional<String> reason) {
        return new JournalEntry(nextSeq, clock.instant(), replica, stage, result, txId, reason);
    }

    private void write(final JournalEntry entry) {
        if (failed) {
            throw new JournalException(Code.IO, "journal " + file.path() + " failed earlier; restart the worker");
        }
        try {
            file.append(entry.toLine());
        } catch (IOException e) {
            failed = true;
            throw new JournalException(
                    Code.IO,
                    "cannot write " + entry.replica() + " " + entry.stage() + " to " + file.path() + ": "
                            + e.getMessage(),
                    e);
        }
        nextSeq++;
        records.merge(entry.replica(), ReplicaRecord.first(entry), (old, ignored) -> old.then(entry));
        LOG.debug("journal: {} {}", entry.replica(), entry.stage());
    }

    private static String text(final String value, final String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public synchronized void close() {
        file.close();
    }

    /** The state rebuilt from the file's complete lines. */
    private static final class Replay {
        final Map<ReplicaId, ReplicaRecord> records = new TreeMap<>();
        final Map<ReplicaId, JournalEntry> latest = new TreeMap<>();
        long lastSeq;

        static Replay of(final Path path, final List<String> lines) {
            final Replay replay = new Replay();
            for (int i = 0; i < lines.size(); i++) {
                replay.apply(path, i + 1, lines.get(i));
            }
            return replay;
        }

        private void apply(final Path path, final int lineNumber, final String line) {
            final JournalEntry entry;
            try {
                entry = JournalEntry.fromLine(line);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw corrupt(path, lineNumber, e.getMessage(), e);
            }
            final ReplicaRecord current = records.get(entry.replica());
            if (current != null && !current.stage().next().contains(entry.stage())) {
                throw corrupt(
                        path,
                        lineNumber,
                        entry.replica() + " goes from " + current.stage() + " to " + entry.stage(),
                        null);
            }
            // a compacted journal starts a replica at its latest stage, so any first stage is accepted
            records.put(entry.replica(), current == null ? ReplicaRecord.first(entry) : current.then(entry));
            latest.put(entry.replica(), entry);
            lastSeq = Math.max(lastSeq, entry.seq());
        }

        private static JournalException corrupt(
                final Path path, final int line, final String why, final Throwable cause) {
            return new JournalException(
                    Code.CORRUPT,
                    "line " + line + " of " + path + " is not a valid entry (" + why + "); a complete line (ending in a"
                            + " newline) is no torn write from a crash: inspect or move the file before restarting",
                    cause);
        }
    }
}
