// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads a file that a command's option names, the same way for every command. */
final class CliFiles {
    private CliFiles() {}

    /** Reads a file named by an option, or stdin for {@code -}; a usage error when it cannot be read. */
    static String read(final CommandSpec spec, final CliContext context, final String option, final String file) {
        try {
            if ("-".equals(file)) {
                return new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + option + " " + file + ": " + e);
        }
    }
}
