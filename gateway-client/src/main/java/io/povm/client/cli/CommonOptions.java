// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to the network takes. */
final class CommonOptions {
    @Option(
            names = "--profile",
            paramLabel = "NAME|PATH",
            description = "Connection profile: a name under $POVM_RUN_DIR/profiles (org1, org2, org1-admin, ...) or a"
                    + " path ending in .json. Default: $POVM_PROFILE, else org1.")
    private String profile;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat output = OutputFormat.TABLE;

    @Option(names = "--debug", description = "Log what the client does and print stack traces of errors.")
    private boolean debug;

    /** @return the --profile value, or null when not given */
    String profile() {
        return profile;
    }

    OutputFormat output() {
        return output;
    }

    boolean debug() {
        return debug;
    }
}
