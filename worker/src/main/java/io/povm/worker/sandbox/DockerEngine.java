// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Docker engine, with explicit connection and response timeouts. Close it to release its
 * connections.
 *
 * <p>The response timeout bounds how long a call waits for the engine to start answering. It does not cut long
 * streams: the engine sends the headers of a container wait or attach at once, so a wait may last as long as the
 * container runs (seen with engine 20.10: a 6 s wait under a 3 s response timeout completed normally).
 */
public final class DockerEngine implements AutoCloseable {
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);

    private final URI host;
    private final Duration responseTimeout;
    private final DockerClient client;

    private DockerEngine(final URI host, final Duration connectTimeout, final Duration responseTimeout) {
        this.host = host;
        this.responseTimeout = responseTimeout;
        final DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString())
                .build();
        final DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .maxConnections(32)
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
    }

    /** The engine named by {@code DOCKER_HOST}, else {@link #DEFAULT_HOST}, with the default timeouts. */
    public static DockerEngine fromEnvironment() {
        final String dockerHost = System.getenv("DOCKER_HOST");
        final URI host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : URI.create(dockerHost);
        return connect(host, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
    }

    /**
     * Creates a client for the engine at {@code host}; nothing is sent until the first call, see {@link #ping()}.
     *
     * @param host e.g. {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375}
     */
    public static DockerEngine connect(final URI host, final Duration connectTimeout, final Duration responseTimeout) {
        Objects.requireNonNull(host, "host");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("responseTimeout", responseTimeout);
        return new DockerEngine(host, connectTimeout, responseTimeout);
    }

    private static void requirePositive(final String name, final Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * Checks that the engine answers.
     *
     * @throws EngineUnavailableException when it does not, with a hint how to start one
     */
    public void ping() {
        try {
            client.pingCmd().exec();
            LOG.debug("Docker engine at {} answers", host);
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(host, e);
        }
    }

    /**
     * The image the engine knows as {@code reference} (a name with tag, or an id {@code sha256:<hex>}).
     *
     * @throws SandboxException when the engine fails
     */
    public Optional<LocalImage> findImage(final String reference) {
        Objects.requireNonNull(reference, "reference");
        try {
            final InspectImageResponse image = client.inspectImageCmd(reference).exec();
            return Optional.of(new LocalImage(image.getId(), nullToEmpty(image.getRepoTags())));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new SandboxException("Docker engine failed to inspect image '" + reference + "': " + e, e);
        }
    }

    /**
     * Every image tagged in {@code repository}, e.g. {@code povm/coinflip} (any tag).
     *
     * @throws SandboxException when the engine fails
     */
    public List<LocalImage> imagesOf(final String repository) {
        Objects.requireNonNull(repository, "repository");
        try {
            final List<Image> images =
                    client.listImagesCmd().withReferenceFilter(repository).exec();
            return images.stream()
                    .map(image -> new LocalImage(image.getId(), nullToEmpty(image.getRepoTags())))
                    .toList();
        } catch (RuntimeException e) {
            throw new SandboxException("Docker engine failed to list images of '" + repository + "': " + e, e);
        }
    }

    private static List<String> nullToEmpty(final List<String> list) {
        return list == null ? List.of() : list;
    }

    /** The list endpoint reports an untagged image as {@code <none>:<none>}. */
    private static List<String> nullToEmpty(final String[] array) {
        return array == null
                ? List.of()
                : Stream.of(array).filter(tag -> !tag.startsWith("<none>")).toList();
    }

    public URI host() {
        return host;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    DockerClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("closing the Docker client for {} failed: {}", host, e.toString());
        }
    }
}
