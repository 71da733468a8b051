// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.fail;

import io.povm.client.profile.ProfileLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network's node processes (orderer1.., orgN-peer, orgN-cc), as {@code network/network.sh} started them in
 * POVM_RUN_DIR: crashed with SIGKILL through their pid files, brought back with {@code network.sh start NODE}.
 */
final class NetworkNodes {
    private static final long SCRIPT_TIMEOUT_SECONDS = 180;

    private NetworkNodes() {}

    /** SIGKILL, as a crash: the node gets no chance to flush or close anything; waits until it is gone. */
    static void crash(final String node) throws Exception {
        final Path pidFile = runDir().resolve("pids").resolve(node + ".pid");
        final long pid = Long.parseLong(Files.readString(pidFile).trim());
        final ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(node + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Starts a stopped or crashed node again, as an operator would; fails the test when the script fails. */
    static String start(final String node) {
        return run("start", node);
    }

    /** Starts a stopped node with {@code launcher} before the script (e.g. setpriv), which its process inherits. */
    static String start(final String node, final List<String> launcher) {
        return run(launcher, "start", node);
    }

    /** Stops a node as an operator would (SIGTERM), waiting until it is gone. */
    static String stop(final String node) {
        return run("stop", node);
    }

    /** @return whether orderer {@code i} (1..3) reports itself the Raft leader of the channel (its metrics) */
    static boolean isRaftLeader(final int basePort, final int i) {
        try {
            final var client = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(2))
                    .build();
            final var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + (basePort + 10 * i + 2) + "/metrics"))
                    .timeout(java.time.Duration.ofSeconds(2))
                    .build();
            final String metrics = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.lines()
                    .anyMatch(l -> l.startsWith("consensus_etcdraft_is_leader{")
                            && l.trim().endsWith(" 1"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(final String... args) {
        return run(List.of(), args);
    }

    private static String run(final List<String> launcher, final String... args) {
        final List<String> command = new ArrayList<>(launcher);
        command.add(script().toString());
        command.addAll(List.of(args));
        try {
            final Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(
                        "network.sh " + String.join(" ", args) + " did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                return fail("network.sh " + String.join(" ", args) + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            return fail("could not run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running network.sh");
        }
    }

    private static Path runDir() {
        return Path.of(System.getenv(ProfileLocator.RUN_DIR_VARIABLE));
    }

    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolve("network/network.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return fail("network/network.sh not found above " + Path.of("").toAbsolutePath());
    }
}
