// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which container images the worker agrees to run: an image must match an allow pattern and no deny pattern.
 * Patterns are globs over the whole image reference: {@code *} is any run of characters (including {@code /} and
 * {@code :}), {@code ?} one character, e.g. {@code povm/*} or {@code docker.io/library/python:3.12*}.
 */
public final class ImagePolicy {
    /** The characters of an image reference, plus the two wildcards. */
    static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._/:@*?-]{1,255}");

    static final String GLOB_ACCEPTED = "glob patterns over image references (characters A-Z a-z 0-9 . _ / : @ -,"
            + " wildcards * and ?), e.g. povm/*";

    private final List<String> allow;
    private final List<String> deny;
    private final List<Pattern> allowRegex;
    private final List<Pattern> denyRegex;

    /** @throws IllegalArgumentException when a pattern is not a valid glob */
    public ImagePolicy(final List<String> allow, final List<String> deny) {
        this.allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
        this.deny = List.copyOf(Objects.requireNonNull(deny, "deny"));
        this.allowRegex = compile(this.allow);
        this.denyRegex = compile(this.deny);
    }

    /** @return whether the worker may run this image */
    public boolean permits(final String image) {
        Objects.requireNonNull(image, "image");
        return allowRegex.stream().anyMatch(p -> p.matcher(image).matches())
                && denyRegex.stream().noneMatch(p -> p.matcher(image).matches());
    }

    public List<String> allow() {
        return allow;
    }

    public List<String> deny() {
        return deny;
    }

    private static List<Pattern> compile(final List<String> globs) {
        return globs.stream().map(ImagePolicy::toRegex).collect(Collectors.toUnmodifiableList());
    }

    private static Pattern toRegex(final String glob) {
        if (!GLOB.matcher(glob).matches()) {
            throw new IllegalArgumentException("'" + glob + "' is not one of " + GLOB_ACCEPTED);
        }
        final StringBuilder regex = new StringBuilder();
        for (final String literal : glob.split("(?=[*?])|(?<=[*?])")) {
            if ("*".equals(literal)) {
                regex.append(".*");
            } else if ("?".equals(literal)) {
                regex.append('.');
            } else if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ImagePolicy && allow.equals(((ImagePolicy) o).allow) && deny.equals(((ImagePolicy) o).deny);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allow, deny);
    }

    @Override
    public String toString() {
        return "allow " + allow + ", deny " + deny;
    }
}
