// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.LocalImage;
import io.povm.worker.sandbox.SandboxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before anything runs, whether a job's image may run on this worker.
 *
 * <p>In order: the reference must be {@code name@sha256:<hex>} ({@link RefusalReason#INVALID_REFERENCE}); the
 * organisation's {@link ImageRules} must let the repository through ({@code IMAGE_DENIED}, {@code
 * IMAGE_NOT_ALLOWED}); the engine must have an image whose id is the pinned digest and that is tagged in that
 * repository. If the id is missing but the repository is there under other ids, or the id is there under other
 * names only, the answer is {@code DIGEST_MISMATCH}; if neither is there, {@code IMAGE_MISSING}. An accepted
 * decision carries the id, and the container is created from the id, not the name.
 */
public final class ImageGate {
    private static final Logger LOG = LoggerFactory.getLogger(ImageGate.class);

    private final ImageLookup images;
    private final ImageRules rules;
    private final RefusalLog refusals = new RefusalLog();

    public ImageGate(final ImageLookup images, final ImageRules rules) {
        this.images = Objects.requireNonNull(images, "images");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param reference the job's image, e.g. {@code povm/coinflip@sha256:d10d...}
     * @throws JobException {@link JobErrorCode#ENGINE_FAILURE} when the engine cannot be asked
     */
    public GateDecision check(final String reference) {
        Objects.requireNonNull(reference, "reference");
        final Optional<ImageReference> parsed = ImageReference.parse(reference);
        if (parsed.isEmpty()) {
            return log(GateDecision.refused(
                    RefusalReason.INVALID_REFERENCE,
                    "image reference must be <repository>@sha256:<64 lowercase hex> (the local image id), got '"
                            + reference + "'"));
        }
        final ImageReference image = parsed.get();
        final Optional<GateDecision> ruled = rules.check(image);
        if (ruled.isPresent()) {
            return log(ruled.get());
        }
        try {
            return log(inspect(image));
        } catch (SandboxException e) {
            throw new JobException(JobErrorCode.ENGINE_FAILURE, "could not check image " + image + ": " + e, e);
        }
    }

    private GateDecision inspect(final ImageReference image) {
        final Optional<LocalImage> byId = images.byId(image.imageId());
        if (byId.isPresent()) {
            if (byId.get().repositories().contains(image.repository())) {
                return GateDecision.accepted(image.imageId());
            }
            return GateDecision.refused(
                    RefusalReason.DIGEST_MISMATCH,
                    "image id " + image.imageId() + " is tagged " + byId.get().repoTags() + ", not in repository '"
                            + image.repository() + "'");
        }
        final List<LocalImage> sameName = images.byRepository(image.repository());
        if (!sameName.isEmpty()) {
            return GateDecision.refused(
                    RefusalReason.DIGEST_MISMATCH,
                    "the engine has '" + image.repository() + "' as "
                            + sameName.stream().map(LocalImage::id).toList() + ", not the pinned " + image.imageId());
        }
        return GateDecision.refused(
                RefusalReason.IMAGE_MISSING,
                "the engine has no image '" + image.repository() + "' and no image " + image.imageId()
                        + "; povm does not pull: build or load it first (scripts/build-demo-images.sh)");
    }

    /** Logs a refusal at INFO the first time it is seen, its repeats (every sweep) at DEBUG. */
    private GateDecision log(final GateDecision decision) {
        if (!decision.accepted() && refusals.isNews(decision.toString())) {
            LOG.info("image gate: {} (repeats of this refusal are logged at DEBUG)", decision);
        } else {
            LOG.debug("image gate: {}", decision);
        }
        return decision;
    }
}
