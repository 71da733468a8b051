// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a {@link JobSpec} must meet. The chaincode applies them authoritatively on submission; clients apply
 * the same rules to report mistakes before sending anything.
 *
 * <pre>{@code
 * JobSpec spec = JobSpecValidator.validate(PovmJson.read(text, JobSpec.class));
 * }</pre>
 *
 * <p>Every violation is a {@link PovmException} with code {@link ErrorCode#INVALID_ARGUMENT}, the field concerned
 * ({@code image}, {@code command[2]}, {@code env.SEED}, {@code redundancy.replicas}, ...) and what is accepted.
 */
public final class JobSpecValidator {
    /** Largest accepted spec, in UTF-8 bytes of its JSON text. */
    public static final int MAX_SPEC_BYTES = 64 * 1024;

    public static final int MAX_COMMAND_ARGS = 64;
    public static final int MAX_ARG_CHARS = 4096;
    public static final int MAX_ENV_VARS = 64;
    public static final int MAX_ENV_VALUE_CHARS = 4096;
    public static final int MAX_REPLICAS = 15;
    /** Largest margin d of iterative redundancy. */
    public static final int MAX_MARGIN = 5;

    public static final int MAX_INPUTS = 64;
    /** Largest total of inline input data, in decoded bytes, over all inline inputs of a spec (16 KiB). */
    public static final int MAX_INLINE_BYTES = 16 * 1024;

    public static final int MAX_URL_CHARS = 2048;
    /** Largest declared size of a referenced input (1 TiB); the SLA sets the real limit. */
    public static final long MAX_INPUT_SIZE_BYTES = 1L << 40;
    /** Largest declared CPU: 1000 cores. */
    public static final int MAX_CPU_MILLIS = 1_000_000;
    /** Largest declared memory: 4 TiB. */
    public static final int MAX_MEMORY_MIB = 4 * 1024 * 1024;
    /** The deadline must be at least this long after the submission's transaction timestamp. */
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(60);
    /** The deadline must be at most this long after the submission's transaction timestamp. */
    public static final Duration MAX_DEADLINE = Duration.ofDays(7);

    static final String ID_ACCEPTED = "1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";
    static final String IMAGE_ACCEPTED = "an image reference pinned by a sha256 digest: name@sha256:<64 lowercase hex>";
    static final String COMMAND_ACCEPTED =
            "a JSON array of 1 to " + MAX_COMMAND_ARGS + " non-empty strings of at most " + MAX_ARG_CHARS + " chars";
    static final String SLA_ACCEPTED = "name@version, e.g. standard@1: name [a-z0-9-] up to 32 chars, version 1-999999";
    static final String REDUNDANCY_ACCEPTED = "an object like {\"mode\":\"k-vote\",\"replicas\":3} or"
            + " {\"mode\":\"iterative\",\"margin\":2,\"minReplicas\":2,\"cap\":7}";
    static final String MODE_ACCEPTED =
            "accepted modes: " + Redundancy.K_VOTE + ", " + Redundancy.ITERATIVE + ", " + Redundancy.ADAPTIVE;
    static final String REPLICAS_ACCEPTED = "an odd number from 1 to " + MAX_REPLICAS;
    static final String DEADLINE_ACCEPTED = "an ISO-8601 UTC instant such as 2026-11-20T11:00:00Z, "
            + MIN_DEADLINE.toSeconds() + " s to " + MAX_DEADLINE.toDays() + " days after the submission";
    static final String INPUT_ACCEPTED =
            "inline {\"name\",\"data\":<base64>} or by reference" + " {\"name\",\"sha256\",\"url\",\"sizeBytes\"}";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}");
    private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern SLA = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}@[1-9][0-9]{0,5}");
    private static final Pattern DEADLINE =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z");

    private JobSpecValidator() {}

    /**
     * Checks every rule that does not depend on time. The deadline's format is checked here, its distance from the
     * submission by {@link #checkDeadline(JobSpec, Instant)}.
     *
     * @return the same spec, when it meets every rule
     * @throws PovmException INVALID_ARGUMENT naming the first field that breaks a rule
     */
    public static JobSpec validate(final JobSpec spec) {
        PovmException.requirePresent(spec, "spec", "a job specification");
        validateId(spec.id());
        validateImage(spec.image());
        validateCommand(spec.command());
        validateEnv(spec.env());
        JobInputRules.validate(spec.inputs());
        spec.resources().ifPresent(JobSpecValidator::validateResources);
        validateSla(spec.sla());
        RedundancyRules.validate(spec.redundancy());
        deadlineInstant(spec.deadline());
        return spec;
    }

    /**
     * Checks that the deadline lies {@link #MIN_DEADLINE} to {@link #MAX_DEADLINE} after the submission. The
     * chaincode passes the transaction timestamp; a client passes its own clock, which is where the transaction
     * timestamp comes from.
     *
     * @return the deadline as an instant
     * @throws PovmException INVALID_ARGUMENT [deadline] when malformed or outside that window
     */
    public static Instant checkDeadline(final JobSpec spec, final Instant submittedAt) {
        final Instant deadline = deadlineInstant(spec.deadline());
        final Instant earliest = submittedAt.plus(MIN_DEADLINE);
        final Instant latest = submittedAt.plus(MAX_DEADLINE);
        if (deadline.isBefore(earliest) || deadline.isAfter(latest)) {
            throw PovmException.invalid(
                    "deadline",
                    "is " + spec.deadline() + ", " + describeOffset(Duration.between(submittedAt, deadline))
                            + " the submission at " + submittedAt + "; must be " + MIN_DEADLINE.toSeconds() + " s to "
                            + MAX_DEADLINE.toDays() + " days after it (" + earliest + " to " + latest + ")");
        }
        return deadline;
    }

    /**
     * @return the deadline as an instant
     * @throws PovmException INVALID_ARGUMENT [deadline] unless it is an ISO-8601 UTC instant with at most
     *     millisecond precision
     */
    public static Instant deadlineInstant(final String deadline) {
        PovmException.requirePresent(deadline, "deadline", DEADLINE_ACCEPTED);
        if (DEADLINE.matcher(deadline).matches()) {
            try {
                return Instant.parse(deadline);
            } catch (DateTimeParseException e) {
                // falls through to the error below: a well-shaped but impossible date, like 2026-02-30
            }
        }
        throw PovmException.invalid(
                "deadline",
                Quote.prefix(deadline) + " is not an ISO-8601 UTC instant like 2026-11-20T11:00:00Z"
                        + " (seconds, optional .millis, Z)");
    }

    private static String describeOffset(final Duration offset) {
        if (offset.isNegative()) {
            return offset.negated().toSeconds() + " s before";
        }
        return offset.toSeconds() + " s after";
    }

    /**
     * Checks the size of a spec's JSON text before it is parsed.
     *
     * @throws PovmException INVALID_ARGUMENT [spec] when missing or larger than {@value #MAX_SPEC_BYTES} bytes
     */
    public static String checkSize(final String specJson) {
        PovmException.requirePresent(specJson, "spec", "a JSON object");
        final int bytes = specJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SPEC_BYTES) {
            throw PovmException.invalid(
                    "spec", "is " + bytes + " bytes; at most " + MAX_SPEC_BYTES + " bytes (64 KiB) accepted");
        }
        return specJson;
    }

    /** @throws PovmException INVALID_ARGUMENT [id] unless the id is well formed */
    public static String validateId(final String id) {
        PovmException.requirePresent(id, "id", ID_ACCEPTED);
        if (!ID.matcher(id).matches()) {
            throw PovmException.invalid("id", "must be " + ID_ACCEPTED);
        }
        return id;
    }

    private static void validateImage(final String image) {
        final int at = image.lastIndexOf('@');
        if (at < 0 || !DIGEST.matcher(image.substring(at)).matches()) {
            throw PovmException.invalid("image", "must be pinned by a sha256 digest: name@sha256:<64 lowercase hex>");
        }
        if (!IMAGE_NAME.matcher(image.substring(0, at)).matches()) {
            throw PovmException.invalid(
                    "image",
                    "name must be lowercase [a-z0-9._/:-], starting and ending with a letter or digit:"
                            + " name@sha256:<64 lowercase hex>");
        }
    }

    private static void validateCommand(final List<String> command) {
        if (command.isEmpty() || command.size() > MAX_COMMAND_ARGS) {
            throw PovmException.invalid("command", "has " + command.size() + " entries; must be " + COMMAND_ACCEPTED);
        }
        for (int i = 0; i < command.size(); i++) {
            final String arg = command.get(i);
            if (arg.isEmpty() || arg.length() > MAX_ARG_CHARS) {
                throw PovmException.invalid(
                        "command[" + i + "]",
                        "has " + arg.length() + " chars; must have 1 to " + MAX_ARG_CHARS + " chars");
            }
            requireNoNul(arg, "command[" + i + "]");
        }
    }

    private static void validateEnv(final Map<String, String> env) {
        if (env.size() > MAX_ENV_VARS) {
            throw PovmException.invalid(
                    "env", "has " + env.size() + " variables; at most " + MAX_ENV_VARS + " accepted");
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            if (!ENV_KEY.matcher(entry.getKey()).matches()) {
                throw PovmException.invalid(
                        "env",
                        "variable name " + Quote.prefix(entry.getKey())
                                + " must be 1 to 128 characters from A-Z a-z 0-9 _, not starting with a digit");
            }
            if (entry.getValue().length() > MAX_ENV_VALUE_CHARS) {
                throw PovmException.invalid(
                        envField(entry.getKey()),
                        "has " + entry.getValue().length() + " chars; at most " + MAX_ENV_VALUE_CHARS + " accepted");
            }
            requireNoNul(entry.getValue(), envField(entry.getKey()));
        }
    }

    private static void validateSla(final String sla) {
        if (!SLA.matcher(sla).matches()) {
            throw PovmException.invalid("sla", "must be " + SLA_ACCEPTED);
        }
    }

    private static void validateResources(final JobResources resources) {
        resources.cpuMillis().ifPresent(cpu -> requireRange("resources.cpuMillis", cpu, 1, MAX_CPU_MILLIS));
        resources.memoryMiB().ifPresent(mib -> requireRange("resources.memoryMiB", mib, 1, MAX_MEMORY_MIB));
    }

    static void requireRange(final String field, final long value, final long min, final long max) {
        if (value < min || value > max) {
            throw PovmException.invalid(field, "is " + value + "; must be from " + min + " to " + max);
        }
    }

    /**
     * Arguments and environment values reach the container runtime as C strings, which end at U+0000: the worker
     * would run something other than what the spec says.
     */
    private static void requireNoNul(final String text, final String field) {
        final int nul = text.indexOf(0);
        if (nul >= 0) {
            throw PovmException.invalid(
                    field, "holds U+0000 at char " + nul + "; arguments and values are C strings, which it would end");
        }
    }

    /** @return {@code env.KEY} for a well-formed key, else {@code env} (a field name never holds odd characters) */
    static String envField(final String key) {
        return ENV_KEY.matcher(key).matches() ? "env." + key : "env";
    }
}
