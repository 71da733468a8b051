// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.journal.JournalException.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJournalTest {
    private static final ReplicaId A = ReplicaId.of("job-a", 0);
    private static final ReplicaId B = ReplicaId.of("job-b", 1);
    private static final ReplicaId C = ReplicaId.of("job-c", 2);
    private static final ReplicaId D = ReplicaId.of("job-d", 0);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private Path file() {
        return dir.resolve("data/reports.journal");
    }

    private ReportJournal open() {
        return ReportJournal.open(file(), clock, JournalCompaction.NEVER);
    }

    @Test
    void creates_its_directory_and_starts_empty() {
        try (ReportJournal journal = open()) {
            assertThat(journal.pendingWork().isEmpty()).isTrue();
            assertThat(Files.exists(file())).isTrue();
        }
    }

    @Test
    void records_each_transition_as_one_json_line() throws Exception {
        try (ReportJournal journal = open()) {
            journal.accept(A);
            clock.advance(Duration.ofSeconds(2));
            journal.resultReady(A, "{\"stdout\":\"42\\n\",\"exit\":0}");
            journal.committed(A, "committed");
            journal.revealed(A, "RESULT_REVEALED");
        }

        assertThat(Files.readAllLines(file()))
                .containsExactly(
                        "{\"seq\":1,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"job-a\",\"replica\":0,\"stage\":\"ACCEPTED\"}",
                        "{\"seq\":2,\"at\":\"2026-01-01T00:00:02Z\",\"job\":\"job-a\",\"replica\":0,"
                                + "\"stage\":\"RESULT_READY\",\"result\":{\"stdout\":\"42\\n\",\"exit\":0}}",
                        "{\"seq\":3,\"at\":\"2026-01-01T00:00:02Z\",\"job\":\"job-a\",\"replica\":0,"
                                + "\"stage\":\"COMMITTED\",\"reason\":\"committed\"}",
                        "{\"seq\":4,\"at\":\"2026-01-01T00:00:02Z\",\"job\":\"job-a\",\"replica\":0,"
                                + "\"stage\":\"REVEALED\",\"reason\":\"RESULT_REVEALED\"}");
    }

    /** A replica in each stage: A accepted, B with its result, C committed, D revealed. */
    private static void oneReplicaInEachStage(final ReportJournal journal) {
        journal.accept(A);
        journal.accept(B);
        journal.resultReady(B, "{\"v\":1}");
        journal.accept(C);
        journal.resultReady(C, "{\"v\":2}");
        journal.committed(C, "committed");
        journal.accept(D);
        journal.resultReady(D, "{\"v\":3}");
        journal.committed(D, "committed");
        journal.revealed(D, "RESULT_REVEALED");
    }

    @Test
    void reopened_journal_tells_what_to_finish() {
        try (ReportJournal journal = open()) {
            oneReplicaInEachStage(journal);
        }

        try (ReportJournal journal = open()) {
            final PendingWork work = journal.pendingWork();
            assertThat(work.accepted()).extracting(ReplicaRecord::id).containsExactly(A);
            assertThat(work.toCommit()).extracting(ReplicaRecord::id).containsExactly(B);
            assertThat(work.toCommit().get(0).resultJson()).contains("{\"v\":1}");
            assertThat(work.toReveal()).extracting(ReplicaRecord::id).containsExactly(C);
            assertThat(work.toReveal().get(0).resultJson())
                    .as("the sealed result stays known after the commit")
                    .contains("{\"v\":2}");
            assertThat(journal.find(D).map(ReplicaRecord::stage)).contains(ReplicaStage.REVEALED);
        }
    }

    @Test
    void abandoning_the_pending_work_leaves_nothing_to_send_and_keeps_finished_replicas() {
        try (ReportJournal journal = open()) {
            oneReplicaInEachStage(journal);

            assertThat(journal.abandonPending("made on another ledger")).isEqualTo(3);

            assertThat(journal.find(D).orElseThrow().stage()).isEqualTo(ReplicaStage.REVEALED);
        }
        try (ReportJournal reopened = open()) {
            assertThat(reopened.pendingWork().isEmpty()).isTrue();
            assertThat(List.of(A, B, C))
                    .allSatisfy(id ->
                            assertThat(reopened.find(id).orElseThrow().stage()).isEqualTo(ReplicaStage.ABANDONED));
            assertThat(reopened.abandonPending("again")).isZero();
        }
    }

    @Test
    void a_journal_written_before_commit_reveal_still_replays() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(
                file(),
                "{\"seq\":1,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"j\",\"replica\":0,\"stage\":\"ACCEPTED\"}\n"
                        + "{\"seq\":2,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"j\",\"replica\":0,"
                        + "\"stage\":\"RESULT_READY\",\"result\":{\"v\":1}}\n"
                        + "{\"seq\":3,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"j\",\"replica\":0,"
                        + "\"stage\":\"REPORTED\",\"txId\":\"t\"}\n");

        try (ReportJournal journal = open()) {
            assertThat(journal.pendingWork().isEmpty()).isTrue();
            assertThat(journal.find(ReplicaId.of("j", 0)).get().stage().isFinished())
                    .isTrue();
        }
    }

    @Test
    void accepting_a_known_replica_again_writes_nothing_and_says_so() throws Exception {
        try (ReportJournal journal = open()) {
            assertThat(journal.accept(A)).isTrue();
        }
        try (ReportJournal journal = open()) {
            assertThat(journal.accept(A)).isFalse();
        }
        assertThat(Files.readAllLines(file())).hasSize(1);
    }

    @Test
    void torn_last_line_is_ignored_and_cut_off_so_later_appends_stay_readable() throws Exception {
        try (ReportJournal journal = open()) {
            journal.accept(A);
            journal.resultReady(A, "{\"v\":1}");
        }
        // a crash in the middle of writing the COMMITTED line
        Files.write(
                file(),
                "{\"seq\":3,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"job-a\",\"repl".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (ReportJournal journal = open()) {
            assertThat(journal.pendingWork().toCommit())
                    .extracting(ReplicaRecord::id)
                    .containsExactly(A);
            journal.committed(A, "committed");
        }
        try (ReportJournal journal = open()) {
            assertThat(journal.pendingWork().toReveal())
                    .extracting(ReplicaRecord::id)
                    .containsExactly(A);
            assertThat(journal.find(A).get().stage()).isEqualTo(ReplicaStage.COMMITTED);
        }
        assertThat(Files.readAllLines(file())).hasSize(3).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }

    @Test
    void torn_tail_of_zero_bytes_is_ignored_too() throws Exception {
        try (ReportJournal journal = open()) {
            journal.accept(A);
        }
        Files.write(file(), new byte[64], StandardOpenOption.APPEND);

        try (ReportJournal journal = open()) {
            assertThat(journal.pendingWork().accepted()).hasSize(1);
        }
        assertThat(Files.size(file())).isLessThan(100);
    }

    @Test
    void complete_unreadable_line_is_corruption_naming_the_line() throws Exception {
        try (ReportJournal journal = open()) {
            journal.accept(A);
        }
        Files.writeString(file(), "garbage\n", StandardOpenOption.APPEND);

        assertThatThrownBy(this::open)
                .isInstanceOfSatisfying(
                        JournalException.class, e -> assertThat(e.code()).isEqualTo(Code.CORRUPT))
                .hasMessageContaining("line 2 of " + file());
    }

    @Test
    void illegal_transition_on_replay_is_corruption() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(
                file(),
                "{\"seq\":1,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"j\",\"replica\":0,"
                        + "\"stage\":\"REPORTED\",\"txId\":\"t\"}\n{\"seq\":2,\"at\":\"2026-01-01T00:00:00Z\",\"job\":\"j\","
                        + "\"replica\":0,\"stage\":\"ACCEPTED\"}\n");

        assertThatThrownBy(this::open).hasMessageContaining("line 2").hasMessageContaining("REPORTED to ACCEPTED");
    }

    @Test
    void refuses_transitions_the_replica_cannot_make() {
        try (ReportJournal journal = open()) {
            journal.accept(A);
            assertThatThrownBy(() -> journal.committed(A, "committed"))
                    .isInstanceOfSatisfying(
                            JournalException.class, e -> assertThat(e.code()).isEqualTo(Code.ILLEGAL_TRANSITION))
                    .hasMessageContaining("ACCEPTED to COMMITTED");
            assertThatThrownBy(() -> journal.revealed(A, "RESULT_REVEALED"))
                    .hasMessageContaining("ACCEPTED to REVEALED");
            journal.released(A, "image not allowed");
            assertThatThrownBy(() -> journal.abandoned(A, "again")).isInstanceOf(JournalException.class);
            assertThat(journal.find(A).get().reason()).contains("image not allowed");
        }
    }

    @Test
    void refuses_transitions_of_unknown_replicas() {
        try (ReportJournal journal = open()) {
            assertThatThrownBy(() -> journal.resultReady(A, "{}"))
                    .isInstanceOfSatisfying(
                            JournalException.class, e -> assertThat(e.code()).isEqualTo(Code.UNKNOWN_REPLICA));
        }
    }

    @Test
    void refuses_a_result_that_is_not_json() {
        try (ReportJournal journal = open()) {
            journal.accept(A);
            assertThatThrownBy(() -> journal.resultReady(A, "{not json"))
                    .isInstanceOfSatisfying(
                            JournalException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_RESULT));
            assertThat(journal.find(A).get().stage()).isEqualTo(ReplicaStage.ACCEPTED);
        }
    }

    @Test
    void second_open_of_the_same_journal_is_locked_out() {
        try (ReportJournal journal = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOfSatisfying(
                            JournalException.class, e -> assertThat(e.code()).isEqualTo(Code.LOCKED))
                    .hasMessageContaining("must not share a data directory");
        }
        try (ReportJournal again = open()) {
            assertThat(again.path()).isEqualTo(file());
        }
    }

    @Test
    void compaction_keeps_unfinished_and_recent_replicas_and_drops_old_finished_ones() throws Exception {
        try (ReportJournal journal = open()) {
            journal.accept(A);
            journal.resultReady(A, "{\"v\":\"a\"}");
            journal.committed(A, "committed");
            journal.revealed(A, "RESULT_REVEALED");
            clock.advance(Duration.ofDays(8));
            journal.accept(B);
            journal.resultReady(B, "{\"v\":\"b\"}");
            journal.accept(C);
            journal.released(C, "start window passed");
        }

        try (ReportJournal journal = ReportJournal.open(file(), clock, new JournalCompaction(0, Duration.ofDays(7)))) {
            assertThat(journal.find(A)).as("finished 8 days ago").isEmpty();
            assertThat(journal.find(C).map(ReplicaRecord::stage)).contains(ReplicaStage.RELEASED);
            assertThat(journal.pendingWork().toCommit().get(0).resultJson()).contains("{\"v\":\"b\"}");
            journal.committed(B, "committed");
        }

        final List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"job\":\"job-b\"", "RESULT_READY");
        try (ReportJournal journal = open()) {
            assertThat(journal.find(B).map(ReplicaRecord::stage)).contains(ReplicaStage.COMMITTED);
            assertThat(journal.find(B).get().resultJson()).contains("{\"v\":\"b\"}");
            assertThat(journal.accept(ReplicaId.of("job-d", 0))).isTrue();
        }
        assertThat(Files.readAllLines(file()).get(3))
                .as("seq goes on after compaction")
                .contains("\"seq\":10");
    }
}
