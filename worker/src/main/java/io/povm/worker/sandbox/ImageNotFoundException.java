// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

/** The image a job asked for is not in the engine; povm never pulls, so it must be built or loaded first. */
public final class ImageNotFoundException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final String image;

    public ImageNotFoundException(final String image, final Throwable cause) {
        super(
                "image '" + image + "' is not in the Docker engine; povm does not pull images: build or load it"
                        + " first (povm/base:bookworm comes from scripts/build-base-image.sh)",
                cause);
        this.image = image;
    }

    /** The image reference as the job gave it, e.g. {@code povm/base:bookworm}. */
    public String image() {
        return image;
    }
}
