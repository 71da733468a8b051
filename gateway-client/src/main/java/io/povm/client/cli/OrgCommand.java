package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm org}: the member orgs and the votes that add one; alone it is a usage error. */
@Command(
        name = "org",
        mixinStandardHelpOptions = true,
        description = {
            "Show the member orgs (the list \"a majority of orgs\" is counted",
            "against) and vote a new one in: an org admin proposes an MSP id (its",
            "org's approval), other member orgs' admins approve; the approval that",
            "reaches the majority adds the org. Add its peer to the channel first",
            "(docs/operations.md, \"Adding a fourth org\")."
        },
        footer = {
            "",
            "Examples:",
            "  povm org members",
            "  povm org propose Org4MSP --profile org1-admin",
            "  povm org approve Org4MSP --profile org2-admin",
            "  povm org show Org4MSP -o json"
        })
final class OrgCommand extends CommandGroup {}
