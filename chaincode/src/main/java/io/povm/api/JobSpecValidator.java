package io.povm.api;

import java.nio.charset.StandardCharsets;
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

    static final String ID_ACCEPTED = "1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";
    static final String IMAGE_ACCEPTED = "an image reference pinned by a sha256 digest: name@sha256:<64 lowercase hex>";
    static final String COMMAND_ACCEPTED =
            "a JSON array of 1 to " + MAX_COMMAND_ARGS + " non-empty strings of at most " + MAX_ARG_CHARS + " chars";
    static final String SLA_ACCEPTED = "name@version, e.g. standard@1: name [a-z0-9-] up to 32 chars, version 1-999999";
    static final String REDUNDANCY_ACCEPTED = "an object like {\"mode\":\"k-vote\",\"replicas\":3}";
    static final String MODE_ACCEPTED = "accepted modes: " + Redundancy.K_VOTE;
    static final String REPLICAS_ACCEPTED = "an odd number from 1 to " + MAX_REPLICAS;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}");
    private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern SLA = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}@[1-9][0-9]{0,5}");

    private JobSpecValidator() {}

    /**
     * @return the same spec, when it meets every rule
     * @throws PovmException INVALID_ARGUMENT naming the first field that breaks a rule
     */
    public static JobSpec validate(final JobSpec spec) {
        PovmException.requirePresent(spec, "spec", "a job specification");
        validateId(spec.id());
        validateImage(spec.image());
        validateCommand(spec.command());
        validateEnv(spec.env());
        validateSla(spec.sla());
        validateRedundancy(spec.redundancy());
        return spec;
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
                        "variable name '" + abbreviate(entry.getKey())
                                + "' must be 1 to 128 characters from A-Z a-z 0-9 _, not starting with a digit");
            }
            if (entry.getValue().length() > MAX_ENV_VALUE_CHARS) {
                throw PovmException.invalid(
                        envField(entry.getKey()),
                        "has " + entry.getValue().length() + " chars; at most " + MAX_ENV_VALUE_CHARS + " accepted");
            }
        }
    }

    private static void validateSla(final String sla) {
        if (!SLA.matcher(sla).matches()) {
            throw PovmException.invalid("sla", "must be " + SLA_ACCEPTED);
        }
    }

    private static void validateRedundancy(final Redundancy redundancy) {
        if (!Redundancy.K_VOTE.equals(redundancy.mode())) {
            throw PovmException.invalid(
                    "redundancy.mode", "'" + abbreviate(redundancy.mode()) + "' is not supported; " + MODE_ACCEPTED);
        }
        final int replicas = redundancy.replicas();
        if (replicas < 1 || replicas > MAX_REPLICAS || replicas % 2 == 0) {
            throw PovmException.invalid("redundancy.replicas", "is " + replicas + "; must be " + REPLICAS_ACCEPTED);
        }
    }

    /** @return {@code env.KEY} for a well-formed key, else {@code env} (a field name never holds odd characters) */
    static String envField(final String key) {
        return ENV_KEY.matcher(key).matches() ? "env." + key : "env";
    }

    private static String abbreviate(final String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
