// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.JobState;
import io.povm.chaincode.RepoDocs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/job-lifecycle.md} shows the same state machine as {@link JobLifecycle}: its transition table and its
 * Mermaid diagram each list exactly the code's transitions, in the code's order, so the doc cannot drift.
 */
class JobLifecycleDocTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([A-Z_]+)` \\| `([A-Z_]+)` \\|.*$");
    private static final Pattern DIAGRAM_EDGE = Pattern.compile("^\\s+([A-Z_]+) --> ([A-Z_]+) : ([A-Z_]+)$");
    private static final Pattern DIAGRAM_END = Pattern.compile("^\\s+([A-Z_]+) --> \\[\\*\\]$");

    private static List<String> doc() {
        return RepoDocs.lines("job-lifecycle.md");
    }

    /** @return the code's transitions as "FROM EVENT TO" lines, in enum order */
    private static List<String> codeTransitions() {
        final List<String> rows = new ArrayList<>();
        JobLifecycle.transitions()
                .forEach((from, events) -> events.forEach((event, to) -> rows.add(from + " " + event + " " + to)));
        return rows;
    }

    private static List<String> matches(final Pattern pattern, final int... groups) {
        final List<String> rows = new ArrayList<>();
        for (String line : doc()) {
            final Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                final List<String> cells = new ArrayList<>();
                for (int group : groups) {
                    cells.add(matcher.group(group));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }

    @Test
    void the_transition_table_lists_exactly_the_codes_transitions_in_order() {
        assertThat(matches(TABLE_ROW, 1, 2, 3)).containsExactlyElementsOf(codeTransitions());
    }

    @Test
    void the_diagram_draws_exactly_the_codes_transitions() {
        assertThat(matches(DIAGRAM_EDGE, 1, 3, 2)).containsExactlyElementsOf(codeTransitions());
    }

    @Test
    void the_diagram_ends_in_exactly_the_final_states() {
        final Map<JobState, Boolean> finals = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            if (JobLifecycle.isFinal(state)) {
                finals.put(state, true);
            }
        }
        assertThat(matches(DIAGRAM_END, 1))
                .containsExactlyInAnyOrderElementsOf(
                        finals.keySet().stream().map(Enum::name).toList());
    }
}
