// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Command;

/** {@code povm attestation}: the group of attestation commands; alone it is a usage error. */
@Command(
        name = "attestation",
        header = "Show, export and verify a job's signed attestations.",
        mixinStandardHelpOptions = true,
        description = {
            "Show, export and verify the signed attestations a job's workers",
            "revealed. Verification needs nothing but ledger data: the job, its",
            "SLA, the workers' registered attestation keys and the stored",
            "attestations, which export writes to one evidence file."
        },
        footer = {
            "",
            "Examples:",
            "  povm attestation verify job-1a2b3c4d",
            "  povm attestation export job-1a2b3c4d --out job-1a2b3c4d.evidence.json",
            "  povm attestation verify --evidence job-1a2b3c4d.evidence.json",
            "  povm attestation show job-1a2b3c4d -o json"
        })
final class AttestationCommand extends CommandGroup {}
