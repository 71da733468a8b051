// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's image, pinned: {@code <repository>@sha256:<64 lowercase hex>}, e.g. {@code povm/coinflip@sha256:d10d...}.
 *
 * <p>Local images have no registry digest, so the digest is the image id: the sha256 of the image's config. A tag
 * ({@code name:tag@sha256:...}) is not accepted: the id alone says what runs.
 */
public final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    /** As in Docker: a first segment is a registry host only with a dot or a port, or as {@code localhost}. */
    private static final String HOST =
            "(?:localhost|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+|[A-Za-z0-9-]+(?=:))(?::[0-9]{1,5})?/";

    private static final Pattern REFERENCE =
            Pattern.compile("((?:" + HOST + ")?" + COMPONENT + "(?:/" + COMPONENT + ")*)@sha256:([0-9a-f]{64})");

    private final String repository;
    private final String digestHex;

    private ImageReference(final String repository, final String digestHex) {
        this.repository = repository;
        this.digestHex = digestHex;
    }

    /** The reference, or empty when {@code text} is not of the form {@code name@sha256:<64 lowercase hex>}. */
    public static Optional<ImageReference> parse(final String text) {
        Objects.requireNonNull(text, "text");
        final Matcher matcher = REFERENCE.matcher(text);
        if (text.length() > 512 || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(matcher.group(1), matcher.group(2)));
    }

    /** E.g. {@code povm/coinflip}; what the allow and deny patterns match. */
    public String repository() {
        return repository;
    }

    /** The 64 hex digits of the pinned image id. */
    public String digestHex() {
        return digestHex;
    }

    /** {@code sha256:<hex>}, the form the engine reports and accepts as an image id. */
    public String imageId() {
        return "sha256:" + digestHex;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ImageReference)) {
            return false;
        }
        final ImageReference that = (ImageReference) other;
        return repository.equals(that.repository) && digestHex.equals(that.digestHex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, digestHex);
    }

    @Override
    public String toString() {
        return repository + "@" + imageId();
    }
}
