// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.attestation.Evidence;
import io.povm.client.attestation.EvidenceReader;
import java.util.Optional;

/**
 * An {@code attestation} command that reads a job's {@link Evidence} from the ledger: the job and the stored
 * attestations through the job client, the SLA through the SLA client, the workers' keys through the worker client,
 * the settlement through the credit client, each opened for the same profile.
 */
abstract class EvidenceCommand extends ClientCommand {
    EvidenceCommand(final CliContext context) {
        super(context);
    }

    final Evidence fetch(final String profile, final String jobId) {
        try (JobSession jobs = context().jobClients().open(profile);
                SlaSession slas = context().slaClients().open(profile);
                WorkerSession workers = context().workerClients().open(profile);
                CreditSession credits = context().creditClients().open(profile)) {
            return new EvidenceReader(jobs.jobs(), slas.slas(), workers.workers(), Optional.of(credits.credits()))
                    .read(jobId);
        }
    }
}
