// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Attestation;
import io.povm.api.AttestationCheck;
import io.povm.api.AttestationSignature;
import io.povm.api.Commitment;
import io.povm.api.ContainerConfig;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.MerkleTree;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.TestKeys;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code RevealResult} through the contract: a reveal whose measured figures are negative, not whole numbers, or
 * absurd (more CPU than the SLA's cores could give in the stated wall time) is refused with {@code INVALID_ARGUMENT
 * [reveal.attestation.<field>]} and writes nothing; the same reveal with honest figures is taken and counted. A
 * single-replica job of Org1's User1 runs on the only registered worker, Org2's, whose attestation key the test
 * holds.
 */
class RevealMeasurementsTest {
    private static final Instant ASSIGNED_AT = Instant.parse("2026-11-20T10:01:00Z");
    private static final String OUTPUT = "heads";
    private static final long WALL_MILLIS = 800;
    private static final KeyPair KEYS = TestKeys.p256();

    private final LedgerFake ledger = new LedgerFake();
    private final PovmContract jobs = new PovmContract();
    private Job committed;

    @BeforeEach
    void a_single_replica_job_whose_worker_committed_its_result() {
        ledger.committed(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        RegisteredWorkers.registerWithAttestationKey(ledger.stub, "Org2MSP", "w2", Signer.WORKER.id(), pem(KEYS));
        ledger.transaction("tx-submit", ASSIGNED_AT.minusSeconds(60)).signedBy(Signer.SUBMITTER);
        jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);
        ledger.transaction("tx-assign", ASSIGNED_AT);
        jobs.AssignJob(ledger.ctx, "flip-1");
        ledger.transaction("tx-ack", ASSIGNED_AT.plusSeconds(1)).signedBy(Signer.WORKER);
        final Job acknowledged = PovmJson.read(jobs.AcknowledgeReplica(ledger.ctx, "flip-1", "0"), Job.class);
        final Attestation honest = attestation(acknowledged, WALL_MILLIS, 700);
        ledger.transaction("tx-commit", ASSIGNED_AT.plusSeconds(3)).signedBy(Signer.WORKER);
        committed = PovmJson.read(
                jobs.CommitResult(
                        ledger.ctx,
                        "flip-1",
                        "0",
                        Commitment.of(honest.resultHash(), honest.nonce(), honest.workerKey())),
                Job.class);
        assertThat(committed.state()).isEqualTo(JobState.RESULTS_PENDING);
        ledger.transaction("tx-reveal", ASSIGNED_AT.plusSeconds(4)).signedBy(Signer.WORKER);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wallMillis | -1",
                "wallMillis | \"800\"",
                "wallMillis | 800.5",
                "wallMillis | 1e30",
                "wallMillis | null",
                "cpuMillis  | -700",
                "cpuMillis  | \"700\"",
                "cpuMillis  | 700.5",
                "cpuMillis  | 99999999999999999999",
            })
    void a_reveal_whose_figure_is_negative_or_not_a_whole_number_is_refused_naming_it_and_writes_nothing(
            final String field, final String text) {
        final String honest = PovmJson.write(signed(attestation(committed, WALL_MILLIS, 700)));
        final String stated = "\"" + field + "\":" + (field.equals("wallMillis") ? WALL_MILLIS : 700);
        assertThat(honest).contains(stated);

        final PovmError error = LedgerFake.errorOf(() ->
                jobs.RevealResult(ledger.ctx, "flip-1", "0", honest.replace(stated, "\"" + field + "\":" + text)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("reveal.attestation." + field);
        ledger.assertNothingWritten();
    }

    @Test
    void a_reveal_that_states_more_cpu_than_the_slas_cores_give_in_its_wall_time_is_refused_and_writes_nothing() {
        final long most = WALL_MILLIS * AttestationCheck.cores(Slas.spec()) + AttestationCheck.SETUP_CPU_MILLIS;
        final Reveal absurd = signed(attestation(committed, WALL_MILLIS, most + 1));

        final PovmError error =
                LedgerFake.errorOf(() -> jobs.RevealResult(ledger.ctx, "flip-1", "0", PovmJson.write(absurd)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("reveal.attestation.cpuMillis");
        assertThat(error.reason()).contains("at most " + most + " ms");
        ledger.assertNothingWritten();
    }

    @Test
    void the_same_reveal_with_honest_figures_at_the_cpu_bound_is_taken_and_counted() {
        final long most = WALL_MILLIS * AttestationCheck.cores(Slas.spec()) + AttestationCheck.SETUP_CPU_MILLIS;
        final Reveal atTheBound = signed(attestation(committed, WALL_MILLIS, most));

        final Job revealed =
                PovmJson.read(jobs.RevealResult(ledger.ctx, "flip-1", "0", PovmJson.write(atTheBound)), Job.class);

        final Replica replica = revealed.replicas().get(0);
        assertThat(replica.result()).isPresent();
        assertThat(replica.result().orElseThrow().cpuMillis()).isEqualTo(most);
        assertThat(revealed.verdict()).isPresent();
    }

    /** @return the attestation of the replica's result {@value #OUTPUT} with the given figures */
    private static Attestation attestation(final Job job, final long wallMillis, final long cpuMillis) {
        final Replica replica = job.replicas().get(0);
        final byte[] bytes = OUTPUT.getBytes(StandardCharsets.UTF_8);
        final ReplicaResult result = ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(bytes)))
                .exitCode(0)
                .wallMillis(wallMillis)
                .cpuMillis(cpuMillis)
                .peakMemoryBytes(1 << 20)
                .outputBytes(bytes.length)
                .checkpointRoot(Sha256.hex(MerkleTree.root(List.of(leaf()))))
                .checkpoints(1)
                .output(Optional.of(OUTPUT))
                .build();
        return Attestation.of(
                job,
                0,
                replica.workerKey(),
                replica.msp(),
                ContainerConfig.forSla(Slas.spec()),
                result,
                Sha256.hex(Sha256.hash("nonce".getBytes(StandardCharsets.UTF_8))));
    }

    private static Reveal signed(final Attestation attestation) {
        return new Reveal(
                attestation,
                AttestationSignature.sign(attestation, KEYS.getPrivate()),
                OUTPUT,
                List.of(HexFormat.of().formatHex(leaf())));
    }

    private static byte[] leaf() {
        return Sha256.hash("checkpoint".getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(final KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
