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
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /**
     * @return the {@code povm} command tree, wired to {@code context}: one line per command, so that a new command is
     *     one more line; CommandTreeTest then checks that it has help with an example, takes -o json (or is a
     *     {@link PlainOutputCommand}) and is in docs/cli.md
     */
    public static CommandLine commandLine(final CliContext context) {
        final CommandLine network = new CommandLine(new NetworkGroupCommand())
                .addSubcommand(new NetworkUpCommand(context))
                .addSubcommand(new NetworkDownCommand(context))
                .addSubcommand(new NetworkStatusCommand(context));
        final CommandLine sla = new CommandLine(new SlaCommand())
                .addSubcommand(new SlaListCommand(context))
                .addSubcommand(new SlaShowCommand(context))
                .addSubcommand(new SlaProposeCommand(context))
                .addSubcommand(new SlaApproveCommand(context))
                .addSubcommand(new SlaDeprecateCommand(context));
        final CommandLine worker = new CommandLine(new WorkerCommand())
                .addSubcommand(new WorkerStartCommand(context))
                .addSubcommand(new WorkerStatusCommand(context))
                .addSubcommand(new WorkerListCommand(context))
                .addSubcommand(new WorkerShowCommand(context))
                .addSubcommand(new WorkerRegisterCommand(context))
                .addSubcommand(new WorkerUpdateOfferCommand(context))
                .addSubcommand(new WorkerChangeCommand.Pause(context))
                .addSubcommand(new WorkerChangeCommand.Resume(context))
                .addSubcommand(new WorkerChangeCommand.Deregister(context))
                .addSubcommand(new WorkerChangeCommand.Revoke(context))
                .addSubcommand(new WorkerWhoamiCommand(context));
        final CommandLine job = new CommandLine(new JobCommand())
                .addSubcommand(new JobSubmitCommand(context))
                .addSubcommand(new JobGetCommand(context))
                .addSubcommand(new JobListCommand(context))
                .addSubcommand(new JobWatchCommand(context))
                .addSubcommand(new JobCancelCommand(context))
                .addSubcommand(new JobStepCommand.Challenge(context))
                .addSubcommand(new JobResultCommand(context))
                .addSubcommand(new JobAuditCommand(context))
                .addSubcommand(new JobLogsCommand(context))
                .addSubcommand(new JobHistoryCommand(context))
                .addSubcommand(new JobStandingCommand(context))
                .addSubcommand(new JobSweepCommand(context))
                .addSubcommand(new JobStepCommand.Advance(context))
                .addSubcommand(new JobStepCommand.Finalize(context))
                .addSubcommand(new JobStepCommand.Expire(context));
        final CommandLine attestation = new CommandLine(new AttestationCommand())
                .addSubcommand(new AttestationVerifyCommand(context))
                .addSubcommand(new AttestationExportCommand(context))
                .addSubcommand(new AttestationShowCommand(context));
        final CommandLine credit = new CommandLine(new CreditCommand())
                .addSubcommand(new CreditBalanceCommand(context))
                .addSubcommand(new CreditHistoryCommand(context))
                .addSubcommand(new CreditTransferCommand(context))
                .addSubcommand(new CreditSplitCommand(context))
                .addSubcommand(new CreditLotsCommand(context))
                .addSubcommand(new CommandLine(new CreditMintCommand())
                        .addSubcommand(new CreditMintProposeCommand(context))
                        .addSubcommand(new CreditMintApproveCommand(context))
                        .addSubcommand(new CreditMintShowCommand(context)))
                .addSubcommand(new CreditAuditCommand(context))
                .addSubcommand(new CreditSettlementCommand(context));
        final CommandLine beacon = new CommandLine(new BeaconCommand())
                .addSubcommand(new BeaconCommands.Show(context))
                .addSubcommand(new BeaconCommands.Verify(context))
                .addSubcommand(new BeaconCommands.Keygen())
                .addSubcommand(new BeaconCommands.RegisterKey(context))
                .addSubcommand(new BeaconCommands.Config(context))
                .addSubcommand(new BeaconCommands.Strikes(context));
        final CommandLine lottery = new CommandLine(new LotteryCommand())
                .addSubcommand(new BeaconCommands.LotteryShow(context))
                .addSubcommand(new BeaconCommands.LotteryHistory(context));
        final CommandLine org = new CommandLine(new OrgCommand())
                .addSubcommand(new OrgCommands.MemberList(context))
                .addSubcommand(new OrgCommands.Propose(context))
                .addSubcommand(new OrgCommands.Approve(context))
                .addSubcommand(new OrgCommands.Show(context))
                .addSubcommand(new OrgCommands.AddOperator(context))
                .addSubcommand(new OrgCommands.RemoveOperator(context))
                .addSubcommand(new OrgCommands.Operators(context));
        return new CommandLine(new PovmCli())
                .addSubcommand(network)
                .addSubcommand(org)
                .addSubcommand(sla)
                .addSubcommand(worker)
                .addSubcommand(job)
                .addSubcommand(attestation)
                .addSubcommand(credit)
                .addSubcommand(beacon)
                .addSubcommand(lottery)
                .addSubcommand(new DashboardCommand(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new ErrorReporter());
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
