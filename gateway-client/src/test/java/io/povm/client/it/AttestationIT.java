// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.MerkleTree;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Resources;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.SlaLimit;
import io.povm.api.SlaSpec;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmGateway;
import io.povm.client.attestation.Evidence;
import io.povm.client.attestation.SignedJob;
import io.povm.client.cli.CliContext;
import io.povm.client.cli.JobClientFactory;
import io.povm.client.cli.PovmCli;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 5's acceptance on the real network: the test plays the three workers of a k=3 job (each org's second user,
 * re-offered here with an attestation key whose private half the test holds), commits and reveals signed
 * attestations, and then {@code povm attestation verify} passes; the same evidence exported and altered in one byte of
 * a stored attestation fails, naming the field.
 */
class AttestationIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static final Map<String, PovmGateway> WORKER_GATEWAYS = new TreeMap<>();
    private static final Map<String, KeyPair> KEYS = new TreeMap<>();
    private static final String OUTPUT = "{\"flips\":\"heads\"}\n";
    private static JobClient customer;
    private static SlaSpec standard;

    @TempDir
    Path dir;

    @BeforeAll
    static void every_org_has_an_active_worker_whose_attestation_key_the_test_holds() {
        customer = new JobClient(connect("org1").chaincode());
        standard = new SlaClient(connect("org1").chaincode()).get("standard@1").spec();
        for (String org : List.of("org1", "org2", "org3")) {
            final KeyPair key = SignedJob.p256();
            final WorkerOffer offer = new WorkerOffer(
                    List.of("standard@1"),
                    2,
                    new Resources(4000, 8192, 40960),
                    new Resources(0, 0, 0),
                    SignedJob.pem(key));
            final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
            final PovmGateway workerGateway = connect(org + "-user2");
            final Optional<Worker> earlier = new WorkerClient(workerGateway.chaincode()).findSelf();
            final Worker worker = earlier.isEmpty()
                    ? admin.register(new WorkerRegistration(
                            ItNetwork.uniqueId("at"), WorkerRegistryIT.certificatePem(org + "-user2"), offer))
                    : admin.updateOffer(earlier.get().workerKey(), offer);
            if (worker.state() == WorkerState.PAUSED) {
                admin.resume(worker.workerKey());
            }
            WORKER_GATEWAYS.put(worker.key(), workerGateway);
            KEYS.put(worker.key(), key);
        }
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @Test
    void an_honest_job_verifies_and_one_altered_byte_of_its_evidence_fails_naming_the_field() throws Exception {
        final Job resolved =
                playedByTheWorkers(customer.assign(submitted().spec().id()));
        assertThat(resolved.state()).isEqualTo(JobState.RESOLVED_SOFT);
        final String id = resolved.spec().id();

        final Run verify = povm("attestation", "verify", id, "--profile", "org2");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out())
                .startsWith("job " + id + ": VERIFIED")
                .contains("verdict")
                .contains("OK");

        final Path file = dir.resolve("evidence.json");
        assertThat(povm("attestation", "export", id, "--out", file.toString()).exitCode())
                .isZero();
        assertThat(povm("attestation", "verify", "--evidence", file.toString()).exitCode())
                .isZero();

        final Evidence evidence = Evidence.fromJson(Files.readString(file));
        final List<String> texts = new ArrayList<>(evidence.attestations());
        final String text = texts.get(1);
        final int at = text.indexOf("\"cpuMillis\":") + "\"cpuMillis\":".length();
        texts.set(1, text.substring(0, at) + (text.charAt(at) == '9' ? '8' : '9') + text.substring(at + 1));
        final Path altered = dir.resolve("altered.json");
        Files.writeString(altered, evidence.withAttestations(texts).toJson());

        final Run tampered = povm("attestation", "verify", "--evidence", altered.toString());
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(7);
        assertThat(tampered.err())
                .startsWith("error: replica 1 (")
                .contains("attestation.cpuMillis: states ")
                .contains("but the replica record has ");

        final Run python = python(file);
        assertThat(python.exitCode())
                .as("scripts/verify-attestations.py on the exported evidence: %s", python)
                .isZero();
        assertThat(python.out())
                .contains("replica 0 (")
                .contains("signature and commitment OK")
                .contains("job " + id + ": all 3 attestations OK");
        final Run pythonTampered = python(altered);
        assertThat(pythonTampered.exitCode()).as(pythonTampered.toString()).isEqualTo(1);
        assertThat(pythonTampered.out())
                .contains("replica 1 (")
                .contains("signature does not verify over the attestation's RFC 8785 bytes")
                .contains("1 of 3 attestations FAILED");
    }

    /**
     * Runs the Python verifier, which knows nothing of povm's Java code: it rebuilds each attestation's RFC 8785
     * bytes from the ledger's JSON and checks signature and commitment with the {@code cryptography} package.
     */
    private static Run python(final Path evidence) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(
                        "python3",
                        Path.of("..", "scripts", "verify-attestations.py").toString(),
                        evidence.toString())
                .start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    /** Acknowledges, commits once all run, then reveals: what three honest worker daemons would do. */
    private static Job playedByTheWorkers(final Job assigned) {
        final String id = assigned.spec().id();
        final List<Reveal> reveals = new ArrayList<>();
        ItNetwork.synced(); // each acknowledgement is endorsed by its worker's org's peer, which must have the
        // assignment
        for (final Replica replica : assigned.replicas()) {
            jobsOf(replica).acknowledge(id, replica.index());
        }
        Job job = assigned;
        for (final Replica replica : assigned.replicas()) {
            final Attestation attestation = Attestation.of(
                    assigned,
                    replica.index(),
                    replica.workerKey(),
                    replica.msp(),
                    ContainerConfig.forSla(standard),
                    result(replica.index()),
                    nonce());
            reveals.add(new Reveal(
                    attestation,
                    AttestationSignature.sign(
                            attestation, KEYS.get(replica.workerKey()).getPrivate()),
                    OUTPUT,
                    leaves()));
            job = jobsOf(replica).commit(id, replica.index(), attestation.commitment());
        }
        assertThat(job.state()).isEqualTo(JobState.RESULTS_PENDING);
        // the last commit returned once its own org's peer had it; each reveal is endorsed by its worker's org's peer,
        // which can still be a block behind and see the job RUNNING (CI failed so once)
        ItNetwork.synced();
        for (final Replica replica : assigned.replicas()) {
            job = jobsOf(replica).reveal(id, replica.index(), reveals.get(replica.index()));
            assertThat(job.replicas().get(replica.index()).state()).isEqualTo(ReplicaState.RESULT_REVEALED);
        }
        return job;
    }

    private static ReplicaResult result(final int replica) {
        final byte[] output = OUTPUT.getBytes(StandardCharsets.UTF_8);
        final List<byte[]> leafValues = new ArrayList<>();
        leaves().forEach(leaf -> leafValues.add(HexFormat.of().parseHex(leaf)));
        return ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(output)))
                .exitCode(0)
                .limitHit(SlaLimit.NONE)
                .wallMillis(800 + replica)
                .cpuMillis(600 + replica)
                .peakMemoryBytes(1_048_576)
                .outputBytes(output.length)
                .checkpointRoot(Sha256.hex(MerkleTree.root(leafValues)))
                .checkpoints(leafValues.size())
                .output(Optional.of(OUTPUT))
                .build();
    }

    private static List<String> leaves() {
        final List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(Sha256.hex(Sha256.hash(("checkpoint " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return leaves;
    }

    private static String nonce() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Job submitted() {
        return customer.submit(ItNetwork.builder(ItNetwork.uniqueId("attest"))
                .command("coinflip")
                .redundancy(Redundancy.kVote(3))
                .build());
    }

    private static JobClient jobsOf(final Replica replica) {
        return new JobClient(WORKER_GATEWAYS.get(replica.workerKey()).chaincode());
    }

    private static PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }

    /** What one in-process run of the command line printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    /** Runs {@code povm} in-process against the network of {@code $POVM_RUN_DIR}, as the command line would. */
    private static Run povm(final String... args) {
        final Map<String, String> env = System.getenv();
        final CommandLine cli = PovmCli.commandLine(new CliContext(
                env, JobClientFactory.gateway(env), new ByteArrayInputStream(new byte[0]), CliContext::randomJobId));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
