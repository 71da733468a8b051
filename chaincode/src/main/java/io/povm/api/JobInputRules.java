// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a spec's {@link JobInput}s, part of {@link JobSpecValidator}: at most {@value
 * JobSpecValidator#MAX_INPUTS} inputs; names unique, 1 to 64 of {@code A-Za-z0-9._-}; each either inline (standard
 * padded base64 {@code data}, at most {@value JobSpecValidator#MAX_INLINE_BYTES} decoded bytes over all inline
 * inputs) or by reference ({@code sha256} 64 lowercase hex, {@code url} {@code https://...} or {@code http://...} of
 * printable ASCII up to {@value JobSpecValidator#MAX_URL_CHARS} chars, {@code sizeBytes} 0 to 1 TiB), never a
 * mixture. A name is a file in the worker's input directory, so {@code .} and {@code ..} are refused; a URL is
 * fetched by a worker over the network, so local schemes ({@code file://}) and any other scheme are refused (the
 * sha256 protects the content, so plain http is allowed).
 */
final class JobInputRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BASE64 = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e]+");

    private JobInputRules() {}

    static void validate(final List<JobInput> inputs) {
        if (inputs.size() > JobSpecValidator.MAX_INPUTS) {
            throw PovmException.invalid(
                    "inputs", "has " + inputs.size() + " inputs; at most " + JobSpecValidator.MAX_INPUTS + " accepted");
        }
        final Set<String> names = new HashSet<>();
        long inlineBytes = 0;
        for (int i = 0; i < inputs.size(); i++) {
            final JobInput input = inputs.get(i);
            final String field = "inputs[" + i + "]";
            validateName(input.name(), field, names);
            if (input.isInline()) {
                inlineBytes += inlineBytes(input, field);
                if (inlineBytes > JobSpecValidator.MAX_INLINE_BYTES) {
                    throw PovmException.invalid(
                            field + ".data",
                            "brings the inline data to " + inlineBytes + " bytes; at most "
                                    + JobSpecValidator.MAX_INLINE_BYTES + " bytes (16 KiB) in all; pass larger"
                                    + " inputs by reference {\"name\",\"sha256\",\"url\",\"sizeBytes\"}");
                }
            } else {
                validateReference(input, field);
            }
        }
    }

    private static void validateName(final String name, final String field, final Set<String> seen) {
        PovmException.requirePresent(name, field + ".name", "1 to 64 characters from A-Z a-z 0-9 . _ -");
        if (!NAME.matcher(name).matches()) {
            throw PovmException.invalid(field + ".name", "must be 1 to 64 characters from A-Z a-z 0-9 . _ -");
        }
        if (name.equals(".") || name.equals("..")) {
            throw PovmException.invalid(
                    field + ".name", "must not be . or ..: a name is a file in the worker's input directory");
        }
        if (!seen.add(name)) {
            throw PovmException.invalid(
                    field + ".name", Quote.prefix(name) + " is used by an earlier input; names are unique");
        }
    }

    private static int inlineBytes(final JobInput input, final String field) {
        if (input.sha256().isPresent()
                || input.url().isPresent()
                || input.sizeBytes().isPresent()) {
            throw PovmException.invalid(
                    field, "mixes inline data with reference fields; give " + JobSpecValidator.INPUT_ACCEPTED);
        }
        final String data = input.data().orElseThrow();
        if (!BASE64.matcher(data).matches()) {
            throw PovmException.invalid(
                    field + ".data", "must be standard base64 (A-Z a-z 0-9 + /, padded with =, no line breaks)");
        }
        return Base64.getDecoder().decode(data).length;
    }

    private static void validateReference(final JobInput input, final String field) {
        final String sha256 = PovmException.requirePresent(
                input.sha256().orElse(null), field + ".sha256", "64 lowercase hex; or give inline \"data\"");
        if (!SHA256.matcher(sha256).matches()) {
            throw PovmException.invalid(field + ".sha256", "must be the content's sha256 as 64 lowercase hex");
        }
        final String url = PovmException.requirePresent(
                input.url().orElse(null), field + ".url", "where a worker fetches the input, e.g. https://...");
        if (url.length() > JobSpecValidator.MAX_URL_CHARS || !URL.matcher(url).matches()) {
            throw PovmException.invalid(
                    field + ".url",
                    "must be https://... or http://... (what a worker fetches) of printable ASCII without spaces, at"
                            + " most " + JobSpecValidator.MAX_URL_CHARS + " chars");
        }
        final long size = PovmException.requirePresent(
                input.sizeBytes().orElse(null), field + ".sizeBytes", "the input's size in bytes");
        JobSpecValidator.requireRange(field + ".sizeBytes", size, 0, JobSpecValidator.MAX_INPUT_SIZE_BYTES);
    }
}
