// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisation's image policy: a deny list and an allow list of {@link ImagePattern}s on the repository name.
 * Deny wins; an empty allow list allows every repository that is not denied.
 */
public final class ImageRules {
    private static final ImageRules ALLOW_ALL = new ImageRules(List.of(), List.of());

    private final List<ImagePattern> allow;
    private final List<ImagePattern> deny;

    private ImageRules(final List<ImagePattern> allow, final List<ImagePattern> deny) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    public static ImageRules allowAll() {
        return ALLOW_ALL;
    }

    /**
     * @param allow globs such as {@code povm/*}; empty allows everything not denied
     * @param deny globs; a match refuses the image whatever the allow list says
     */
    public static ImageRules of(final List<String> allow, final List<String> deny) {
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
        return new ImageRules(
                allow.stream().map(ImagePattern::of).toList(),
                deny.stream().map(ImagePattern::of).toList());
    }

    /** Why {@code repository} is refused, or empty when it may run. */
    public Optional<GateDecision> check(final ImageReference image) {
        Objects.requireNonNull(image, "image");
        final String repository = image.repository();
        final Optional<ImagePattern> denied =
                deny.stream().filter(p -> p.matches(repository)).findFirst();
        if (denied.isPresent()) {
            return Optional.of(GateDecision.refused(
                    RefusalReason.IMAGE_DENIED,
                    "image repository '" + repository + "' matches the deny pattern '" + denied.get() + "'"));
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matches(repository))) {
            return Optional.of(GateDecision.refused(
                    RefusalReason.IMAGE_NOT_ALLOWED,
                    "image repository '" + repository + "' matches no allow pattern; allowed: " + allow));
        }
        return Optional.empty();
    }

    public List<ImagePattern> allow() {
        return allow;
    }

    public List<ImagePattern> deny() {
        return deny;
    }

    @Override
    public String toString() {
        return "ImageRules{allow=" + allow + ", deny=" + deny + '}';
    }
}
