// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The environment that skews a whole process's clock with Debian's libfaketime ({@code scripts/setup-faketime.sh}):
 * the JVM's {@code Instant.now()}, which the Fabric gateway SDK stamps transactions with, and every log line run
 * {@code skew} off. The monotonic clock is left alone, so that sleeps, timeouts and gRPC deadlines run as they do.
 */
final class FakeClock {
    private static final Path LIB = Path.of("/usr/lib");
    private static final String LIBRARY = "libfaketimeMT.so.1";

    private FakeClock() {}

    /** @return LD_PRELOAD, FAKETIME and FAKETIME_DONT_FAKE_MONOTONIC for a clock {@code skew} off the host's */
    static Map<String, String> skewed(final Duration skew) {
        return Map.of(
                "LD_PRELOAD", library().toString(),
                "FAKETIME", format(skew),
                "FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }

    /** @return the skew as libfaketime's FAKETIME reads it, e.g. +180s */
    static String format(final Duration skew) {
        return String.format("%+ds", skew.toSeconds());
    }

    /** @return the installed libfaketimeMT, e.g. /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 */
    static Path library() {
        try (Stream<Path> dirs = Files.list(LIB)) {
            return dirs.map(dir -> dir.resolve("faketime").resolve(LIBRARY))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "the clock-skew scenario needs libfaketime: run scripts/setup-faketime.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
