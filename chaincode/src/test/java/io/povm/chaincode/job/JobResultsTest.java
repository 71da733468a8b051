// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.LeaseTerms;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.SlaSpec;
import io.povm.api.Slas;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.chaincode.assignment.Candidate;
import io.povm.chaincode.assignment.InterimTxSeedSource;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobResultsTest {
    static final String AT = "2026-11-21T10:00:00.000Z";
    static final SlaSpec SLA = Slas.spec();
    static final List<Candidate> WORKERS = List.of(
            new Candidate("Org1MSP/w1", "Org1MSP"),
            new Candidate("Org2MSP/w1", "Org2MSP"),
            new Candidate("Org3MSP/w1", "Org3MSP"));

    static ReplicaDraw draw(final List<Candidate> workers) {
        return new ReplicaDraw(workers, "no worker", new InterimTxSeedSource("t"), AT, LeaseTerms.DEFAULT);
    }

    static Job running(final Redundancy redundancy) {
        final Job submitted = Job.submitted(
                Specs.builder().redundancy(redundancy).build(),
                new Submitter("Org1MSP", "x509::user1"),
                "2026-11-21T09:59:00.000Z",
                "tx-submit");
        Job job = JobAssignment.assign(submitted, draw(WORKERS));
        for (int i = 0; i < job.replicas().size(); i++) {
            job = JobAssignment.acknowledge(job, i, worker(job, i), AT, SLA);
        }
        return job;
    }

    static Job running(final int replicas) {
        return running(Redundancy.kVote(replicas));
    }

    static Optional<String> worker(final Job job, final int index) {
        return Optional.of(job.replicas().get(index).workerKey());
    }

    /** Commits every running replica to {@code outputs[i]}'s honest reveal. */
    static Job committed(final Job job, final String... outputs) {
        Job next = job;
        for (int i = 0; i < outputs.length; i++) {
            final int index = job.replicas().size() - outputs.length + i;
            next = JobResults.commit(
                    next,
                    index,
                    worker(next, index),
                    Answers.reveal(next, index, SLA, outputs[i]).attestation().commitment(),
                    SLA,
                    AT);
        }
        return next;
    }

    @Test
    void a_commit_keeps_the_job_running_while_others_run() {
        final Job job = running(3);

        final Job one = JobResults.commit(job, 1, worker(job, 1), "a".repeat(64), SLA, AT);

        assertThat(one.state()).isEqualTo(JobState.RUNNING);
        assertThat(one.replicas().get(1).state()).isEqualTo(ReplicaState.RESULT_COMMITTED);
        assertThat(one.replicas().get(1).commitment()).contains("a".repeat(64));
        assertThat(one.replicas().get(1).committedAt())
                .as("the ledger time that bounds a lone replica's usage")
                .contains(AT);
        assertThat(one.resolution().revealBy()).isEmpty();
    }

    @Test
    void the_last_commit_moves_the_job_to_results_pending_and_opens_the_reveal_window() {
        final Job job = committed(running(3), "x", "y", "z");

        assertThat(job.state()).isEqualTo(JobState.RESULTS_PENDING);
        assertThat(job.resolution().revealBy()).contains("2026-11-21T10:01:00.000Z");
    }

    @Test
    void committing_the_same_value_again_changes_nothing_and_another_value_is_refused() {
        final Job job = running(3);
        final Job once = JobResults.commit(job, 0, worker(job, 0), "a".repeat(64), SLA, AT);

        assertThat(JobResults.commit(once, 0, worker(job, 0), "a".repeat(64), SLA, AT))
                .isSameAs(once);
        assertThatThrownBy(() -> JobResults.commit(once, 0, worker(job, 0), "b".repeat(64), SLA, AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @Test
    void a_commitment_equal_to_another_replicas_is_refused() {
        final Job job = running(3);
        final Job once = JobResults.commit(job, 0, worker(job, 0), "a".repeat(64), SLA, AT);

        assertThatThrownBy(() -> JobResults.commit(once, 1, worker(job, 1), "a".repeat(64), SLA, AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("commitment");
                    assertThat(e.error().reason()).contains("equals replica 0's commitment");
                });
    }

    @Test
    void only_the_replicas_worker_may_commit_and_only_hex_is_accepted() {
        final Job job = running(3);

        assertThatThrownBy(() -> JobResults.commit(job, 0, worker(job, 1), "a".repeat(64), SLA, AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.error().reason()).contains("may commit it");
                });
        assertThatThrownBy(() -> JobResults.commit(job, 0, worker(job, 0), "A".repeat(64), SLA, AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("commitment"));
    }

    @Test
    void no_reveal_is_accepted_before_every_replica_committed() {
        final Job job = JobResults.commit(
                running(3),
                0,
                worker(running(3), 0),
                Answers.reveal(running(3), 0, SLA, "x").attestation().commitment(),
                SLA,
                AT);

        assertThatThrownBy(() -> JobResults.reveal(
                        job, 0, worker(job, 0), Answers.reveal(job, 0, SLA, "x"), SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_STATE);
                    assertThat(e.error().reason()).contains("has not committed yet");
                });
    }

    @Test
    void an_honest_reveal_stores_the_attested_result() {
        final Job job = committed(running(3), "x", "y", "z");
        final Reveal reveal = Answers.reveal(job, 1, SLA, "y");

        final JobResults.Revealed revealed =
                JobResults.reveal(job, 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT);

        assertThat(revealed.faulted()).isFalse();
        assertThat(revealed.job().replicas().get(1).state()).isEqualTo(ReplicaState.RESULT_REVEALED);
        assertThat(revealed.job().replicas().get(1).result())
                .contains(reveal.attestation().result(Optional.of("y")));
        assertThat(JobResults.reveal(revealed.job(), 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT)
                        .changed())
                .isFalse();
    }

    @Test
    void a_reveal_that_does_not_open_the_commitment_is_recorded_as_a_fault() {
        final Job job = committed(running(3), "x", "y", "z");
        final Reveal copied = Answers.reveal(job, 1, SLA, "x");

        final JobResults.Revealed revealed =
                JobResults.reveal(job, 1, worker(job, 1), copied, SLA, Answers.KEYS.getPublic(), AT);

        assertThat(revealed.faulted()).isTrue();
        assertThat(revealed.job().replicas().get(1).state()).isEqualTo(ReplicaState.FAULTED);
        assertThat(revealed.job().replicas().get(1).fault().orElseThrow()).contains("does not open the commitment");
        assertThat(revealed.job().replicas().get(1).result()).isEmpty();
    }

    @Test
    void a_reveal_signed_by_another_key_is_refused_and_changes_nothing() {
        final Job job = committed(running(3), "x", "y", "z");
        final Reveal reveal = Answers.reveal(job, 1, SLA, "y");
        final Reveal forged = new Reveal(
                reveal.attestation(),
                AttestationSignature.sign(reveal.attestation(), otherKey()),
                reveal.output(),
                reveal.checkpointLeaves());

        assertThatThrownBy(() -> JobResults.reveal(job, 1, worker(job, 1), forged, SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("reveal.signature"));
    }

    @Test
    void a_reveal_attesting_another_container_configuration_is_refused_naming_the_field() {
        final Job job = committed(running(3), "x", "y", "z");
        final Attestation honest = Answers.reveal(job, 1, SLA, "y").attestation();
        final Attestation other = altered(honest, "f".repeat(64), honest.outputBytes());
        final Reveal reveal = new Reveal(
                other, AttestationSignature.sign(other, Answers.KEYS.getPrivate()), "y", Answers.leaves("y", 4));

        assertThatThrownBy(() -> JobResults.reveal(job, 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("reveal.attestation.configHash");
                    assertThat(e.error().reason()).contains("but the ledger has");
                });
    }

    @Test
    void a_reveal_whose_output_does_not_hash_to_its_result_hash_is_refused() {
        final Job job = committed(running(3), "x", "y", "z");
        final Reveal honest = Answers.reveal(job, 1, SLA, "y");
        final Reveal swapped = new Reveal(honest.attestation(), honest.signature(), "Y", honest.checkpointLeaves());

        assertThatThrownBy(() -> JobResults.reveal(job, 1, worker(job, 1), swapped, SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(
                        PovmException.class,
                        e -> assertThat(e.error().field()).isEqualTo("reveal.attestation.resultHash"));
    }

    @Test
    void a_reveal_stating_more_output_than_the_sla_allows_is_refused_naming_the_limit() {
        final Job job = committed(running(3), "x", "y", "z");
        final Attestation honest = Answers.reveal(job, 1, SLA, "y").attestation();
        final Attestation big = altered(honest, honest.configHash(), SLA.job().maxOutputBytes() + 1);
        final Reveal reveal = new Reveal(
                big, AttestationSignature.sign(big, Answers.KEYS.getPrivate()), null, Answers.leaves("y", 4));

        assertThatThrownBy(() -> JobResults.reveal(job, 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("reveal.attestation.outputBytes");
                    assertThat(e.error().reason()).contains("allows at most");
                });
    }

    /** @return the reveal's JSON text with the attestation's {@code "field":value} replaced by {@code "field":text} */
    private static String withMeasure(final Reveal reveal, final String field, final String text) {
        final String json = PovmJson.write(reveal);
        final String stated = "\"" + field + "\":"
                + (field.equals("wallMillis")
                        ? reveal.attestation().wallMillis()
                        : reveal.attestation().cpuMillis());
        assertThat(json).contains(stated);
        return json.replace(stated, "\"" + field + "\":" + text);
    }

    private static void assertRefusedAt(final String json, final String field) {
        assertThatThrownBy(() -> JobResults.read(json)).isInstanceOfSatisfying(PovmException.class, e -> {
            assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.error().field()).isEqualTo(field);
        });
    }

    @Test
    void a_reveal_with_a_negative_wall_time_is_refused_naming_reveal_attestation_wall_millis() {
        final Job job = committed(running(3), "x", "y", "z");

        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "wallMillis", "-1"), "reveal.attestation.wallMillis");
    }

    @Test
    void a_reveal_with_a_negative_cpu_time_is_refused_naming_reveal_attestation_cpu_millis() {
        final Job job = committed(running(3), "x", "y", "z");

        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "cpuMillis", "-700"), "reveal.attestation.cpuMillis");
    }

    @Test
    void a_reveal_whose_wall_time_is_not_a_number_is_refused_naming_the_field() {
        final Job job = committed(running(3), "x", "y", "z");

        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "wallMillis", "\"800\""),
                "reveal.attestation.wallMillis");
        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "wallMillis", "1e30"), "reveal.attestation.wallMillis");
    }

    @Test
    void a_reveal_whose_cpu_time_is_not_a_number_is_refused_naming_the_field() {
        final Job job = committed(running(3), "x", "y", "z");

        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "cpuMillis", "700.5"), "reveal.attestation.cpuMillis");
        assertRefusedAt(
                withMeasure(Answers.reveal(job, 1, SLA, "y"), "cpuMillis", "null"), "reveal.attestation.cpuMillis");
    }

    @Test
    void a_job_of_a_few_milliseconds_whose_cgroup_charged_the_runtimes_set_up_is_not_refused() {
        final Job job = committed(running(3), "x", "y", "z");
        final Attestation honest = Answers.reveal(job, 1, SLA, "y").attestation();
        // measured on the real engine: 46 ms of CPU in 17 ms of wall (runc init is charged before the engine's start)
        final Attestation tiny = measured(honest, 17, 46);
        final Reveal reveal = new Reveal(
                tiny, AttestationSignature.sign(tiny, Answers.KEYS.getPrivate()), "y", Answers.leaves("y", 4));

        assertThat(JobResults.reveal(job, 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT)
                        .job()
                        .replicas()
                        .get(1)
                        .state())
                .isEqualTo(ReplicaState.RESULT_REVEALED);
    }

    @Test
    void an_honest_reveal_reads_back_as_it_was_written() {
        final Reveal reveal = Answers.reveal(committed(running(3), "x", "y", "z"), 1, SLA, "y");

        assertThat(JobResults.read(PovmJson.write(reveal))).isEqualTo(reveal);
    }

    @Test
    void a_reveal_claiming_more_cpu_than_its_wall_time_on_the_slas_cores_is_refused_and_changes_nothing() {
        final Job job = committed(running(3), "x", "y", "z");
        final Attestation honest = Answers.reveal(job, 1, SLA, "y").attestation();
        // standard@1 gives 2000 millicores = 2 cores: 800 ms of wall holds at most 1600 ms of CPU, plus the 250 ms the
        // runtime's set-up is charged before the job's start (AttestationCheck.SETUP_CPU_MILLIS)
        final Attestation absurd = measured(honest, 800, 1_851);
        final Reveal reveal = new Reveal(
                absurd, AttestationSignature.sign(absurd, Answers.KEYS.getPrivate()), "y", Answers.leaves("y", 4));
        final String before = PovmJson.write(job);

        assertThatThrownBy(() -> JobResults.reveal(job, 1, worker(job, 1), reveal, SLA, Answers.KEYS.getPublic(), AT))
                .isInstanceOfSatisfying(PovmException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.error().field()).isEqualTo("reveal.attestation.cpuMillis");
                    assertThat(e.error().reason()).contains("2 core(s), so at most 1850 ms");
                });
        assertThat(PovmJson.write(job)).isEqualTo(before);
        final Attestation fits = measured(honest, 800, 1_850);
        final Reveal fitting = new Reveal(
                fits, AttestationSignature.sign(fits, Answers.KEYS.getPrivate()), "y", Answers.leaves("y", 4));
        assertThat(JobResults.reveal(job, 1, worker(job, 1), fitting, SLA, Answers.KEYS.getPublic(), AT)
                        .job()
                        .replicas()
                        .get(1)
                        .state())
                .isEqualTo(ReplicaState.RESULT_REVEALED);
    }

    private static Attestation measured(final Attestation a, final long wallMillis, final long cpuMillis) {
        return new Attestation(
                a.version(),
                a.jobId(),
                a.replica(),
                a.workerKey(),
                a.msp(),
                a.imageDigest(),
                a.slaRef(),
                a.configHash(),
                wallMillis,
                cpuMillis,
                a.peakMemoryBytes(),
                a.exitCode(),
                a.limitHit(),
                a.outputBytes(),
                a.resultHash(),
                a.checkpointRoot(),
                a.checkpoints(),
                a.nonce());
    }

    /** @return the attestation with another configuration hash and output size, otherwise the same */
    private static Attestation altered(final Attestation a, final String configHash, final long outputBytes) {
        return new Attestation(
                a.version(),
                a.jobId(),
                a.replica(),
                a.workerKey(),
                a.msp(),
                a.imageDigest(),
                a.slaRef(),
                configHash,
                a.wallMillis(),
                a.cpuMillis(),
                a.peakMemoryBytes(),
                a.exitCode(),
                a.limitHit(),
                outputBytes,
                a.resultHash(),
                a.checkpointRoot(),
                a.checkpoints(),
                a.nonce());
    }

    private static PrivateKey otherKey() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
