// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a submitter asks for: run a digest-pinned container image with a command, environment and inputs, under an
 * SLA, with a redundancy scheme, finalized by a deadline.
 *
 * <pre>{@code
 * {"id":"flip-1","image":"povm/coinflip@sha256:<64 hex>","command":["coinflip","--k","5"],
 *  "env":{"SEED":"7"},"inputs":[{"name":"seed.txt","data":"Nwo="}],"resources":{"cpuMillis":500,"memoryMiB":256},
 *  "sla":"standard@1","redundancy":{"mode":"k-vote","replicas":3},"deadline":"2026-11-20T11:00:00Z"}
 * }</pre>
 *
 * <p>The constructor rejects missing required fields by name; {@link JobSpecValidator#validate(JobSpec)} checks
 * every format and limit, and {@link JobSpecValidator#checkDeadline(JobSpec, java.time.Instant)} the deadline
 * against the submission time. {@code env} and {@code inputs} are optional (written as {@code {}} and {@code []});
 * {@code resources} is optional and left out when it declares nothing. {@code env} is kept sorted by key, so the JSON
 * form is the same whatever order the entries were given in. {@link #toString()} leaves out command arguments,
 * environment values and input data.
 *
 * <p>In Java, build one with {@link #builder(String)}.
 */
@JsonRootName("spec")
@JsonPropertyOrder({"id", "image", "command", "env", "inputs", "resources", "sla", "redundancy", "deadline"})
public final class JobSpec {
    @JsonProperty("id")
    private final String id;

    @JsonProperty("image")
    private final String image;

    @JsonProperty("command")
    private final List<String> command;

    @JsonProperty("env")
    private final SortedMap<String, String> env;

    @JsonProperty("inputs")
    private final List<JobInput> inputs;

    @JsonProperty("resources")
    private final JobResources resources;

    @JsonProperty("sla")
    private final String sla;

    @JsonProperty("redundancy")
    private final Redundancy redundancy;

    @JsonProperty("deadline")
    private final String deadline;

    /**
     * @param env optional; null means no variables
     * @param inputs optional; null means no inputs
     * @param resources optional; null (or one declaring nothing) means none declared
     * @param deadline ISO-8601 UTC instant, e.g. {@code 2026-11-20T11:00:00Z}
     * @throws PovmException INVALID_ARGUMENT naming a missing required field or a null list or map entry
     */
    @JsonCreator
    public JobSpec(
            @JsonProperty("id") final String id,
            @JsonProperty("image") final String image,
            @JsonProperty("command") final List<String> command,
            @JsonProperty("env") final Map<String, String> env,
            @JsonProperty("inputs") final List<JobInput> inputs,
            @JsonProperty("resources") final JobResources resources,
            @JsonProperty("sla") final String sla,
            @JsonProperty("redundancy") final Redundancy redundancy,
            @JsonProperty("deadline") final String deadline) {
        this.id = PovmException.requirePresent(id, "id", JobSpecValidator.ID_ACCEPTED);
        this.image = PovmException.requirePresent(image, "image", JobSpecValidator.IMAGE_ACCEPTED);
        this.command = copyCommand(command);
        this.env = copyEnv(env);
        this.inputs = copyInputs(inputs);
        this.resources = resources == null || resources.isEmpty() ? null : resources;
        this.sla = PovmException.requirePresent(sla, "sla", JobSpecValidator.SLA_ACCEPTED);
        this.redundancy = PovmException.requirePresent(redundancy, "redundancy", JobSpecValidator.REDUNDANCY_ACCEPTED);
        this.deadline = PovmException.requirePresent(deadline, "deadline", JobSpecValidator.DEADLINE_ACCEPTED);
    }

    /** @return a builder for a spec with this id; image, command, sla, redundancy and deadline are required */
    public static Builder builder(final String id) {
        return new Builder(id);
    }

    /** @return a builder holding every field of this spec, to change some */
    public Builder toBuilder() {
        return new Builder(id)
                .image(image)
                .command(command)
                .env(env)
                .inputs(inputs)
                .resources(resources)
                .sla(sla)
                .redundancy(redundancy)
                .deadline(deadline);
    }

    private static List<String> copyCommand(final List<String> command) {
        PovmException.requirePresent(command, "command", JobSpecValidator.COMMAND_ACCEPTED);
        final List<String> copy = new ArrayList<>(command);
        for (int i = 0; i < copy.size(); i++) {
            PovmException.requirePresent(copy.get(i), "command[" + i + "]", "a JSON string, not null");
        }
        return List.copyOf(copy);
    }

    private static SortedMap<String, String> copyEnv(final Map<String, String> env) {
        final TreeMap<String, String> copy = new TreeMap<>();
        if (env == null) {
            return Collections.unmodifiableSortedMap(copy);
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            final String key = PovmException.requirePresent(entry.getKey(), "env", "variable names, not null");
            final String value = PovmException.requirePresent(
                    entry.getValue(), JobSpecValidator.envField(key), "a JSON string, not null");
            copy.put(key, value);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    private static List<JobInput> copyInputs(final List<JobInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        final List<JobInput> copy = new ArrayList<>(inputs);
        for (int i = 0; i < copy.size(); i++) {
            PovmException.requirePresent(copy.get(i), "inputs[" + i + "]", JobSpecValidator.INPUT_ACCEPTED);
        }
        return List.copyOf(copy);
    }

    public String id() {
        return id;
    }

    public String image() {
        return image;
    }

    /** @return the command and its arguments, unmodifiable */
    public List<String> command() {
        return command;
    }

    /** @return the environment variables sorted by name, unmodifiable; empty when none */
    public SortedMap<String, String> env() {
        return env;
    }

    /** @return the inputs in the order given, unmodifiable; empty when none */
    public List<JobInput> inputs() {
        return inputs;
    }

    /** @return the declared resources; empty when none are declared */
    public Optional<JobResources> resources() {
        return Optional.ofNullable(resources);
    }

    public String sla() {
        return sla;
    }

    public Redundancy redundancy() {
        return redundancy;
    }

    /** @return the instant by which the job must be finalized, ISO-8601 UTC as given */
    public String deadline() {
        return deadline;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobSpec)) {
            return false;
        }
        final JobSpec that = (JobSpec) other;
        return id.equals(that.id)
                && image.equals(that.image)
                && command.equals(that.command)
                && env.equals(that.env)
                && inputs.equals(that.inputs)
                && Objects.equals(resources, that.resources)
                && sla.equals(that.sla)
                && redundancy.equals(that.redundancy)
                && deadline.equals(that.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, image, command, env, inputs, resources, sla, redundancy, deadline);
    }

    /** Names the job without its inputs: argument, variable and input counts only. */
    @Override
    public String toString() {
        return "JobSpec{id=" + id + ", image=" + image + ", command=<" + command.size() + " args>, env=<" + env.size()
                + " vars>, inputs=<" + inputs.size() + ">, resources=" + resources + ", sla=" + sla + ", redundancy="
                + redundancy + ", deadline=" + deadline + "}";
    }

    /** Collects the fields of a {@link JobSpec}; {@link #build()} applies the constructor's checks. */
    public static final class Builder {
        private final String id;
        private String image;
        private List<String> command;
        private Map<String, String> env;
        private List<JobInput> inputs;
        private JobResources resources;
        private String sla;
        private Redundancy redundancy;
        private String deadline;

        private Builder(final String id) {
            this.id = id;
        }

        public Builder image(final String value) {
            this.image = value;
            return this;
        }

        public Builder command(final List<String> value) {
            this.command = value;
            return this;
        }

        public Builder command(final String... value) {
            return command(List.of(value));
        }

        public Builder env(final Map<String, String> value) {
            this.env = value;
            return this;
        }

        public Builder inputs(final List<JobInput> value) {
            this.inputs = value;
            return this;
        }

        public Builder resources(final JobResources value) {
            this.resources = value;
            return this;
        }

        public Builder sla(final String value) {
            this.sla = value;
            return this;
        }

        public Builder redundancy(final Redundancy value) {
            this.redundancy = value;
            return this;
        }

        /** @param value ISO-8601 UTC instant, e.g. {@code 2026-11-20T11:00:00Z} */
        public Builder deadline(final String value) {
            this.deadline = value;
            return this;
        }

        /** @throws PovmException INVALID_ARGUMENT naming a missing required field */
        public JobSpec build() {
            return new JobSpec(id, image, command, env, inputs, resources, sla, redundancy, deadline);
        }
    }
}
