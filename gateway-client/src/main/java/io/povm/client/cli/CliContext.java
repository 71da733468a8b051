package io.povm.client.cli;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands take from the world outside their arguments, gathered so that tests can replace it: the
 * environment, the connection factories, standard input and the source of new job ids.
 *
 * @param env environment variables ({@code POVM_PROFILE}, {@code POVM_RUN_DIR}, profile overrides)
 * @param jobClients opens the connection for a profile
 * @param stdin read by {@code job submit -f -}
 * @param newJobId the default for {@code job submit --id}
 * @param workerClients opens the connection of a {@code povm worker} command for a profile
 */
public record CliContext(
        Map<String, String> env,
        JobClientFactory jobClients,
        InputStream stdin,
        Supplier<String> newJobId,
        WorkerClientFactory workerClients) {
    /** The profile used when neither {@code --profile} nor {@code POVM_PROFILE} names one. */
    public static final String DEFAULT_PROFILE = "org1";

    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(jobClients, "jobClients");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(newJobId, "newJobId");
        Objects.requireNonNull(workerClients, "workerClients");
    }

    /** As the canonical constructor; worker commands connect through the Fabric gateway. */
    public CliContext(
            final Map<String, String> env,
            final JobClientFactory jobClients,
            final InputStream stdin,
            final Supplier<String> newJobId) {
        this(env, jobClients, stdin, newJobId, WorkerClientFactory.gateway(env));
    }

    /** @return the process's environment, a gateway connection, {@code System.in} and random ids */
    public static CliContext system() {
        final Map<String, String> env = System.getenv();
        return new CliContext(
                env,
                JobClientFactory.gateway(env),
                System.in,
                CliContext::randomJobId,
                WorkerClientFactory.gateway(env));
    }

    /** @return {@code job-} and 8 random hex digits */
    public static String randomJobId() {
        final byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return "job-" + HexFormat.of().formatHex(bytes);
    }

    /** @return {@code option} when given, else {@code $POVM_PROFILE}, else {@value #DEFAULT_PROFILE} */
    String profile(final String option) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        final String fromEnv = env.get("POVM_PROFILE");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_PROFILE : fromEnv;
    }
}
