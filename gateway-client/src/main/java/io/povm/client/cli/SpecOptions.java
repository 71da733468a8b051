// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.JobInput;
import io.povm.api.JobSpecValidator;
import io.povm.api.Redundancy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spec flags of {@code job submit} into spec values: {@code --deadline}, {@code --redundancy} and {@code
 * --input}. Each method throws {@link IllegalArgumentException} with a message that says what is accepted; the
 * command reports it as a usage error.
 */
final class SpecOptions {
    private static final Pattern DURATION = Pattern.compile("(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");
    private static final Pattern K_VOTE = Pattern.compile("k-vote:([0-9]{1,2})");
    private static final Pattern ADAPTIVE = Pattern.compile("adaptive:([0-9]{1,2})");
    private static final Pattern ITERATIVE =
            Pattern.compile("iterative:d=([0-9]{1,2}),min=([0-9]{1,2}),cap=([0-9]{1,2})");
    private static final Pattern REFERENCE = Pattern.compile("sha256:([0-9a-f]{64}):([0-9]{1,15})@(.+)");
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    static final String DEADLINE_ACCEPTED =
            "an ISO-8601 UTC instant (2026-11-20T11:00:00Z) or a duration from now: 90s, 30m, 1h, 2d, 1h30m";
    static final String REDUNDANCY_ACCEPTED =
            "k-vote:K (K odd, 1 to 15), iterative:d=D,min=M,cap=C or adaptive:K (K odd, 3 to 15)";
    static final String INPUT_ACCEPTED = "NAME=@FILE (inline, read and base64-encoded here) or"
            + " NAME=sha256:<64 hex>:<size in bytes>@<url> (by reference)";

    private SpecOptions() {}

    /**
     * @return the deadline as the spec holds it: an ISO instant as given, or now + the duration, to the second
     * @throws IllegalArgumentException naming {@code --deadline} when malformed or a duration out of range
     */
    static String deadline(final String value, final Clock clock) {
        return deadline(value, "--deadline", clock);
    }

    /**
     * @param what the option or field, for the error, e.g. {@code --deadline} or {@code deadline of job file f.yaml}
     * @return the deadline as the spec holds it: an ISO instant as given, or now + the duration, to the second; the
     *     duration is {@link JobSpecValidator#MIN_DEADLINE} to {@link JobSpecValidator#MAX_DEADLINE}, the window the
     *     chaincode accepts
     */
    static String deadline(final String value, final String what, final Clock clock) {
        if (value.indexOf('T') > 0) {
            try {
                Instant.parse(value);
                return value;
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(what + " '" + value + "' is not " + DEADLINE_ACCEPTED);
            }
        }
        if (!DURATION.matcher(value).matches() || value.isEmpty()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not " + DEADLINE_ACCEPTED);
        }
        final Duration duration = duration(
                value, what, JobSpecValidator.MIN_DEADLINE, JobSpecValidator.MAX_DEADLINE, "a duration from now ");
        return ISO_SECONDS.format(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(duration));
    }

    /**
     * The one parser of the CLI's durations: 90s, 30m, 1h, 2d or 1h30m, whole seconds, {@code min} to {@code max}.
     * A value too large for any clock (say {@code 9223372036854775807s}) is out of range, not an overflow.
     *
     * @param what the option or field, named in the error
     * @throws IllegalArgumentException when malformed or out of range, naming {@code what} and the range
     */
    static Duration duration(final String value, final String what, final Duration min, final Duration max) {
        return duration(value, what, min, max, "");
    }

    private static Duration duration(
            final String value, final String what, final Duration min, final Duration max, final String kind) {
        final Matcher matcher = DURATION.matcher(value);
        if (value.isEmpty() || !matcher.matches()) {
            throw new IllegalArgumentException(
                    what + " '" + value + "' is not a duration such as 90s, 30m, 1h, 2d or 1h30m");
        }
        final long seconds = seconds(matcher);
        if (seconds < min.getSeconds() || seconds > max.getSeconds()) {
            throw new IllegalArgumentException(what + " '" + value + "' is out of range: " + kind + "must be "
                    + format(min) + " to " + format(max));
        }
        return Duration.ofSeconds(seconds);
    }

    /** @return the matched duration in seconds; {@link Long#MAX_VALUE} when it does not fit in a long */
    private static long seconds(final Matcher matcher) {
        final long[] unitSeconds = {86_400, 3_600, 60, 1};
        long total = 0;
        try {
            for (int unit = 0; unit < unitSeconds.length; unit++) {
                final String digits = matcher.group(unit + 1);
                if (digits != null) {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(digits), unitSeconds[unit]));
                }
            }
            return total;
        } catch (ArithmeticException | NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** @return a duration the way the parser reads it, e.g. {@code 7d}, {@code 1m}, {@code 1h30m}, {@code 0s} */
    static String format(final Duration duration) {
        long left = duration.getSeconds();
        if (left == 0) {
            return "0s";
        }
        final StringBuilder text = new StringBuilder();
        final long[] unitSeconds = {86_400, 3_600, 60, 1};
        final String[] units = {"d", "h", "m", "s"};
        for (int unit = 0; unit < units.length; unit++) {
            if (left >= unitSeconds[unit]) {
                text.append(left / unitSeconds[unit]).append(units[unit]);
                left %= unitSeconds[unit];
            }
        }
        return text.toString();
    }

    /** @return the redundancy named by {@code k-vote:3} or {@code iterative:d=2,min=2,cap=7} */
    static Redundancy redundancy(final String value) {
        final Matcher kVote = K_VOTE.matcher(value);
        if (kVote.matches()) {
            return Redundancy.kVote(Integer.parseInt(kVote.group(1)));
        }
        final Matcher adaptive = ADAPTIVE.matcher(value);
        if (adaptive.matches()) {
            return Redundancy.adaptive(Integer.parseInt(adaptive.group(1)));
        }
        final Matcher iterative = ITERATIVE.matcher(value);
        if (iterative.matches()) {
            return Redundancy.iterative(
                    Integer.parseInt(iterative.group(1)),
                    Integer.parseInt(iterative.group(2)),
                    Integer.parseInt(iterative.group(3)));
        }
        throw new IllegalArgumentException("--redundancy '" + value + "' is not " + REDUNDANCY_ACCEPTED);
    }

    /** @return the input named by {@code NAME=@FILE} (the file read now) or {@code NAME=sha256:..:SIZE@URL} */
    static JobInput input(final String value) {
        final int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--input '" + value + "' is not " + INPUT_ACCEPTED);
        }
        final String name = value.substring(0, equals);
        final String source = value.substring(equals + 1);
        if (source.startsWith("@")) {
            return JobInput.inline(name, Base64.getEncoder().encodeToString(read(source.substring(1))));
        }
        final Matcher reference = REFERENCE.matcher(source);
        if (!reference.matches()) {
            throw new IllegalArgumentException("--input '" + value + "' is not " + INPUT_ACCEPTED);
        }
        return JobInput.reference(name, reference.group(1), reference.group(3), Long.parseLong(reference.group(2)));
    }

    private static byte[] read(final String file) {
        try {
            final long size = Files.size(Path.of(file));
            if (size > JobSpecValidator.MAX_INLINE_BYTES) {
                throw new IllegalArgumentException("--input file " + file + " has " + size + " bytes; inline inputs"
                        + " hold at most " + JobSpecValidator.MAX_INLINE_BYTES + " bytes in all: put it where a"
                        + " worker can fetch it and pass NAME=sha256:<64 hex>:<size>@<url>");
            }
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--input file " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("--input file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
