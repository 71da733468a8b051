// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm credit mint}: propose, approve and show mints; alone it is a usage error. */
@Command(
        name = "mint",
        header = "Create credits by a majority of the member orgs.",
        mixinStandardHelpOptions = true,
        description = {
            "Create credits by governance: an org admin proposes a mint (its org's",
            "approval), other member orgs' admins approve; the approval that reaches",
            "the majority credits the account. Each org approves once."
        },
        footer = {
            "",
            "Examples:",
            "  povm credit mint propose top-up-1 --msp Org1MSP --id 'x509::...' --amount 5000 --profile org1-admin",
            "  povm credit mint approve top-up-1 --profile org2-admin",
            "  povm credit mint show top-up-1 -o json"
        })
final class CreditMintCommand extends CommandGroup {}
