// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm job}: the group of job commands; alone it is a usage error. */
@Command(
        name = "job",
        header = "Submit, follow and settle jobs.",
        mixinStandardHelpOptions = true,
        description = {
            "Submit, show, list, watch and cancel jobs, show their result, logs and",
            "history, a customer's standing, whether the beacon selected them for a",
            "random audit, move their result consensus on: challenge, advance,",
            "finalize; run a coin-flip sweep: sweep."
        },
        footer = {
            "",
            "Examples:",
            "  povm job submit --image povm/coinflip@sha256:<64 hex> -- coinflip --k 5",
            "  povm job submit -f flip.yaml",
            "  povm job watch job-1a2b3c4d",
            "  povm job logs job-1a2b3c4d",
            "  povm job get job-1a2b3c4d",
            "  povm job list --state SUBMITTED",
            "  povm job cancel job-1a2b3c4d --reason 'wrong seed'",
            "  povm job history job-1a2b3c4d",
            "  povm job result job-1a2b3c4d",
            "  povm job audit job-1a2b3c4d",
            "  povm job challenge job-1a2b3c4d --reason 'flips look wrong'"
        })
final class JobCommand extends CommandGroup {}
