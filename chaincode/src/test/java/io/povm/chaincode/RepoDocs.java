// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the repository's {@code docs/} pages, which tests compare with the code so that they cannot drift. */
public final class RepoDocs {
    private RepoDocs() {}

    /** @return the lines of {@code docs/<name>}, found in the working directory or above it */
    public static List<String> lines(final String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolve("docs").resolve(name);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readAllLines(candidate, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return fail("cannot read " + candidate + ": " + e);
                }
            }
            dir = dir.getParent();
        }
        return fail("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
