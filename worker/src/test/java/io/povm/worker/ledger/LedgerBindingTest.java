// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory keeps its ledger-bound state for its own ledger and moves it aside for another. */
class LedgerBindingTest {
    private static final String FIRST = "a1".repeat(32);
    private static final String RECREATED = "b2".repeat(32);
    private static final List<String> BOUND = List.of("events.checkpoint", "beacon");

    @TempDir
    Path dataDir;

    private void stateOfALedger() throws IOException {
        Files.writeString(dataDir.resolve("events.checkpoint"), "{\"blockNumber\":812}");
        Files.createDirectories(dataDir.resolve("beacon"));
        Files.writeString(dataDir.resolve("beacon/round-40.json"), "{\"secret\":\"...\"}");
        Files.writeString(dataDir.resolve("journal.log"), "{}");
    }

    @Test
    void the_first_start_binds_the_directory_and_keeps_what_it_holds() throws IOException {
        stateOfALedger();

        final LedgerBinding.Outcome outcome = LedgerBinding.bind(dataDir, FIRST, BOUND);

        assertThat(outcome.changed()).isFalse();
        assertThat(Files.readString(dataDir.resolve(LedgerBinding.ID_FILE)).strip())
                .isEqualTo(FIRST);
        assertThat(dataDir.resolve("events.checkpoint")).exists();
        assertThat(dataDir.resolve("beacon/round-40.json")).exists();
    }

    @Test
    void the_same_ledger_again_changes_nothing() throws IOException {
        stateOfALedger();
        LedgerBinding.bind(dataDir, FIRST, BOUND);

        final LedgerBinding.Outcome outcome = LedgerBinding.bind(dataDir, FIRST, BOUND);

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.moved()).isEmpty();
        assertThat(dataDir.resolve("events.checkpoint")).hasContent("{\"blockNumber\":812}");
        assertThat(dataDir.resolve(LedgerBinding.STALE_DIR)).doesNotExist();
    }

    @Test
    void another_ledger_moves_the_bound_entries_aside_and_keeps_the_rest() throws IOException {
        stateOfALedger();
        LedgerBinding.bind(dataDir, FIRST, BOUND);

        final LedgerBinding.Outcome outcome = LedgerBinding.bind(dataDir, RECREATED, BOUND);

        final Path stale = dataDir.resolve("stale").resolve(FIRST.substring(0, 12));
        assertThat(outcome.previous()).contains(FIRST);
        assertThat(outcome.moved()).containsExactly(stale.resolve("events.checkpoint"), stale.resolve("beacon"));
        assertThat(stale.resolve("events.checkpoint")).hasContent("{\"blockNumber\":812}");
        assertThat(stale.resolve("beacon/round-40.json")).exists();
        assertThat(dataDir.resolve("events.checkpoint")).doesNotExist();
        assertThat(dataDir.resolve("beacon")).doesNotExist();
        assertThat(dataDir.resolve("journal.log"))
                .as("the journal stays: the daemon abandons its unsent results itself")
                .exists();
        assertThat(Files.readString(dataDir.resolve(LedgerBinding.ID_FILE)).strip())
                .isEqualTo(RECREATED);
    }

    @Test
    void going_back_and_forth_never_overwrites_what_was_moved_before() throws IOException {
        stateOfALedger();
        LedgerBinding.bind(dataDir, FIRST, BOUND);
        LedgerBinding.bind(dataDir, RECREATED, BOUND);
        Files.writeString(dataDir.resolve("events.checkpoint"), "{\"blockNumber\":9}");
        LedgerBinding.bind(dataDir, FIRST, BOUND);
        Files.writeString(dataDir.resolve("events.checkpoint"), "{\"blockNumber\":15}");

        final LedgerBinding.Outcome outcome = LedgerBinding.bind(dataDir, RECREATED, BOUND);

        final Path stale = dataDir.resolve("stale");
        assertThat(outcome.moved())
                .containsExactly(stale.resolve(FIRST.substring(0, 12) + "-2").resolve("events.checkpoint"));
        assertThat(stale.resolve(FIRST.substring(0, 12)).resolve("events.checkpoint"))
                .hasContent("{\"blockNumber\":812}");
        assertThat(stale.resolve(RECREATED.substring(0, 12)).resolve("events.checkpoint"))
                .hasContent("{\"blockNumber\":9}");
    }

    @Test
    void a_directory_that_does_not_exist_yet_is_made_and_bound() {
        final Path fresh = dataDir.resolve("new/worker");

        final LedgerBinding.Outcome outcome = LedgerBinding.bind(fresh, FIRST, BOUND);

        assertThat(outcome.changed()).isFalse();
        assertThat(fresh.resolve(LedgerBinding.ID_FILE)).exists();
    }
}
