// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks the whole tree {@link PovmCli#commandLine} builds, so that a command added later is held to the same grammar
 * without touching this test: every command's {@code --help} shows an example of that very command; every leaf takes
 * {@code --debug}, and {@code -o json} unless it is a {@link PlainOutputCommand}; docs/cli.md names every command.
 */
class CommandTreeTest {
    private static final Path DOCS = Path.of("..", "docs", "cli.md");

    private static final CliContext CONTEXT =
            new CliContext(Map.of(), p -> null, new ByteArrayInputStream(new byte[0]), () -> "job-1");

    private static List<CommandLine> commands() {
        final List<CommandLine> all = new ArrayList<>();
        collect(PovmCli.commandLine(CONTEXT), all);
        return all;
    }

    /** @return the command at {@code path} in {@code root} */
    private static CommandLine at(final CommandLine root, final List<String> path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    private static void collect(final CommandLine command, final List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static boolean isLeaf(final CommandLine command) {
        return command.getSubcommands().isEmpty() && command.getParent() != null;
    }

    /** @return the arguments that reach the command from the root, e.g. {@code [credit, mint, propose]} */
    private static List<String> path(final CommandLine command) {
        final List<String> path = new ArrayList<>();
        for (CommandLine at = command; at.getParent() != null; at = at.getParent()) {
            path.add(0, at.getCommandName());
        }
        return path;
    }

    @Test
    void the_walk_reaches_the_nested_commands() {
        assertThat(commands().stream().map(c -> c.getCommandSpec().qualifiedName()))
                .contains("povm", "povm job watch", "povm credit mint propose", "povm network up")
                .hasSizeGreaterThan(40);
    }

    @Test
    void a_command_line_builds_only_the_commands_its_arguments_reach() {
        final CommandLine root = PovmCli.commandLine(CONTEXT, List.of("job", "get", "job-1", "-o", "json"));

        assertThat(root.getSubcommands()).containsOnlyKeys("job");
        assertThat(root.getSubcommands().get("job").getSubcommands()).containsOnlyKeys("get");
    }

    @Test
    void arguments_that_name_no_command_at_a_level_build_all_of_its_commands() {
        final CommandLine root = PovmCli.commandLine(CONTEXT, List.of("credit", "--help"));

        assertThat(root.getSubcommands()).containsOnlyKeys("credit");
        assertThat(root.getSubcommands().get("credit").getSubcommands())
                .containsOnlyKeys(PovmCli.commandLine(CONTEXT)
                        .getSubcommands()
                        .get("credit")
                        .getSubcommands()
                        .keySet());
        assertThat(PovmCli.commandLine(CONTEXT, List.of("jobs", "list")).getSubcommands())
                .containsOnlyKeys(PovmCli.commandLine(CONTEXT).getSubcommands().keySet());
    }

    @TestFactory
    Stream<DynamicTest> every_command_built_for_its_own_arguments_is_the_command_of_the_whole_tree() {
        return commands().stream()
                .map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> {
                    final CommandLine alone = at(PovmCli.commandLine(CONTEXT, path(command)), path(command));

                    assertThat(alone.getUsageMessage()).isEqualTo(command.getUsageMessage());
                    assertThat(alone.getSubcommands().keySet())
                            .containsExactlyElementsOf(command.getSubcommands().keySet());
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_command_has_help_with_an_example_of_itself() {
        return commands().stream()
                .map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> {
                    final CliHarness cli = new CliHarness();
                    final List<String> args = new ArrayList<>(path(command));
                    args.add("--help");

                    assertThat(cli.run(args.toArray(String[]::new))).isZero();

                    final String help = cli.out();
                    assertThat(help).contains("Examples:");
                    final String examples = help.substring(help.indexOf("Examples:"));
                    assertThat(examples.lines().skip(1).takeWhile(line -> !line.isBlank()))
                            .as(
                                    "an example line of %s",
                                    command.getCommandSpec().qualifiedName())
                            .anySatisfy(line -> assertThat(line + " ")
                                    .contains(command.getCommandSpec().qualifiedName() + " "));
                }));
    }

    /**
     * A group's {@code --help} lists its commands with their summaries (picocli shows a command's {@code header}
     * there, else the first line of its description, which cut the descriptions mid-phrase: "3 orgs, Raft").
     */
    @TestFactory
    Stream<DynamicTest> every_command_has_a_one_sentence_summary_that_its_groups_help_shows_whole() {
        return commands().stream()
                .filter(command -> command.getParent() != null)
                .map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> {
                    final String[] header =
                            command.getCommandSpec().usageMessage().header();
                    assertThat(header)
                            .as("the header of %s", command.getCommandSpec().qualifiedName())
                            .singleElement()
                            .satisfies(summary -> assertThat(summary)
                                    .endsWith(".")
                                    .doesNotContain("\n")
                                    .hasSizeLessThanOrEqualTo(60));
                    final CliHarness cli = new CliHarness();
                    final List<String> parent = path(command.getParent());
                    parent.add("--help");

                    assertThat(cli.run(parent.toArray(String[]::new))).isZero();
                    assertThat(cli.out())
                            .containsPattern("(?m)^  " + java.util.regex.Pattern.quote(command.getCommandName()) + " +"
                                    + java.util.regex.Pattern.quote(header[0]) + "$");
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_leaf_takes_debug_and_output_json_unless_it_prints_no_data() {
        return commands().stream()
                .filter(CommandTreeTest::isLeaf)
                .map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> {
                    assertThat(command.getCommandSpec().findOption("--debug"))
                            .as("--debug of %s", command.getCommandSpec().qualifiedName())
                            .isNotNull();
                    final OptionSpec output = command.getCommandSpec().findOption("-o");
                    if (command.getCommand() instanceof PlainOutputCommand) {
                        assertThat(output).isNull();
                    } else {
                        assertThat(output)
                                .as(
                                        "-o of %s (or mark it PlainOutputCommand when it prints no data)",
                                        command.getCommandSpec().qualifiedName())
                                .isNotNull();
                        assertThat(output.type()).isEqualTo(OutputFormat.class);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> docs_cli_md_names_every_command() throws IOException {
        final String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        return commands().stream()
                .filter(CommandTreeTest::isLeaf)
                .map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> assertThat(docs)
                        .as(
                                "docs/cli.md should have a row for %s",
                                command.getCommandSpec().qualifiedName())
                        .contains("`" + command.getCommandSpec().qualifiedName())));
    }

    @TestFactory
    Stream<DynamicTest> every_group_run_alone_is_a_usage_error_naming_its_subcommands() {
        return commands().stream()
                .filter(command -> !isLeaf(command) && command.getParent() != null)
                .map(group -> DynamicTest.dynamicTest(group.getCommandSpec().qualifiedName(), () -> {
                    final CliHarness cli = new CliHarness();

                    assertThat(cli.run(path(group).toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);

                    assertThat(cli.err())
                            .contains("missing subcommand: "
                                    + String.join(", ", group.getSubcommands().keySet()))
                            .contains("Usage: " + group.getCommandSpec().qualifiedName());
                }));
    }

    @TestFactory
    Stream<DynamicTest> a_mistyped_command_anywhere_suggests_the_right_one() {
        return commands().stream()
                .filter(command -> !isLeaf(command))
                .filter(command -> command.getSubcommands().keySet().stream().anyMatch(name -> name.length() >= 4))
                .map(group -> DynamicTest.dynamicTest(group.getCommandSpec().qualifiedName(), () -> {
                    final String name = group.getSubcommands().keySet().stream()
                            .filter(n -> n.length() >= 4)
                            .findFirst()
                            .orElseThrow();
                    // swap two letters in the middle: "submit" -> "sumbit"
                    final String typo = name.substring(0, 2) + name.charAt(3) + name.charAt(2) + name.substring(4);
                    final List<String> args = new ArrayList<>(path(group));
                    args.add(typo);
                    final CliHarness cli = new CliHarness();

                    assertThat(cli.run(args.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);

                    assertThat(cli.err())
                            .startsWith("error: unknown command '" + typo + "'")
                            .doesNotContain("\tat ");
                    assertThat(cli.err().lines().filter(line -> line.startsWith("did you mean: ")))
                            .singleElement()
                            .asString()
                            .contains(name);
                    assertThat(cli.profilesOpened).isEmpty();
                }));
    }
}
