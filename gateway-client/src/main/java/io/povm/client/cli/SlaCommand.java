// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm sla}: the group of SLA commands; alone it is a usage error. */
@Command(
        name = "sla",
        header = "List, show and govern SLAs.",
        mixinStandardHelpOptions = true,
        description = {
            "List, show, propose, approve and deprecate SLAs. An SLA becomes ACTIVE",
            "when a majority of the member orgs' admins approve it, and DEPRECATED",
            "the same way; governance commands need an org admin profile."
        },
        footer = {
            "",
            "Examples:",
            "  povm sla list --state active",
            "  povm sla show standard@1",
            "  povm sla propose -f standard-1.json --profile org1-admin",
            "  povm sla approve standard@1 --profile org2-admin",
            "  povm sla deprecate standard@1 --profile org3-admin"
        })
final class SlaCommand extends CommandGroup {}
