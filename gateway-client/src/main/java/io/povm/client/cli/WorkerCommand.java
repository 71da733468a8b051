// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm worker}: the group of worker registry commands; alone it is a usage error. */
@Command(
        name = "worker",
        header = "Run, register and manage workers.",
        mixinStandardHelpOptions = true,
        description = {
            "Start worker daemons, show a worker's status and reputation, register,",
            "show and manage workers.",
            "Workers are the identities that run jobs for an org, each with its",
            "offer (SLAs, slots, resources) and CloudPoS stake. A KEY is MSP/NAME,",
            "or a NAME of the profile's own org."
        },
        footer = {
            "",
            "Examples:",
            "  povm worker start --all-orgs",
            "  povm worker status Org1MSP/w1",
            "  povm worker register --profile org1-admin --name w1 --cert user2-cert.pem \\",
            "      --slas standard@1 --slots 2 --cpu-millis 4000 --memory-mib 8192 \\",
            "      --disk-mib 40960 --attestation-key attestation.pem",
            "  povm worker list --org Org1MSP --state ACTIVE",
            "  povm worker pause w1 --profile org1-user2"
        })
final class WorkerCommand extends CommandGroup {}
