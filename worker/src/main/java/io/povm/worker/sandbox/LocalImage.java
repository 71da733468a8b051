// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** An image the engine has: its id ({@code sha256:<hex>}, the digest of its config) and its tags. */
public final class LocalImage {
    private final String id;
    private final List<String> repoTags;

    public LocalImage(final String id, final List<String> repoTags) {
        this.id = Objects.requireNonNull(id, "id");
        this.repoTags = List.copyOf(Objects.requireNonNull(repoTags, "repoTags"));
    }

    /** {@code sha256:<64 hex>}. */
    public String id() {
        return id;
    }

    /** E.g. {@code povm/coinflip:latest}; empty for an untagged image. */
    public List<String> repoTags() {
        return repoTags;
    }

    /** The repository names of the tags, e.g. {@code povm/coinflip}; a registry port is kept. */
    public Set<String> repositories() {
        final Set<String> repositories = new TreeSet<>();
        for (final String tag : repoTags) {
            final int colon = tag.lastIndexOf(':');
            repositories.add(colon > tag.lastIndexOf('/') ? tag.substring(0, colon) : tag);
        }
        return repositories;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LocalImage)) {
            return false;
        }
        final LocalImage that = (LocalImage) other;
        return id.equals(that.id) && repoTags.equals(that.repoTags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, repoTags);
    }

    @Override
    public String toString() {
        return "LocalImage{id=" + id + ", repoTags=" + repoTags + '}';
    }
}
