// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error a user can act on: a {@link ErrorCode}, the field it concerns ({@value #NO_FIELD} when none) and a
 * reason that says what would be accepted.
 *
 * <p>Its text form, used as the chaincode response message, is {@code CODE [field] reason}:
 *
 * <pre>{@code
 * INVALID_ARGUMENT [image] must be pinned by a sha256 digest: name@sha256:<64 lowercase hex>
 * }</pre>
 *
 * <p>{@link #parse(String)} recovers the error from any text that contains that form, such as the message of a
 * Fabric gateway exception that wraps the chaincode response.
 */
@JsonPropertyOrder({"code", "field", "reason"})
public final class PovmError {
    /** The field value used when an error does not concern one field. */
    public static final String NO_FIELD = "-";

    private static final Pattern TEXT_FORM =
            Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", codeNames()) + ") \\[(\\S+?)\\] ([^\\r\\n]*\\S)");

    @JsonProperty("code")
    private final ErrorCode code;

    @JsonProperty("field")
    private final String field;

    @JsonProperty("reason")
    private final String reason;

    /**
     * @param code what kind of error
     * @param field the field concerned, without spaces; {@value #NO_FIELD} when none
     * @param reason what was wrong and what would be accepted, one line
     */
    @JsonCreator
    public PovmError(
            @JsonProperty("code") final ErrorCode code,
            @JsonProperty("field") final String field,
            @JsonProperty("reason") final String reason) {
        this.code = Objects.requireNonNull(code, "code");
        this.field = requireWord(field);
        this.reason = requireLine(reason);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** @return {@code CODE [field] reason} */
    public String toMessage() {
        return code.name() + " [" + field + "] " + reason;
    }

    /**
     * Finds the first {@code CODE [field] reason} inside a longer text, e.g. {@code "chaincode response 500,
     * INVALID_ARGUMENT [image] must be ..."}. The reason runs to the end of its line.
     *
     * @param text any text, may be null
     * @return the error, or empty when the text holds none
     */
    public static Optional<PovmError> parse(final String text) {
        if (text == null) {
            return Optional.empty();
        }
        final Matcher matcher = TEXT_FORM.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new PovmError(ErrorCode.valueOf(matcher.group(1)), matcher.group(2), matcher.group(3)));
    }

    private static String[] codeNames() {
        final ErrorCode[] codes = ErrorCode.values();
        final String[] names = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            names[i] = codes[i].name();
        }
        return names;
    }

    private static String requireWord(final String field) {
        Objects.requireNonNull(field, "field");
        if (field.isEmpty() || field.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("field must be a non-empty word without spaces: '" + field + "'");
        }
        return field;
    }

    private static String requireLine(final String reason) {
        Objects.requireNonNull(reason, "reason");
        final String line = reason.replaceAll("[\\r\\n]+", " ").strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        return line;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PovmError)) {
            return false;
        }
        final PovmError that = (PovmError) other;
        return code == that.code && field.equals(that.field) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, field, reason);
    }

    @Override
    public String toString() {
        return "PovmError{" + toMessage() + "}";
    }
}
