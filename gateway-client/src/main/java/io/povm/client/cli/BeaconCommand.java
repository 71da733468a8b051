// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm beacon}: the group of beacon commands; alone it is a usage error. */
@Command(
        name = "beacon",
        header = "Read, verify and govern the randomness beacon.",
        mixinStandardHelpOptions = true,
        description = {
            "The multiparty randomness beacon: every round, each member org deals a secret",
            "with Feldman-verified shares encrypted to the other orgs, then reveals it; a",
            "secret that is withheld is recovered from the shares. The round's seed draws",
            "the lottery, assigns jobs and picks audits. Each org's worker daemon takes part."
        },
        footer = {
            "",
            "Examples:",
            "  povm beacon show",
            "  povm beacon show 4 -o json",
            "  povm beacon verify 4",
            "  povm beacon keygen --key-file org1.beacon",
            "  povm beacon register-key --key-file org1.beacon --profile org1-admin",
            "  povm beacon strikes Org3MSP"
        })
final class BeaconCommand extends CommandGroup {}
