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
            "  povm job submit --image povm/coinflip@sha256:<64 hex> --replicas 3 \\",
            "      -- coinflip --k 5",
            "  povm job get job-1a2b3c4d --profile org2",
            "  povm job list --all -o json",
            "  povm sla list --state active",
            "  povm worker list --org Org1MSP",
            "  povm credit balance",
            "  povm job result job-1a2b3c4d",
            "  povm attestation verify job-1a2b3c4d",
            "  povm beacon show",
            "  povm lottery show 4",
            "",
            "Environment:",
            "  POVM_RUN_DIR   the network's run directory, holding profiles/",
            "                 (scripts/povm sets it to <repo>/.run)",
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
            "  7  povm attestation verify / beacon verify: does not verify"
        })
public final class PovmCli implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(final String[] args) {
        CliLogging.configure(List.of(args).contains("--debug"));
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** @return the {@code povm} command tree, wired to {@code context} */
    public static CommandLine commandLine(final CliContext context) {
        final CommandLine job = new CommandLine(new JobCommand())
                .addSubcommand(new JobSubmitCommand(context))
                .addSubcommand(new JobGetCommand(context))
                .addSubcommand(new JobListCommand(context))
                .addSubcommand(new JobCancelCommand(context))
                .addSubcommand(new JobHistoryCommand(context))
                .addSubcommand(new JobResultCommand(context))
                .addSubcommand(new JobSweepCommand(context))
                .addSubcommand(new JobStepCommand.Advance(context))
                .addSubcommand(new JobStepCommand.Challenge(context))
                .addSubcommand(new JobStepCommand.Finalize(context));
        final CommandLine attestation = new CommandLine(new AttestationCommand())
                .addSubcommand(new AttestationVerifyCommand(context))
                .addSubcommand(new AttestationExportCommand(context))
                .addSubcommand(new AttestationShowCommand(context));
        final CommandLine sla = new CommandLine(new SlaCommand())
                .addSubcommand(new SlaListCommand(context))
                .addSubcommand(new SlaShowCommand(context))
                .addSubcommand(new SlaProposeCommand(context))
                .addSubcommand(new SlaApproveCommand(context))
                .addSubcommand(new SlaDeprecateCommand(context));
        final CommandLine worker = new CommandLine(new WorkerCommand())
                .addSubcommand(new WorkerListCommand(context))
                .addSubcommand(new WorkerShowCommand(context))
                .addSubcommand(new WorkerRegisterCommand(context))
                .addSubcommand(new WorkerUpdateOfferCommand(context))
                .addSubcommand(new WorkerChangeCommand.Pause(context))
                .addSubcommand(new WorkerChangeCommand.Resume(context))
                .addSubcommand(new WorkerChangeCommand.Deregister(context))
                .addSubcommand(new WorkerChangeCommand.Revoke(context))
                .addSubcommand(new WorkerWhoamiCommand(context));
        final CommandLine credit = new CommandLine(new CreditCommand())
                .addSubcommand(new CreditBalanceCommand(context))
                .addSubcommand(new CreditHistoryCommand(context))
                .addSubcommand(new CreditTransferCommand(context))
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
        return new CommandLine(new PovmCli())
                .addSubcommand(job)
                .addSubcommand(sla)
                .addSubcommand(worker)
                .addSubcommand(credit)
                .addSubcommand(attestation)
                .addSubcommand(beacon)
                .addSubcommand(lottery)
                .addSubcommand(new DashboardCommand(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: job, sla, worker, credit or attestation");
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
