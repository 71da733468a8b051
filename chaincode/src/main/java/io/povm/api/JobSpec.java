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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a submitter asks for: run a digest-pinned container image with a command and environment, under an SLA,
 * with a redundancy scheme.
 *
 * <pre>{@code
 * {"id":"flip-1","image":"povm/coinflip@sha256:<64 hex>","command":["coinflip","--k","5"],
 *  "env":{"SEED":"7"},"sla":"standard@1","redundancy":{"mode":"k-vote","replicas":3}}
 * }</pre>
 *
 * <p>The constructor rejects missing required fields by name; {@link JobSpecValidator#validate(JobSpec)} checks
 * every format and limit. {@code env} is optional and kept sorted by key, so the JSON form is the same whatever
 * order the entries were given in. {@link #toString()} leaves out command arguments and environment values.
 */
@JsonRootName("spec")
@JsonPropertyOrder({"id", "image", "command", "env", "sla", "redundancy"})
public final class JobSpec {
    @JsonProperty("id")
    private final String id;

    @JsonProperty("image")
    private final String image;

    @JsonProperty("command")
    private final List<String> command;

    @JsonProperty("env")
    private final SortedMap<String, String> env;

    @JsonProperty("sla")
    private final String sla;

    @JsonProperty("redundancy")
    private final Redundancy redundancy;

    /**
     * @param env optional; null means no variables
     * @throws PovmException INVALID_ARGUMENT naming a missing required field or a null list or map entry
     */
    @JsonCreator
    public JobSpec(
            @JsonProperty("id") final String id,
            @JsonProperty("image") final String image,
            @JsonProperty("command") final List<String> command,
            @JsonProperty("env") final Map<String, String> env,
            @JsonProperty("sla") final String sla,
            @JsonProperty("redundancy") final Redundancy redundancy) {
        this.id = PovmException.requirePresent(id, "id", JobSpecValidator.ID_ACCEPTED);
        this.image = PovmException.requirePresent(image, "image", JobSpecValidator.IMAGE_ACCEPTED);
        this.command = copyCommand(command);
        this.env = copyEnv(env);
        this.sla = PovmException.requirePresent(sla, "sla", JobSpecValidator.SLA_ACCEPTED);
        this.redundancy = PovmException.requirePresent(redundancy, "redundancy", JobSpecValidator.REDUNDANCY_ACCEPTED);
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

    public String sla() {
        return sla;
    }

    public Redundancy redundancy() {
        return redundancy;
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
                && sla.equals(that.sla)
                && redundancy.equals(that.redundancy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, image, command, env, sla, redundancy);
    }

    /** Names the job without its inputs: argument and variable counts only. */
    @Override
    public String toString() {
        return "JobSpec{id=" + id + ", image=" + image + ", command=<" + command.size() + " args>, env=<" + env.size()
                + " vars>, sla=" + sla + ", redundancy=" + redundancy + "}";
    }
}
