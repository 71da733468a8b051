// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

import io.povm.client.PovmClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds connection profiles by name in a run directory: {@code org1} is {@code $POVM_RUN_DIR/profiles/org1.json}.
 * An argument ending in {@code .json} is taken as a path instead.
 *
 * <pre>{@code
 * ProfileLocator locator = ProfileLocator.fromEnvironment(System.getenv());
 * ConnectionProfile org2 = locator.load("org2", System.getenv());
 * }</pre>
 */
public final class ProfileLocator {
    /** The environment variable naming the network's run directory. */
    public static final String RUN_DIR_VARIABLE = "POVM_RUN_DIR";

    private static final String SUFFIX = ".json";

    private final Path profilesDir;

    /** @param runDir the network's run directory; profiles live in its {@code profiles/} folder */
    public ProfileLocator(final Path runDir) {
        this.profilesDir = Objects.requireNonNull(runDir, "runDir")
                .resolve("profiles")
                .toAbsolutePath()
                .normalize();
    }

    /** @return a locator for {@code $POVM_RUN_DIR}, or {@code ./.run} when the variable is unset */
    public static ProfileLocator fromEnvironment(final Map<String, String> env) {
        final String runDir = env.get(RUN_DIR_VARIABLE);
        return new ProfileLocator(Path.of(runDir == null || runDir.isBlank() ? ".run" : runDir));
    }

    /** @return the folder profiles are looked up in */
    public Path profilesDir() {
        return profilesDir;
    }

    /**
     * @param nameOrPath a profile name such as {@code org1}, or a path ending in {@code .json}
     * @return the profile's file, which exists
     * @throws PovmClientException {@link PovmClientException.Kind#IDENTITY} saying which profiles exist
     */
    public Path resolve(final String nameOrPath) {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        if (nameOrPath.endsWith(SUFFIX)) {
            final Path file = Path.of(nameOrPath);
            if (!Files.isRegularFile(file)) {
                throw PovmClientException.identity(
                        "profile file " + file.toAbsolutePath() + " does not exist", null, null);
            }
            return file;
        }
        final Path file = profilesDir.resolve(nameOrPath + SUFFIX);
        if (nameOrPath.isBlank() || nameOrPath.contains("/") || !Files.isRegularFile(file)) {
            throw PovmClientException.identity(
                    "no profile '" + nameOrPath + "' under " + profilesDir + "; available: " + describeAvailable()
                            + "; is the network up? run network/network.sh up",
                    null,
                    null);
        }
        return file;
    }

    /** Resolves a profile and loads it with the environment's overrides. */
    public ConnectionProfile load(final String nameOrPath, final Map<String, String> env) {
        return ConnectionProfile.load(resolve(nameOrPath), env);
    }

    /** @return the names of the profiles in {@link #profilesDir()}, sorted; empty when there is none */
    public List<String> available() {
        if (!Files.isDirectory(profilesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(profilesDir)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private String describeAvailable() {
        final List<String> names = available();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
