// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.Settlement;
import io.povm.api.Sla;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.client.PovmClientException;
import io.povm.client.TestWorkers;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceTest {
    private final SignedJob signed = new SignedJob();
    private final Evidence evidence = signed.evidence();

    @Test
    void the_file_form_reads_back_to_the_same_evidence_with_the_stored_texts_unchanged() {
        final Evidence back = Evidence.fromJson(evidence.toJson());

        assertThat(back).isEqualTo(evidence);
        assertThat(back.attestations()).isEqualTo(evidence.attestations());
    }

    @Test
    void a_file_of_another_version_is_refused_naming_the_version() {
        final String json = evidence.toJson().replaceFirst("\"version\":1", "\"version\":2");

        assertThatThrownBy(() -> Evidence.fromJson(json))
                .isInstanceOf(PovmException.class)
                .hasMessageContaining("evidence.version");
    }

    @Test
    void the_stored_texts_are_cut_from_the_ledgers_response_character_for_character() {
        final String first = " {\"attestation\" : {\"a\":1},\"signature\":\"x\"}";
        final String response = "{\"jobId\":\"flip-1\",\"reveals\":[" + first + ",\n{\"b\":[1,{\"c\":\"}\"}]}]}";

        assertThat(StoredAttestations.cut(response)).containsExactly(first.strip(), "{\"b\":[1,{\"c\":\"}\"}]}");
    }

    @Test
    void the_reader_fetches_the_job_its_sla_every_replicas_worker_key_and_the_exact_stored_texts() {
        final JobClient jobs = mock(JobClient.class);
        final SlaClient slas = mock(SlaClient.class);
        final WorkerClient workers = mock(WorkerClient.class);
        when(jobs.get(SignedJob.JOB_ID)).thenReturn(signed.job);
        when(slas.get("standard@1")).thenReturn(Sla.proposed(signed.sla, signed.job.submitter(), "t", "tx"));
        for (int i = 0; i < 3; i++) {
            final WorkerKey key = WorkerKey.parse(SignedJob.WORKERS.get(i), "key");
            final WorkerOffer offer = new WorkerOffer(
                    List.of("standard@1"),
                    2,
                    TestWorkers.offer().total(),
                    TestWorkers.offer().reserved(),
                    SignedJob.pem(signed.keys.get(i)));
            when(workers.get(key))
                    .thenReturn(Worker.registered(
                            key, "x509::w", TestWorkers.CERTIFICATE_PEM, offer, new Worker.Change("t", "by", "tx")));
        }
        when(jobs.attestationsJson(SignedJob.JOB_ID))
                .thenReturn("{\"jobId\":\"flip-1\",\"reveals\":[" + String.join(",", evidence.attestations()) + "]}");

        final Evidence read = new EvidenceReader(jobs, slas, workers).read(SignedJob.JOB_ID);

        assertThat(read).isEqualTo(evidence);
        assertThat(AttestationVerifier.verify(read).passed()).isTrue();
    }

    @Test
    void with_a_credit_client_the_reader_adds_the_settlement_and_none_while_the_job_has_not_settled() {
        final JobClient jobs = mock(JobClient.class);
        final SlaClient slas = mock(SlaClient.class);
        final CreditClient credits = mock(CreditClient.class);
        when(jobs.get(SignedJob.JOB_ID)).thenReturn(signed.job.withReplicas(List.of()));
        when(slas.get("standard@1")).thenReturn(Sla.proposed(signed.sla, signed.job.submitter(), "t", "tx"));
        when(jobs.attestationsJson(SignedJob.JOB_ID)).thenReturn("{\"jobId\":\"flip-1\",\"reveals\":[]}");
        final Settlement settlement = new Settlement(
                SignedJob.JOB_ID, Settlement.SETTLE, JobState.FINALIZED, "t", "tx", null, null, 0, 0, List.of());
        when(credits.settlement(SignedJob.JOB_ID))
                .thenReturn(settlement)
                .thenThrow(PovmClientException.rejected(
                        new PovmError(ErrorCode.NOT_FOUND, "id", "job flip-1 has not settled"), null));
        final EvidenceReader reader = new EvidenceReader(jobs, slas, mock(WorkerClient.class), Optional.of(credits));

        assertThat(reader.read(SignedJob.JOB_ID).settled()).contains(settlement);
        assertThat(reader.read(SignedJob.JOB_ID).settled()).isEmpty();
    }

    @Test
    void attestations_of_another_job_are_an_internal_error() {
        final JobClient jobs = mock(JobClient.class);
        final SlaClient slas = mock(SlaClient.class);
        when(jobs.get(SignedJob.JOB_ID)).thenReturn(signed.job.withReplicas(List.of()));
        when(slas.get("standard@1")).thenReturn(Sla.proposed(signed.sla, signed.job.submitter(), "t", "tx"));
        when(jobs.attestationsJson(SignedJob.JOB_ID)).thenReturn("{\"jobId\":\"other\",\"reveals\":[]}");

        assertThatThrownBy(() -> new EvidenceReader(jobs, slas, mock(WorkerClient.class)).read(SignedJob.JOB_ID))
                .isInstanceOf(PovmClientException.class)
                .hasMessageContaining("attestations.jobId");
    }
}
