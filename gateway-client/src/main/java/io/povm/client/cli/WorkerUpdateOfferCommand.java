// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.client.PovmClientException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code povm worker update-offer KEY}: an org admin replaces its worker's offer. */
@Command(
        name = "update-offer",
        header = "Replace a worker's offer.",
        mixinStandardHelpOptions = true,
        description = {
            "Replace a worker's offer, as an admin of its org.",
            "The worker must be ACTIVE or PAUSED. The new offer is checked like a",
            "registration's; its stake is computed again. Give either an offer",
            "file (-f) or the flags."
        },
        footer = {
            "",
            "Examples:",
            "  povm worker update-offer w1 --profile org1-admin --slas standard@1,gold@1 \\",
            "      --slots 4 --cpu-millis 8000 --memory-mib 16384 --disk-mib 81920 \\",
            "      --attestation-key attestation.pem",
            "  povm worker update-offer Org1MSP/w1 --profile org1-admin -f offer.json"
        })
final class WorkerUpdateOfferCommand extends WorkerClientCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "MSP/NAME, or a NAME of the profile's org.")
    private String key;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Read the offer (JSON) from this file, or from stdin for '-'.")
    private String file;

    @Mixin
    private OfferOptions flags;

    private WorkerOffer offer;

    WorkerUpdateOfferCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        checkKey(key);
        try {
            if (file != null) {
                if (flags.anyGiven()) {
                    throw new ParameterException(spec().commandLine(), "give either -f/--file or the flags, not both");
                }
                offer = PovmJson.read(readFile("-f/--file", file), WorkerOffer.class);
                return;
            }
            flags.firstMissing().ifPresent(missing -> {
                throw new ParameterException(spec().commandLine(), "missing " + missing + " (or give -f/--file)");
            });
            offer = flags.toOffer(path -> readFile("--attestation-key", path));
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker = session.workers().updateOffer(resolve(key, session), offer);
        if (common().output() == OutputFormat.JSON) {
            printJson(worker, out);
        } else {
            WorkerTable.detail(worker, out);
        }
    }
}
