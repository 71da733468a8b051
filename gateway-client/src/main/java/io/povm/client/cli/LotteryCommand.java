// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm lottery}: the group of lottery commands; alone it is a usage error. */
@Command(
        name = "lottery",
        header = "Explain the lottery of the beacon's rounds.",
        mixinStandardHelpOptions = true,
        description = {
            "The PoVM lottery: each beacon round draws its winners from the tickets frozen",
            "when it opened (verified VM-seconds of paid replicas, scaled by reputation), with",
            "probability proportional to tickets; winners are credited the round's reward."
        },
        footer = {"", "Examples:", "  povm lottery show 4", "  povm lottery history", "  povm lottery history -o json"})
final class LotteryCommand extends CommandGroup {}
