// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm credit}: the group of credit commands; alone it is a usage error. */
@Command(
        name = "credit",
        header = "Read, move and mint credits.",
        mixinStandardHelpOptions = true,
        description = {
            "Read and move credits. A job escrows price x replicas x max wall seconds",
            "from its submitter when submitted and settles once it is final: workers",
            "whose answer won are paid, the rest returns. Credits are created only by",
            "a mint a majority of the member orgs' admins approve."
        },
        footer = {
            "",
            "Examples:",
            "  povm credit balance",
            "  povm credit history -o json",
            "  povm credit transfer --msp Org2MSP --id 'x509::CN=User1@org2...' 1000",
            "  povm credit split --count 50 --amount 40000",
            "  povm credit lots",
            "  povm credit mint propose top-up-1 --msp Org1MSP --id 'x509::...' --amount 5000 \\",
            "      --reason 'top-up' --profile org1-admin",
            "  povm credit mint approve top-up-1 --profile org2-admin",
            "  povm credit audit",
            "  povm credit settlement job-1a2b3c4d"
        })
final class CreditCommand extends CommandGroup {}
