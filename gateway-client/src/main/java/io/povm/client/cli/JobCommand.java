package io.povm.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code povm job}: the group of job commands; alone it is a usage error. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = {
            "Submit, show, list and cancel jobs, show their history and result, and",
            "move their result consensus on: advance, challenge, finalize; run a",
            "coin-flip sweep: sweep."
        },
        footer = {
            "",
            "Examples:",
            "  povm job submit --image povm/coinflip@sha256:<64 hex> -- coinflip --k 5",
            "  povm job get job-1a2b3c4d",
            "  povm job list --state SUBMITTED",
            "  povm job cancel job-1a2b3c4d --reason 'wrong seed'",
            "  povm job history job-1a2b3c4d",
            "  povm job result job-1a2b3c4d",
            "  povm job challenge job-1a2b3c4d --reason 'flips look wrong'",
            "  povm job sweep --image povm/coinflip@sha256:<64 hex> --count 10 --k 14"
        })
final class JobCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "missing subcommand: submit, get, list, cancel, history, result, advance, challenge, finalize or sweep");
    }
}
