// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.LocalImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The two engine queries the {@link ImageGate} needs; the seam that lets its rules be tested without an engine. */
public interface ImageLookup {
    /** The image with id {@code sha256:<hex>}, if the engine has it. */
    Optional<LocalImage> byId(String imageId);

    /** Every image tagged in {@code repository}. */
    List<LocalImage> byRepository(String repository);

    /** Both queries answered by {@code engine}; they throw {@link io.povm.worker.sandbox.SandboxException}. */
    static ImageLookup of(final DockerEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return new ImageLookup() {
            @Override
            public Optional<LocalImage> byId(final String imageId) {
                return engine.findImage(imageId);
            }

            @Override
            public List<LocalImage> byRepository(final String repository) {
                return engine.imagesOf(repository);
            }
        };
    }
}
