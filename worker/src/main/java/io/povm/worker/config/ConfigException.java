// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The worker configuration is invalid; {@link #problems()} lists every problem found, not only the first. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    ConfigException(final Path source, final List<ConfigProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(final Path source, final List<ConfigProblem> problems) {
        return "invalid worker configuration " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
