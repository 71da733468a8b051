// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a script of the povm checkout ({@code network/network.sh}, {@code scripts/povm-worker}, {@code
 * scripts/workers.sh}) for the commands that start and stop processes. Tests pass a fake.
 */
@FunctionalInterface
public interface ScriptRunner {
    /**
     * Runs the script to its end, its stdout and stderr copied line by line to {@code out} and {@code err}.
     *
     * @param script the script's path inside the checkout, e.g. {@code network/network.sh}
     * @return the script's exit code
     * @throws CliFailure when the checkout or the script cannot be found or started
     */
    int run(String script, List<String> args, PrintWriter out, PrintWriter err);

    /**
     * @return a runner of the scripts of the checkout in {@code $POVM_ROOT} (which {@code scripts/povm} sets), else of
     *     the checkout this jar was built in ({@code <root>/gateway-client/target/povm.jar})
     */
    static ScriptRunner checkout(final Map<String, String> env) {
        return (script, args, out, err) -> {
            final Path root = root(env)
                    .orElseThrow(() -> new CliFailure(
                            ExitCodes.SCRIPT_FAILED,
                            "cannot find the povm checkout that holds " + script,
                            "set POVM_ROOT to the checkout, or run the command through <checkout>/scripts/povm"));
            final Path file = root.resolve(script);
            if (!Files.isExecutable(file)) {
                throw new CliFailure(
                        ExitCodes.SCRIPT_FAILED,
                        "no executable " + file,
                        "POVM_ROOT must name a povm checkout; it is " + root);
            }
            final List<String> command = new ArrayList<>();
            command.add(file.toString());
            command.addAll(args);
            final ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(env);
            builder.environment().put("POVM_ROOT", root.toString());
            return runProcess(builder, out, err);
        };
    }

    private static int runProcess(final ProcessBuilder builder, final PrintWriter out, final PrintWriter err) {
        final Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.SCRIPT_FAILED, "cannot start " + builder.command().get(0) + ": " + e.getMessage(), null);
        }
        final Thread errors = copier(process.getErrorStream(), err, "script-stderr");
        copy(process.getInputStream(), out);
        try {
            final int exitCode = process.waitFor();
            errors.join();
            return exitCode;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.SCRIPT_FAILED, "interrupted while " + builder.command() + " ran", null);
        }
    }

    private static Thread copier(final InputStream from, final PrintWriter to, final String name) {
        final Thread thread = new Thread(() -> copy(from, to), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(final InputStream from, final PrintWriter to) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (to) {
                    to.println(line);
                    to.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> root(final Map<String, String> env) {
        final String fromEnv = env.get("POVM_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        final CodeSource source = PovmCli.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            // <root>/gateway-client/target/povm.jar, or <root>/gateway-client/target/classes when run from the build
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent())
                    .map(Path::getParent)
                    .map(Path::getParent)
                    .filter(root -> Files.isDirectory(root.resolve("network")));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
