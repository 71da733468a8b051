// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm org}: the member orgs, the votes that add one, and each org's operators; alone a usage error. */
@Command(
        name = "org",
        header = "Show the member orgs and vote a new one in.",
        mixinStandardHelpOptions = true,
        description = {
            "Show the member orgs (the list \"a majority of orgs\" is counted",
            "against) and vote a new one in: an org admin proposes an MSP id (its",
            "org's approval), other member orgs' admins approve; the approval that",
            "reaches the majority adds the org. Add its peer to the channel first",
            "(docs/operations.md, \"Adding a fourth org\"). An org admin also names",
            "the org's operators: the identities that tick the clock and post the",
            "org's beacon pieces (docs/access-control-duties.md)."
        },
        footer = {
            "",
            "Examples:",
            "  povm org members",
            "  povm org propose Org4MSP --profile org1-admin",
            "  povm org approve Org4MSP --profile org2-admin",
            "  povm org show Org4MSP -o json",
            "  povm org add-operator --profile org1-admin --cert daemon-cert.pem",
            "  povm org operators Org1MSP"
        })
final class OrgCommand extends CommandGroup {}
