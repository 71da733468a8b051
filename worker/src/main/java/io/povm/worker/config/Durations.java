// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT30S}. */
final class Durations {
    static final String ACCEPTED = "a duration with a unit, e.g. 500ms, 30s, 5m, 2h, 1d or ISO-8601 PT30S";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {}

    /** @return the duration, or empty when the text is not one */
    static Optional<Duration> parse(final String text) {
        final String value = text.strip();
        final Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            final long amount = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Optional.of(Duration.ofMillis(amount));
                case "s":
                    return Optional.of(Duration.ofSeconds(amount));
                case "m":
                    return Optional.of(Duration.ofMinutes(amount));
                case "h":
                    return Optional.of(Duration.ofHours(amount));
                default:
                    return Optional.of(Duration.ofDays(amount));
            }
        }
        try {
            return Optional.of(Duration.parse(value.toUpperCase(java.util.Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** @return the duration in the shortest of the accepted forms, e.g. {@code 30s} */
    static String format(final Duration duration) {
        final long ms = duration.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        } else if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
