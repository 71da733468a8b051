// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code povm}: the command line for the povm network. Build its command tree with {@link #commandLine(CliContext)}
 * and run it with {@link CommandLine#execute(String...)}, which returns the exit code.
 *
 * <pre>{@code
 * int exitCode = PovmCli.commandLine(CliContext.system()).execute("job", "get", "job-1a2b3c4d");
 * }</pre>
 */
@Command(
        name = "povm",
        mixinStandardHelpOptions = true,
        versionProvider = PovmCli.Version.class,
        description = {
            "Proof-of-VM useful work on Hyperledger Fabric: submit container jobs to",
            "the povm ledger and read them back, and govern the SLAs they run under.",
            "Each command connects to one organization's peer as the user of its",
            "connection profile."
        },
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  povm network up",
            "  povm worker start --all-orgs",
            "  povm job submit --image povm/coinflip@sha256:<64 hex> --replicas 3 \\",
            "      -- coinflip --k 5",
            "  povm job watch job-1a2b3c4d",
            "  povm job get job-1a2b3c4d --profile org2",
            "  povm job list --all -o json",
            "  povm sla list --state active",
            "  povm worker status Org1MSP/w1",
            "  povm credit balance",
            "  povm attestation verify job-1a2b3c4d",
            "  povm beacon show",
            "  povm lottery show 4",
            "  povm org members",
            "",
            "Every command takes --help (with examples) and --debug (stack traces of",
            "errors); every command that reads takes -o json. docs/cli.md has it all.",
            "",
            "Environment:",
            "  POVM_RUN_DIR   the network's run directory, holding profiles/",
            "                 (scripts/povm sets it to <repo>/.run)",
            "  POVM_ROOT      the checkout whose scripts network and worker start",
            "                 run (scripts/povm sets it)",
            "  POVM_PROFILE   the default --profile (else org1)",
            "  POVM_MSP_ID  POVM_PEER_ENDPOINT  POVM_PEER_HOST_ALIAS  POVM_TLS_ROOT_CERT",
            "  POVM_CERT  POVM_KEY  POVM_CHANNEL  POVM_CHAINCODE",
            "                 override the profile's fields",
            "",
            "Exit codes:",
            "  0  ok",
            "  1  internal error, or the transaction failed to commit",
            "  2  usage error: unknown command or option, bad value",
            "  3  rejected by the chaincode: invalid input, duplicate id, forbidden",
            "  4  not found",
            "  5  network or peer unavailable",
            "  6  identity or profile problem: no such profile, unreadable or",
            "     mismatched certificate or key",
            "  7  povm attestation verify / beacon verify: does not verify",
            "  8  povm job watch: the job ended FAILED, CANCELLED or EXPIRED",
            "  9  povm job watch --timeout: the time ran out first",
            "  10 povm network up|down, worker start: the script failed"
        })
public final class PovmCli implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(final String[] args) {
        CliLogging.configure(List.of(args).contains("--debug"));
        System.exit(commandLine(CliContext.system(), List.of(args)).execute(args));
    }

    /**
     * @return the whole {@code povm} command tree, wired to {@code context}; CommandTreeTest walks it to check that
     *     every command has help with an example, takes -o json (or is a {@link PlainOutputCommand}) and is in
     *     docs/cli.md
     */
    public static CommandLine commandLine(final CliContext context) {
        return commandLine(context, List.of());
    }

    /**
     * The tree that runs {@code args}: at each level only the command the next argument names, when it names one,
     * else all of them, so {@code job get ID} builds the root, {@code job} and {@code get}, and {@code job --help} the
     * whole job group. picocli reads every command's annotations when it is added, and the whole tree of ~80 commands
     * cost a one-read command line ~0.5 CPU-s at start-up. Commands that {@code args} cannot reach are the only ones
     * left out, so parsing, help and errors are those of the whole tree.
     *
     * @return the command tree for {@code args}, wired to {@code context}
     */
    public static CommandLine commandLine(final CliContext context, final List<String> args) {
        return build(tree(context), args)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    /** @return the tree: one line per command, so that a new command is one more line */
    private static Group tree(final CliContext context) {
        final Group network = new Group(
                new NetworkGroupCommand(),
                new NetworkUpCommand(context),
                new NetworkDownCommand(context),
                new NetworkStatusCommand(context));
        final Group sla = new Group(
                new SlaCommand(),
                new SlaListCommand(context),
                new SlaShowCommand(context),
                new SlaProposeCommand(context),
                new SlaApproveCommand(context),
                new SlaDeprecateCommand(context));
        final Group worker = new Group(
                new WorkerCommand(),
                new WorkerStartCommand(context),
                new WorkerStatusCommand(context),
                new WorkerListCommand(context),
                new WorkerShowCommand(context),
                new WorkerRegisterCommand(context),
                new WorkerUpdateOfferCommand(context),
                new WorkerChangeCommand.Pause(context),
                new WorkerChangeCommand.Resume(context),
                new WorkerChangeCommand.Deregister(context),
                new WorkerChangeCommand.Revoke(context),
                new WorkerWhoamiCommand(context));
        final Group job = new Group(
                new JobCommand(),
                new JobSubmitCommand(context),
                new JobGetCommand(context),
                new JobListCommand(context),
                new JobWatchCommand(context),
                new JobCancelCommand(context),
                new JobStepCommand.Challenge(context),
                new JobResultCommand(context),
                new JobAuditCommand(context),
                new JobLogsCommand(context),
                new JobHistoryCommand(context),
                new JobStandingCommand(context),
                new JobSweepCommand(context),
                new JobStepCommand.Advance(context),
                new JobStepCommand.Finalize(context),
                new JobStepCommand.Expire(context));
        final Group attestation = new Group(
                new AttestationCommand(),
                new AttestationVerifyCommand(context),
                new AttestationExportCommand(context),
                new AttestationShowCommand(context));
        final Group credit = new Group(
                new CreditCommand(),
                new CreditBalanceCommand(context),
                new CreditHistoryCommand(context),
                new CreditTransferCommand(context),
                new CreditSplitCommand(context),
                new CreditLotsCommand(context),
                new Group(
                        new CreditMintCommand(),
                        new CreditMintProposeCommand(context),
                        new CreditMintApproveCommand(context),
                        new CreditMintShowCommand(context)),
                new CreditAuditCommand(context),
                new CreditSettlementCommand(context));
        final Group beacon = new Group(
                new BeaconCommand(),
                new BeaconCommands.Show(context),
                new BeaconCommands.Verify(context),
                new BeaconCommands.Keygen(),
                new BeaconCommands.RegisterKey(context),
                new BeaconCommands.Config(context),
                new BeaconCommands.Strikes(context));
        final Group lottery = new Group(
                new LotteryCommand(),
                new BeaconCommands.LotteryShow(context),
                new BeaconCommands.LotteryHistory(context));
        final Group org = new Group(
                new OrgCommand(),
                new OrgCommands.MemberList(context),
                new OrgCommands.Propose(context),
                new OrgCommands.Approve(context),
                new OrgCommands.Show(context),
                new OrgCommands.AddOperator(context),
                new OrgCommands.RemoveOperator(context),
                new OrgCommands.Operators(context));
        return new Group(
                new PovmCli(),
                network,
                org,
                sla,
                worker,
                job,
                attestation,
                credit,
                beacon,
                lottery,
                new DashboardCommand(context));
    }

    /** @return {@code group} as a CommandLine with the members {@code args} can reach, recursively */
    private static CommandLine build(final Group group, final List<String> args) {
        final String next = args.isEmpty() ? "" : args.get(0);
        final List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        final boolean named =
                group.members().stream().anyMatch(member -> name(member).equals(next));
        final CommandLine line = new CommandLine(group.command());
        for (Object member : group.members()) {
            if (!named || name(member).equals(next)) {
                line.addSubcommand(member instanceof Group nested ? build(nested, rest) : member);
            }
        }
        return line;
    }

    /** @return the name in a member's {@code @Command} annotation, read without building its CommandLine */
    private static String name(final Object member) {
        final Object command = member instanceof Group group ? group.command() : member;
        return command.getClass().getAnnotation(Command.class).name();
    }

    /** A command group and its members: commands and nested groups. */
    private record Group(Object command, List<Object> members) {
        Group(final Object command, final Object... members) {
            this(command, List.of(members));
        }
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            final String version = PovmCli.class.getPackage().getImplementationVersion();
            return new String[] {"povm " + (version == null ? "(development build)" : version)};
        }
    }
}
