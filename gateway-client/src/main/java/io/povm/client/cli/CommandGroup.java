// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A group of subcommands ({@code povm job}, {@code povm credit mint}, ...): it does nothing itself, so running it
 * alone is a usage error that names its subcommands, followed by its help.
 */
abstract class CommandGroup implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public final void run() {
        throw new ParameterException(
                spec.commandLine(),
                "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
