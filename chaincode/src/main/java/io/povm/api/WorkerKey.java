// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of a registered worker: the MSP id of its organization and the name the org's admin gave it, written
 * {@code Org1MSP/w1}. A worker's name is unique within its organization only.
 */
public final class WorkerKey implements Comparable<WorkerKey> {
    public static final String NAME_ACCEPTED =
            "1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";
    public static final String MSP_ACCEPTED =
            "an MSP id of 1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";
    public static final String KEY_ACCEPTED = "MSP/NAME, e.g. Org1MSP/w1; NAME is " + NAME_ACCEPTED;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern MSP = NAME;
    private static final Comparator<WorkerKey> ORDER =
            Comparator.comparing(WorkerKey::msp).thenComparing(WorkerKey::name);

    private final String msp;
    private final String name;

    private WorkerKey(final String msp, final String name) {
        this.msp = msp;
        this.name = name;
    }

    /**
     * @throws PovmException INVALID_ARGUMENT [msp] or [name] when either is malformed
     */
    public static WorkerKey of(final String msp, final String name) {
        return new WorkerKey(validateMsp(msp, "msp"), validateName(name, "name"));
    }

    /**
     * Reads {@code MSP/NAME}.
     *
     * @param field the field reported when the text is malformed, e.g. {@code workerKey}
     * @throws PovmException INVALID_ARGUMENT [field] naming the accepted form
     */
    public static WorkerKey parse(final String text, final String field) {
        PovmException.requirePresent(text, field, KEY_ACCEPTED);
        final int slash = text.indexOf('/');
        if (slash < 0
                || !MSP.matcher(text.substring(0, slash)).matches()
                || !NAME.matcher(text.substring(slash + 1)).matches()) {
            throw PovmException.invalid(field, Quote.prefix(text) + " must be " + KEY_ACCEPTED);
        }
        return new WorkerKey(text.substring(0, slash), text.substring(slash + 1));
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless the name is well formed */
    public static String validateName(final String name, final String field) {
        PovmException.requirePresent(name, field, NAME_ACCEPTED);
        if (!NAME.matcher(name).matches()) {
            throw PovmException.invalid(field, Quote.prefix(name) + " must be " + NAME_ACCEPTED);
        }
        return name;
    }

    /** @throws PovmException INVALID_ARGUMENT [field] unless the MSP id is well formed */
    public static String validateMsp(final String msp, final String field) {
        PovmException.requirePresent(msp, field, MSP_ACCEPTED);
        if (!MSP.matcher(msp).matches()) {
            throw PovmException.invalid(field, Quote.prefix(msp) + " must be " + MSP_ACCEPTED);
        }
        return msp;
    }

    public String msp() {
        return msp;
    }

    public String name() {
        return name;
    }

    @Override
    public int compareTo(final WorkerKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WorkerKey)) {
            return false;
        }
        final WorkerKey that = (WorkerKey) other;
        return msp.equals(that.msp) && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msp, name);
    }

    /** @return {@code MSP/NAME} */
    @Override
    public String toString() {
        return msp + "/" + name;
    }
}
