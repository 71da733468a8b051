// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code network/network.sh} against the network the integration tests use (the same {@code POVM_RUN_DIR}), so
 * a test can stop and start real nodes.
 */
final class NetworkScript {
    private static final long TIMEOUT_SECONDS = 120;

    private NetworkScript() {}

    /** Runs the script with the given arguments; fails the test when it exits non-zero. */
    static String run(final String... args) {
        return run(false, args);
    }

    /** @return the output of {@code status}, which exits 1 while any node is stopped */
    static String status() {
        return run(true, "status");
    }

    private static String run(final boolean anyExitCode, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        try {
            final Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("network.sh " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (!anyExitCode && process.exitValue() != 0) {
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

    /** @return the orderer ({@code orderer1}..) that {@code status} reports as Raft leader, if any */
    static Optional<String> raftLeader() {
        return run("status")
                .lines()
                .filter(line -> line.startsWith("orderer") && line.endsWith("raft leader"))
                .map(line -> line.substring(0, line.indexOf(' ')))
                .findFirst();
    }

    /**
     * Waits until every orderer that {@code status} lists reports the same channel height, e.g. after a restarted
     * orderer caught up; fails the test after {@code seconds}.
     */
    static void awaitOrderersInSync(final int seconds) {
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            final List<String> heights = status().lines()
                    .filter(line -> line.matches("^orderer\\d channel .*"))
                    .map(line -> line.replaceAll(".*height (\\d+).*", "$1"))
                    .toList();
            if (!heights.isEmpty() && heights.stream().distinct().count() == 1) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("the orderers did not reach the same channel height within " + seconds + " s:\n" + status());
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
