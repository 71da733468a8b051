// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to run in a sandbox: the image, the command, environment variables and host directories mounted read-only.
 * Immutable; the maps are sorted copies.
 */
public final class ContainerSpec {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final String image;
    private final List<String> command;
    private final Map<String, String> env;
    private final Map<String, Path> readOnlyMounts;

    private ContainerSpec(final Builder builder) {
        this.image = builder.image;
        this.command = builder.command;
        this.env = Map.copyOf(builder.env);
        this.readOnlyMounts = Map.copyOf(builder.readOnlyMounts);
    }

    /** An image and a command, nothing else. */
    public static ContainerSpec of(final String image, final List<String> command) {
        return builder(image, command).build();
    }

    /**
     * @param image an image name or id already in the engine; nothing is pulled
     * @param command the program and its arguments, run without a shell; at least the program
     */
    public static Builder builder(final String image, final List<String> command) {
        return new Builder(image, command);
    }

    public String image() {
        return image;
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> env() {
        return new TreeMap<>(env);
    }

    /** Container path (absolute) to host directory, each mounted read-only. */
    public Map<String, Path> readOnlyMounts() {
        return new TreeMap<>(readOnlyMounts);
    }

    /** Names only: values may be job inputs and must not end up in logs. */
    @Override
    public String toString() {
        return "ContainerSpec{image=" + image + ", command=" + command.size() + " words, env="
                + new TreeMap<>(env).keySet() + ", readOnlyMounts=" + new TreeMap<>(readOnlyMounts).keySet() + '}';
    }

    /** Builder; {@link #build()} checks the environment names and mount paths. */
    public static final class Builder {
        private final String image;
        private final List<String> command;
        private final Map<String, String> env = new TreeMap<>();
        private final Map<String, Path> readOnlyMounts = new TreeMap<>();

        private Builder(final String image, final List<String> command) {
            this.image = Objects.requireNonNull(image, "image");
            this.command = List.copyOf(Objects.requireNonNull(command, "command"));
            if (image.isBlank()) {
                throw new IllegalArgumentException("image must not be blank");
            }
            if (this.command.isEmpty()) {
                throw new IllegalArgumentException("command must have at least the program to run");
            }
        }

        public Builder env(final Map<String, String> variables) {
            Objects.requireNonNull(variables, "variables").forEach(this::env);
            return this;
        }

        public Builder env(final String name, final String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "environment variable name must match " + ENV_NAME.pattern() + ", got '" + name + "'");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("environment variable " + name + " must not contain NUL");
            }
            env.put(name, value);
            return this;
        }

        /** Mounts the host directory {@code hostDir} read-only at the absolute {@code containerPath}. */
        public Builder readOnlyMount(final String containerPath, final Path hostDir) {
            Objects.requireNonNull(containerPath, "containerPath");
            Objects.requireNonNull(hostDir, "hostDir");
            if (!containerPath.startsWith("/") || containerPath.equals("/") || containerPath.contains(":")) {
                throw new IllegalArgumentException(
                        "containerPath must be absolute, not / and without ':', got '" + containerPath + "'");
            }
            if (!hostDir.isAbsolute()) {
                throw new IllegalArgumentException("hostDir must be absolute, got " + hostDir);
            }
            readOnlyMounts.put(containerPath, hostDir);
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(this);
        }
    }
}
