// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the command line's output clean: slf4j-simple at WARN (DEBUG with {@code --debug}) on stderr, and gRPC's
 * java.util.logging quiet unless debugging. Must run before the first logger is created.
 */
final class CliLogging {
    /** Held so that java.util.logging does not forget the level (it keeps loggers weakly). */
    private static final Logger GRPC = Logger.getLogger("io.grpc");

    private CliLogging() {}

    static void configure(final boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        // Netty's own debug output drowns ours; it stays at INFO even with --debug
        System.setProperty("org.slf4j.simpleLogger.log.io.grpc.netty.shaded", "info");
        GRPC.setLevel(debug ? Level.FINE : Level.SEVERE);
    }
}
