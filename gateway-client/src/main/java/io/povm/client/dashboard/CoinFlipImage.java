// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the coin-flip image that {@code scripts/build-demo-images.sh} built, pinned by its image id, the way the
 * demo and the worker tests name it: {@code povm/coinflip@sha256:<id>}.
 */
public final class CoinFlipImage {
    /** The tag the demo images script builds. */
    public static final String TAG = "povm/coinflip:latest";

    private static final Logger LOG = LoggerFactory.getLogger(CoinFlipImage.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("sha256:[0-9a-f]{64}");

    private CoinFlipImage() {}

    /** @return the local image's reference, or empty when the docker command or the image is missing */
    public static Optional<String> fromDocker() {
        try {
            final Process docker = new ProcessBuilder("docker", "image", "inspect", "--format", "{{.Id}}", TAG)
                    .redirectErrorStream(true)
                    .start();
            final String out = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!docker.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                docker.destroyForcibly();
                return Optional.empty();
            }
            if (docker.exitValue() != 0 || !ID.matcher(out).matches()) {
                LOG.debug("docker image inspect {} answered: {}", TAG, out);
                return Optional.empty();
            }
            return Optional.of("povm/coinflip@" + out);
        } catch (IOException e) {
            LOG.debug("cannot run docker: {}", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
