// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to one version of an SLA, written {@code name@version} (e.g. {@code standard@1}): the same format a
 * {@link JobSpec}'s {@code sla} field takes. The name is 1 to 32 characters of {@code a-z 0-9 -}, starting with a
 * letter or digit; the version a whole number from 1 to {@value #MAX_VERSION}.
 */
public final class SlaRef implements Comparable<SlaRef> {
    public static final int MAX_VERSION = 999_999;

    /** What {@link #parse(String, String)} accepts, for error messages. */
    public static final String ACCEPTED = JobSpecValidator.SLA_ACCEPTED;

    static final String NAME_ACCEPTED =
            "1 to 32 characters from a-z 0-9 -, starting with a letter or digit, e.g. standard";
    static final String VERSION_ACCEPTED = "a whole number from 1 to " + MAX_VERSION;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern REF = Pattern.compile("([a-z0-9][a-z0-9-]{0,31})@([1-9][0-9]{0,5})");

    private final String name;
    private final int version;

    private SlaRef(final String name, final int version) {
        this.name = name;
        this.version = version;
    }

    /**
     * @throws PovmException INVALID_ARGUMENT [name] or [version] when either breaks its rule
     */
    public static SlaRef of(final String name, final int version) {
        return new SlaRef(checkName(name, "name"), checkVersion(version, "version"));
    }

    /**
     * @param text e.g. {@code standard@1}
     * @param field the field named in errors, e.g. {@code ref} or {@code sla}
     * @throws PovmException INVALID_ARGUMENT [field] unless the text is {@code name@version}
     */
    public static SlaRef parse(final String text, final String field) {
        PovmException.requirePresent(text, field, ACCEPTED);
        final Matcher matcher = REF.matcher(text);
        if (!matcher.matches()) {
            throw PovmException.invalid(field, Quote.prefix(text) + " must be " + ACCEPTED);
        }
        return new SlaRef(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless the name is well formed */
    static String checkName(final String name, final String field) {
        PovmException.requirePresent(name, field, NAME_ACCEPTED);
        if (!NAME.matcher(name).matches()) {
            throw PovmException.invalid(field, Quote.prefix(name) + " must be " + NAME_ACCEPTED);
        }
        return name;
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless 1 to {@value #MAX_VERSION} */
    static int checkVersion(final int version, final String field) {
        if (version < 1 || version > MAX_VERSION) {
            throw PovmException.invalid(field, "is " + version + "; must be " + VERSION_ACCEPTED);
        }
        return version;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    /** Orders by name, then by version as a number (so standard@2 comes before standard@10). */
    @Override
    public int compareTo(final SlaRef other) {
        final int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(version, other.version);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SlaRef)) {
            return false;
        }
        final SlaRef that = (SlaRef) other;
        return version == that.version && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version);
    }

    /** @return {@code name@version} */
    @Override
    public String toString() {
        return name + "@" + version;
    }
}
