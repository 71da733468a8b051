// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance: altering any single character of any stored attestation text makes verification fail, and
 * the failure names the field the character belongs to (or the text as a whole, {@code reveal}, when the alteration
 * breaks its syntax). No alteration may pass.
 */
class TamperedAttestationTest {
    private static final String WHOLE_TEXT = "reveal";

    private final Evidence honest = new SignedJob().evidence();

    @Test
    void the_honest_evidence_passes() {
        assertThat(AttestationVerifier.verify(honest).passed()).isTrue();
    }

    @Test
    void every_altered_character_of_every_stored_attestation_fails_naming_its_field() throws IOException {
        final List<String> escaped = new ArrayList<>();
        int alterations = 0;
        for (int replica = 0; replica < honest.attestations().size(); replica++) {
            final String text = honest.attestations().get(replica);
            final String[] fieldAt = fieldsByPosition(text);
            for (int position = 0; position < text.length(); position++) {
                final char replacement = similar(text.charAt(position));
                final String altered = text.substring(0, position) + replacement + text.substring(position + 1);
                final AttestationReport report = AttestationVerifier.verify(withText(replica, altered));
                alterations++;
                final String expected = fieldAt[position];
                final List<String> named = namedFields(report);
                if (report.passed() || !names(named, expected)) {
                    escaped.add("replica " + replica + " position " + position + " '" + text.charAt(position) + "'->'"
                            + replacement + "' in " + expected + ": passed=" + report.passed() + " named=" + named);
                }
            }
        }
        assertThat(escaped).as("alterations that passed or named another field").isEmpty();
        assertThat(alterations).isGreaterThan(3 * 900);
    }

    /** A value's field must be named (or the whole text); a key or a structural character may name any field. */
    private static boolean names(final List<String> named, final String expected) {
        if (named.isEmpty() || named.stream().anyMatch(String::isBlank)) {
            return false;
        }
        if (expected == null) {
            return true;
        }
        return named.contains(expected) || named.contains(WHOLE_TEXT);
    }

    /** The fields the report names, without the {@code reveal.} root prefix and array indexes. */
    private static List<String> namedFields(final AttestationReport report) {
        final List<String> fields = new ArrayList<>();
        report.replicas().forEach(r -> r.problem().ifPresent(p -> fields.add(p.field())));
        report.problems().forEach(p -> fields.add(p.field()));
        if (report.verdict().field() != null) {
            fields.add(report.verdict().field());
        }
        return fields.stream()
                .map(f -> f.startsWith("reveal.") ? f.substring("reveal.".length()) : f)
                .map(f -> f.replaceAll("\\[\\d+]$", ""))
                .collect(Collectors.toList());
    }

    /** @return the field path of the scalar value each character belongs to; null for keys and structure */
    private static String[] fieldsByPosition(final String text) throws IOException {
        final String[] fields = new String[text.length()];
        final Deque<String> path = new ArrayDeque<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                if (token.isStructStart()) {
                    path.push(parser.currentName() == null ? "" : parser.currentName());
                } else if (token.isStructEnd()) {
                    path.pop();
                } else {
                    parser.finishToken();
                    final int start = (int) parser.currentTokenLocation().getCharOffset();
                    final int end = (int) parser.currentLocation().getCharOffset();
                    final String field = field(path, parser.currentName());
                    for (int i = start; i < end; i++) {
                        fields[i] = field;
                    }
                }
            }
        }
        return fields;
    }

    private static String field(final Deque<String> path, final String name) {
        final List<String> parts = new ArrayList<>();
        path.descendingIterator().forEachRemaining(part -> {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        });
        if (name != null && !name.equals(path.peek())) {
            parts.add(name);
        }
        return String.join(".", parts);
    }

    /**
     * A different character of the same kind, so that the altered text still reads wherever it can and the
     * verifier's own checks, not the JSON syntax, must catch the change: a digit for a digit, a hex letter for a hex
     * letter, a letter for a letter, {@code x} for anything else.
     */
    private static char similar(final char c) {
        if (c >= '0' && c <= '9') {
            return (char) ('0' + (c - '0' + 1) % 10);
        }
        if (c >= 'a' && c <= 'f') {
            return c == 'f' ? 'a' : (char) (c + 1);
        }
        if (c >= 'g' && c <= 'z') {
            return c == 'z' ? 'g' : (char) (c + 1);
        }
        if (c >= 'A' && c <= 'Z') {
            return c == 'Z' ? 'A' : (char) (c + 1);
        }
        return c == 'x' ? 'y' : 'x';
    }

    @Test
    void a_quote_or_brace_that_breaks_the_syntax_names_the_text_as_a_whole() {
        final String text = honest.attestations().get(0);

        for (final String altered : List.of("x" + text.substring(1), text.replaceFirst("\\{\"version", "{'version"))) {
            final AttestationReport report = AttestationVerifier.verify(withText(0, altered));

            assertThat(report.replicas().get(0).field()).isEqualTo(WHOLE_TEXT);
            assertThat(report.replicas().get(0).reason()).startsWith("not valid JSON");
        }
    }

    private Evidence withText(final int replica, final String text) {
        final List<String> texts = new ArrayList<>(honest.attestations());
        texts.set(replica, text);
        return honest.withAttestations(texts);
    }
}
