// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.PovmChaincode;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
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
 * @param clock "now" for relative times such as {@code job submit --deadline 1h}
 * @param slaClients opens the connection of the {@code sla} commands for a profile
 * @param workerClients opens the connection of a {@code povm worker} command for a profile
 * @param creditClients opens the connection of a {@code povm credit} command for a profile
 * @param ledgers opens the connection {@code povm network status} reads the members and clock through
 * @param scripts runs the checkout's scripts: {@code network/network.sh}, {@code scripts/povm-worker}
 * @param sleeper waits between the polls of {@code povm job watch}
 */
public record CliContext(
        Map<String, String> env,
        JobClientFactory jobClients,
        InputStream stdin,
        Supplier<String> newJobId,
        Clock clock,
        SlaClientFactory slaClients,
        WorkerClientFactory workerClients,
        CreditClientFactory creditClients,
        NetworkLedgerFactory ledgers,
        ScriptRunner scripts,
        PovmChaincode.Sleeper sleeper) {
    /** The profile used when neither {@code --profile} nor {@code POVM_PROFILE} names one. */
    public static final String DEFAULT_PROFILE = "org1";

    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(jobClients, "jobClients");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(newJobId, "newJobId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(slaClients, "slaClients");
        Objects.requireNonNull(workerClients, "workerClients");
        Objects.requireNonNull(creditClients, "creditClients");
        Objects.requireNonNull(ledgers, "ledgers");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * A context with the system's UTC clock whose {@code sla}, {@code worker}, {@code credit} and {@code network}
     * commands connect through the Fabric gateway and run the scripts of the checkout {@link ScriptRunner#checkout}
     * finds; replace any of these with the {@code with...} methods.
     */
    public CliContext(
            final Map<String, String> env,
            final JobClientFactory jobClients,
            final InputStream stdin,
            final Supplier<String> newJobId) {
        this(
                env,
                jobClients,
                stdin,
                newJobId,
                Clock.systemUTC(),
                SlaClientFactory.gateway(env),
                WorkerClientFactory.gateway(env),
                CreditClientFactory.gateway(env),
                NetworkLedgerFactory.gateway(env),
                ScriptRunner.checkout(env),
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** @return this context with another "now" */
    public CliContext withClock(final Clock value) {
        return new CliContext(
                env,
                jobClients,
                stdin,
                newJobId,
                value,
                slaClients,
                workerClients,
                creditClients,
                ledgers,
                scripts,
                sleeper);
    }

    /** @return this context with other connections for the {@code sla} commands */
    public CliContext withSlaClients(final SlaClientFactory value) {
        return new CliContext(
                env,
                jobClients,
                stdin,
                newJobId,
                clock,
                value,
                workerClients,
                creditClients,
                ledgers,
                scripts,
                sleeper);
    }

    /** @return this context with other connections for the {@code worker} commands */
    public CliContext withWorkerClients(final WorkerClientFactory value) {
        return new CliContext(
                env, jobClients, stdin, newJobId, clock, slaClients, value, creditClients, ledgers, scripts, sleeper);
    }

    /** @return this context with other connections for the {@code credit} commands */
    public CliContext withCreditClients(final CreditClientFactory value) {
        return new CliContext(
                env, jobClients, stdin, newJobId, clock, slaClients, workerClients, value, ledgers, scripts, sleeper);
    }

    /** @return this context with another connection for {@code network status} */
    public CliContext withLedgers(final NetworkLedgerFactory value) {
        return new CliContext(
                env,
                jobClients,
                stdin,
                newJobId,
                clock,
                slaClients,
                workerClients,
                creditClients,
                value,
                scripts,
                sleeper);
    }

    /** @return this context with another runner of the checkout's scripts */
    public CliContext withScripts(final ScriptRunner value) {
        return new CliContext(
                env,
                jobClients,
                stdin,
                newJobId,
                clock,
                slaClients,
                workerClients,
                creditClients,
                ledgers,
                value,
                sleeper);
    }

    /** @return this context with another way to wait between polls */
    public CliContext withSleeper(final PovmChaincode.Sleeper value) {
        return new CliContext(
                env,
                jobClients,
                stdin,
                newJobId,
                clock,
                slaClients,
                workerClients,
                creditClients,
                ledgers,
                scripts,
                value);
    }

    /** @return the process's environment, gateway connections, {@code System.in}, random ids, the UTC clock */
    public static CliContext system() {
        final Map<String, String> env = System.getenv();
        return new CliContext(env, JobClientFactory.gateway(env), System.in, CliContext::randomJobId);
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
