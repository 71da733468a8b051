// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.JobAttestations;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.client.PovmClientException;
import io.povm.client.TestWorkers;
import io.povm.client.attestation.Evidence;
import io.povm.client.attestation.SignedJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code povm attestation} commands against mocked clients that hold an honestly signed 3-replica job. */
class AttestationCommandsTest {
    private final CliHarness cli = new CliHarness();
    private final SignedJob signed = new SignedJob();
    private final Evidence evidence = signed.evidence();
    private final String response =
            "{\"jobId\":\"flip-1\",\"reveals\":[" + String.join(",", evidence.attestations()) + "]}";

    @TempDir
    Path dir;

    @BeforeEach
    void the_ledger_holds_the_signed_job() {
        when(cli.jobs.get(SignedJob.JOB_ID)).thenReturn(signed.job);
        when(cli.slas.get("standard@1")).thenReturn(Sla.proposed(signed.sla, signed.job.submitter(), "t", "tx"));
        for (int i = 0; i < SignedJob.WORKERS.size(); i++) {
            final WorkerKey key = WorkerKey.parse(SignedJob.WORKERS.get(i), "key");
            final WorkerOffer offer = new WorkerOffer(
                    List.of("standard@1"),
                    2,
                    TestWorkers.offer().total(),
                    TestWorkers.offer().reserved(),
                    SignedJob.pem(signed.keys.get(i)));
            when(cli.workers.get(key))
                    .thenReturn(Worker.registered(
                            key, "x509::w", TestWorkers.CERTIFICATE_PEM, offer, new Worker.Change("t", "b", "tx")));
        }
        when(cli.jobs.attestationsJson(SignedJob.JOB_ID)).thenReturn(response);
        when(cli.jobs.attestations(SignedJob.JOB_ID)).thenReturn(PovmJson.read(response, JobAttestations.class));
        when(cli.credits.settlement(SignedJob.JOB_ID))
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.NOT_FOUND, "id", "job flip-1 has not settled"), null));
    }

    @Nested
    class Verify {
        @Test
        void an_honest_job_verifies_with_exit_0_and_one_line_per_replica() {
            assertThat(cli.run("attestation", "verify", SignedJob.JOB_ID, "--profile", "org2"))
                    .isZero();

            assertThat(cli.out())
                    .startsWith("job flip-1: VERIFIED")
                    .containsPattern("replica 0 +Org1MSP/w1 +RESULT_REVEALED +OK")
                    .containsPattern("verdict +OK +soft verdict recounted");
            assertThat(cli.err()).isEmpty();
            assertThat(cli.profilesOpened).containsOnly("org2");
            assertThat(cli.sessionsClosed).isEqualTo(4);
        }

        @Test
        void a_job_that_does_not_verify_exits_7_naming_the_replica_and_the_field() throws IOException {
            final Path file = exportWith(0, "\"wallMillis\":812", "\"wallMillis\":813");

            assertThat(cli.run("attestation", "verify", "--evidence", file.toString()))
                    .isEqualTo(ExitCodes.NOT_VERIFIED);

            assertThat(cli.out()).startsWith("job flip-1: NOT VERIFIED");
            assertThat(cli.err())
                    .isEqualTo("error: replica 0 (Org1MSP/w1): attestation.wallMillis: states 813 but the replica"
                            + " record has 812" + System.lineSeparator());
            assertThat(cli.profilesOpened).isEmpty();
        }

        @Test
        void an_exported_file_verifies_offline_without_any_connection() throws IOException {
            final Path file = dir.resolve("evidence.json");
            assertThat(cli.run("attestation", "export", SignedJob.JOB_ID, "--out", file.toString()))
                    .isZero();
            cli.profilesOpened.clear();

            assertThat(cli.run("attestation", "verify", "--evidence", file.toString()))
                    .isZero();
            assertThat(cli.profilesOpened).isEmpty();
        }

        @Test
        void json_output_is_the_report() throws IOException {
            final Path file = exportWith(2, "\"signature\":\"", "\"signature\":\"A");

            assertThat(cli.run("attestation", "verify", "--evidence", file.toString(), "-o", "json"))
                    .isEqualTo(ExitCodes.NOT_VERIFIED);

            assertThat(cli.out())
                    .startsWith("{\"jobId\":\"flip-1\",\"passed\":false,\"replicas\":[")
                    .contains("\"index\":2,\"workerKey\":\"Org3MSP/w1\",\"state\":\"RESULT_REVEALED\","
                            + "\"outcome\":\"FAILED\",\"field\":\"signature\"");
        }

        @Test
        void neither_or_both_of_id_and_evidence_is_a_usage_error() {
            assertThat(cli.run("attestation", "verify")).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err()).contains("give either a job ID or --evidence FILE");

            assertThat(cli.run("attestation", "verify", "j", "--evidence", "f")).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        void a_malformed_evidence_file_is_rejected_naming_the_field() throws IOException {
            final Path file = dir.resolve("bad.json");
            Files.writeString(file, evidence.toJson().replace("\"version\":1,\"job\"", "\"version\":1,\"jobb\""));

            assertThat(cli.run("attestation", "verify", "--evidence", file.toString()))
                    .isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).startsWith("error: INVALID_ARGUMENT [evidence.job] required");
        }

        @Test
        void a_missing_evidence_file_is_a_usage_error() {
            assertThat(cli.run(
                            "attestation",
                            "verify",
                            "--evidence",
                            dir.resolve("none.json").toString()))
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err()).contains("no such file");
        }
    }

    @Nested
    class Export {
        @Test
        void writes_the_evidence_with_the_ledgers_exact_texts() throws IOException {
            final Path file = dir.resolve("e.json");

            assertThat(cli.run("attestation", "export", SignedJob.JOB_ID, "--out", file.toString()))
                    .isZero();

            assertThat(Evidence.fromJson(Files.readString(file))).isEqualTo(evidence);
            assertThat(cli.out()).contains("wrote the evidence of job flip-1 (3 attestations, 3 worker keys)");
        }

        @Test
        void without_out_it_prints_the_evidence() {
            assertThat(cli.run("attestation", "export", SignedJob.JOB_ID)).isZero();

            assertThat(Evidence.fromJson(cli.out().strip())).isEqualTo(evidence);
        }
    }

    @Nested
    class Show {
        @Test
        void prints_each_attestation_readable() {
            assertThat(cli.run("attestation", "show", SignedJob.JOB_ID)).isZero();

            assertThat(cli.out())
                    .contains("replica       0 of flip-1")
                    .contains("worker        Org2MSP/w1 (Org2MSP)")
                    .contains("usage         wall 812 ms, cpu 640 ms, peak memory 1048576 B")
                    .contains("output        {\"flips\":\"heads\"}\\n")
                    .contains("checkpoints   3, root ");
        }

        @Test
        void json_output_is_the_ledgers_exact_text() {
            assertThat(cli.run("attestation", "show", SignedJob.JOB_ID, "-o", "json"))
                    .isZero();

            assertThat(cli.out().strip()).isEqualTo(response);
        }
    }

    @Test
    void the_group_alone_is_a_usage_error() {
        assertThat(cli.run("attestation")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("missing subcommand: verify, export, show");
        verifyNoInteractions(cli.jobs);
    }

    private Path exportWith(final int replica, final String from, final String to) throws IOException {
        final List<String> texts = new ArrayList<>(evidence.attestations());
        assertThat(texts.get(replica)).contains(from);
        texts.set(replica, texts.get(replica).replace(from, to));
        final Path file = dir.resolve("altered.json");
        Files.writeString(file, evidence.withAttestations(texts).toJson());
        return file;
    }
}
