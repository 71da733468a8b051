// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.SandboxPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One job to run, as plain values: the pinned image, the command, environment variables, inline inputs and the
 * limits derived from its SLA. Immutable.
 *
 * <pre>{@code
 * JobRequest request = JobRequest.builder("povm/coinflip@sha256:d10d...", List.of("povm-coinflip"))
 *         .env("SEED", "povm").env("K", "10")
 *         .input("notes.txt", "read me at /povm/in/notes.txt")
 *         .limits(SandboxPolicy.defaults())
 *         .build();
 * }</pre>
 */
public final class JobRequest {
    public static final int MAX_INPUTS = 64;
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;
    private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String image;
    private final List<String> command;
    private final Map<String, String> env;
    private final Map<String, byte[]> inputs;
    private final SandboxPolicy limits;

    private JobRequest(final Builder builder) {
        this.image = builder.image;
        this.command = builder.command;
        this.env = Map.copyOf(builder.env);
        this.inputs = Map.copyOf(builder.inputs);
        this.limits = builder.limits;
    }

    /**
     * @param image {@code <repository>@sha256:<image id hex>}; checked by the {@link ImageGate}, not here
     * @param command the program and its arguments, run without a shell
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

    /** Input name to content; copies. */
    public Map<String, byte[]> inputs() {
        final Map<String, byte[]> copy = new TreeMap<>();
        inputs.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    public SandboxPolicy limits() {
        return limits;
    }

    /** Names and sizes only: inputs and environment values must not end up in logs. */
    @Override
    public String toString() {
        return "JobRequest{image=" + image + ", command=" + command.size() + " words, env="
                + new TreeMap<>(env).keySet() + ", inputs=" + new TreeMap<>(inputs).keySet() + ", limits=" + limits
                + '}';
    }

    /** Builder; {@link #limits} defaults to {@link SandboxPolicy#defaults()}. */
    public static final class Builder {
        private final String image;
        private final List<String> command;
        private final Map<String, String> env = new TreeMap<>();
        private final Map<String, byte[]> inputs = new TreeMap<>();
        private SandboxPolicy limits = SandboxPolicy.defaults();
        private long inputBytes;

        private Builder(final String image, final List<String> command) {
            this.image = Objects.requireNonNull(image, "image");
            this.command = List.copyOf(Objects.requireNonNull(command, "command"));
            if (this.command.isEmpty()) {
                throw invalid("command must have at least the program to run");
            }
        }

        public Builder env(final String name, final String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder env(final Map<String, String> variables) {
            Objects.requireNonNull(variables, "variables").forEach(this::env);
            return this;
        }

        /** Text input, stored as UTF-8. */
        public Builder input(final String name, final String text) {
            return input(name, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
        }

        /**
         * An input file {@code /povm/in/<name>}.
         *
         * @throws JobException {@link JobErrorCode#INVALID_REQUEST} for a bad name, a duplicate, or too much input
         */
        public Builder input(final String name, final byte[] content) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            if (!INPUT_NAME.matcher(name).matches()) {
                throw invalid(
                        "input name must match " + INPUT_NAME.pattern() + " (a plain file name), got '" + name + "'");
            }
            if (inputs.containsKey(name)) {
                throw invalid("input '" + name + "' is given twice");
            }
            if (inputs.size() == MAX_INPUTS) {
                throw invalid("a job may have at most " + MAX_INPUTS + " inputs");
            }
            if (inputBytes + content.length > MAX_INPUT_BYTES) {
                throw invalid("inputs may total at most " + MAX_INPUT_BYTES + " bytes; '" + name + "' would make "
                        + (inputBytes + content.length));
            }
            inputs.put(name, content.clone());
            inputBytes += content.length;
            return this;
        }

        public Builder limits(final SandboxPolicy limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public JobRequest build() {
            return new JobRequest(this);
        }

        private static JobException invalid(final String message) {
            return new JobException(JobErrorCode.INVALID_REQUEST, message);
        }
    }
}
