// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Worker;
import io.povm.api.WorkerRegistration;
import io.povm.client.PovmClientException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code povm worker register}: an org admin registers a worker identity of its own org. */
@Command(
        name = "register",
        header = "Register a worker identity of your own org.",
        mixinStandardHelpOptions = true,
        description = {
            "Register a worker identity of your own org, as an org admin.",
            "The worker is given by its certificate and its offer, and registered",
            "under the admin's MSP (--profile orgN-admin). Give either a registration file",
            "(-f) or the flags. Registering the same certificate with the same",
            "name and offer again returns the stored worker; to change the offer",
            "use worker update-offer."
        },
        footer = {
            "",
            "Examples:",
            "  povm worker register --profile org1-admin --name w1 \\",
            "      --cert .run/crypto/.../User2@org1.povm.test-cert.pem \\",
            "      --slas standard@1 --slots 2 --cpu-millis 4000 --memory-mib 8192 \\",
            "      --disk-mib 40960 --reserved-cpu-millis 1000 \\",
            "      --attestation-key attestation.pem",
            "  povm worker register --profile org1-admin -f worker.json -o json",
            "",
            "Registration file:",
            "  {\"name\":\"w1\",\"certificatePem\":\"-----BEGIN CERTIFICATE-----\\n...\",",
            "   \"offer\":{\"slas\":[\"standard@1\"],\"slots\":2,",
            "     \"total\":{\"cpuMillis\":4000,\"memoryMiB\":8192,\"diskMiB\":40960},",
            "     \"reserved\":{\"cpuMillis\":1000,\"memoryMiB\":2048,\"diskMiB\":10240},",
            "     \"attestationKeyPem\":\"-----BEGIN PUBLIC KEY-----\\n...\"}}"
        })
final class WorkerRegisterCommand extends WorkerClientCommand {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Read the registration (JSON) from this file, or from stdin for '-'.")
    private String file;

    @Option(names = "--name", paramLabel = "NAME", description = "The worker's name within your org, e.g. w1.")
    private String name;

    @Option(names = "--cert", paramLabel = "PEM", description = "The worker identity's certificate, a PEM file.")
    private String certificate;

    @Mixin
    private OfferOptions offer;

    private WorkerRegistration registration;

    WorkerRegisterCommand(final CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (file != null) {
            if (name != null || certificate != null || offer.anyGiven()) {
                throw new ParameterException(spec().commandLine(), "give either -f/--file or the flags, not both");
            }
            registration = parse(readFile("-f/--file", file));
            return;
        }
        if (name == null || certificate == null) {
            throw new ParameterException(
                    spec().commandLine(), "missing " + (name == null ? "--name" : "--cert") + " (or give -f/--file)");
        }
        offer.firstMissing().ifPresent(missing -> {
            throw new ParameterException(spec().commandLine(), "missing " + missing + " (or give -f/--file)");
        });
        try {
            registration = new WorkerRegistration(
                    name, readFile("--cert", certificate), offer.toOffer(path -> readFile("--attestation-key", path)));
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }

    @Override
    void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker = session.workers().register(registration);
        if (common().output() == OutputFormat.JSON) {
            printJson(worker, out);
        } else {
            WorkerTable.detail(worker, out);
        }
    }

    private static WorkerRegistration parse(final String json) {
        try {
            return PovmJson.read(json, WorkerRegistration.class);
        } catch (PovmException e) {
            throw PovmClientException.rejected(e.error(), e);
        }
    }
}
