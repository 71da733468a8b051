// SPDX-License-Identifier: Apache-2.0
package io.povm.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobHistory;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.JobVersion;
import io.povm.api.PovmJson;
import io.povm.client.GatewayFailures;
import io.povm.client.PovmChaincode;
import io.povm.client.PovmClientException;
import io.povm.client.TestJobs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobClientTest {
    private final Contract contract = mock(Contract.class);
    private final JobClient jobs = new JobClient(new PovmChaincode(contract, "127.0.0.1:7110"));

    private static byte[] json(final Object value) {
        return PovmJson.write(value).getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class SubmitAll {
        @Test
        void sends_the_specs_as_one_json_array_with_the_lot_and_returns_the_batch() throws Exception {
            final List<JobSpec> specs = List.of(TestJobs.spec("job-1"), TestJobs.spec("job-2"));
            final JobBatch batch = new JobBatch(
                    2, 120_000, "lot-1.0", "tx-9.0", List.of(TestJobs.job("job-1"), TestJobs.job("job-2")));
            when(contract.submitTransaction("SubmitJobs", PovmJson.write(specs), "lot-1.0"))
                    .thenReturn(json(batch));

            assertThat(jobs.submitAll(specs, "lot-1.0")).isEqualTo(batch);
        }

        @Test
        void rejects_an_invalid_spec_locally_naming_its_index_without_calling_the_peer() {
            final JobSpec unpinned = TestJobs.spec("job-2").toBuilder()
                    .image("povm/coinflip:latest")
                    .build();

            assertThatThrownBy(() -> jobs.submitAll(List.of(TestJobs.spec("job-1"), unpinned), ""))
                    .isInstanceOfSatisfying(
                            PovmClientException.class,
                            e -> assertThat(e.error().orElseThrow().field()).isEqualTo("specs[1].image"));
            verifyNoInteractions(contract);
        }
    }

    @Nested
    class Submit {
        @Test
        void sends_the_spec_as_povm_json_and_returns_the_stored_job() throws Exception {
            final JobSpec spec = TestJobs.spec("job-1");
            when(contract.submitTransaction("SubmitJob", PovmJson.write(spec))).thenReturn(json(TestJobs.job("job-1")));

            assertThat(jobs.submit(spec)).isEqualTo(TestJobs.job("job-1"));
        }

        @Test
        void rejects_an_invalid_spec_locally_without_calling_the_peer() {
            final JobSpec unpinned = TestJobs.spec("job-1").toBuilder()
                    .image("povm/coinflip:latest")
                    .build();

            assertThatThrownBy(() -> jobs.submit(unpinned)).isInstanceOfSatisfying(PovmClientException.class, e -> {
                assertThat(e.kind()).isEqualTo(PovmClientException.Kind.REJECTED);
                assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.error().orElseThrow().field()).isEqualTo("image");
            });
            verifyNoInteractions(contract);
        }

        @Test
        void reports_a_duplicate_id_from_the_chaincode() throws Exception {
            final var duplicate =
                    GatewayFailures.endorseRejected("DUPLICATE_ID [id] job-1 exists with a different spec");
            when(contract.submitTransaction(anyString(), any(String[].class))).thenThrow(duplicate);

            assertThatThrownBy(() -> jobs.submit(TestJobs.spec("job-1")))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                            .contains(ErrorCode.DUPLICATE_ID));
        }

        @Test
        void an_unreadable_response_is_internal() throws Exception {
            when(contract.submitTransaction(anyString(), any(String[].class)))
                    .thenReturn("not json".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> jobs.submit(TestJobs.spec("job-1")))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PovmClientException.Kind.INTERNAL);
                        assertThat(e.getMessage()).startsWith("unexpected SubmitJob response from the chaincode");
                    });
        }
    }

    @Nested
    class Get {
        @Test
        void returns_the_job() throws Exception {
            when(contract.evaluateTransaction("GetJob", "job-1")).thenReturn(json(TestJobs.job("job-1")));

            assertThat(jobs.get("job-1")).isEqualTo(TestJobs.job("job-1"));
        }

        @Test
        void a_missing_job_is_rejected_as_not_found() throws Exception {
            final var notFound = GatewayFailures.evaluateRejected("NOT_FOUND [id] no job 'job-2'");
            when(contract.evaluateTransaction("GetJob", "job-2")).thenThrow(notFound);

            assertThatThrownBy(() -> jobs.get("job-2"))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                            .contains(ErrorCode.NOT_FOUND));
        }

        @Test
        void find_turns_not_found_into_empty() throws Exception {
            final var notFound = GatewayFailures.evaluateRejected("NOT_FOUND [id] no job 'job-2'");
            when(contract.evaluateTransaction("GetJob", "job-2")).thenThrow(notFound);

            assertThat(jobs.find("job-2")).isEmpty();
        }

        @Test
        void a_malformed_id_is_rejected_locally() {
            assertThatThrownBy(() -> jobs.get("no spaces please"))
                    .isInstanceOfSatisfying(
                            PovmClientException.class,
                            e -> assertThat(e.error().orElseThrow().field()).isEqualTo("id"));
            verifyNoInteractions(contract);
        }
    }

    @Nested
    class ListJobs {
        @Test
        void passes_page_size_and_bookmark_and_reads_the_page() throws Exception {
            final JobPage page = new JobPage(List.of(TestJobs.job("a"), TestJobs.job("b")), "b");
            when(contract.evaluateTransaction("ListJobs", "2", "")).thenReturn(json(page));

            assertThat(jobs.list(2, "")).isEqualTo(page);
        }

        @Test
        void rejects_a_page_size_out_of_range() {
            assertThatThrownBy(() -> jobs.list(201, "")).isInstanceOfSatisfying(PovmClientException.class, e -> {
                assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.error().orElseThrow().field()).isEqualTo("pageSize");
            });
            assertThatThrownBy(() -> jobs.list(0, "")).isInstanceOf(PovmClientException.class);
            verifyNoInteractions(contract);
        }
    }

    @Nested
    class Cancel {
        @Test
        void submits_cancel_job_with_id_and_reason_and_returns_the_cancelled_job() throws Exception {
            final Job cancelled = TestJobs.cancelled("job-1", "wrong seed");
            when(contract.submitTransaction("CancelJob", "job-1", "wrong seed")).thenReturn(json(cancelled));

            assertThat(jobs.cancel("job-1", "wrong seed")).isEqualTo(cancelled);
        }

        @Test
        void reports_the_chaincodes_refusal() throws Exception {
            final var forbidden = GatewayFailures.endorseRejected(
                    "FORBIDDEN [caller] CancelJob is allowed only to the job's submitter");
            when(contract.submitTransaction(anyString(), any(String[].class))).thenThrow(forbidden);

            assertThatThrownBy(() -> jobs.cancel("job-1", ""))
                    .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                            .contains(ErrorCode.FORBIDDEN));
        }

        @Test
        void rejects_a_malformed_id_or_reason_locally() {
            assertThatThrownBy(() -> jobs.cancel("a b", ""))
                    .isInstanceOfSatisfying(
                            PovmClientException.class,
                            e -> assertThat(e.error().orElseThrow().field()).isEqualTo("id"));
            assertThatThrownBy(() -> jobs.cancel("job-1", "r".repeat(257)))
                    .isInstanceOfSatisfying(
                            PovmClientException.class,
                            e -> assertThat(e.error().orElseThrow().field()).isEqualTo("reason"));
            assertThatThrownBy(() -> jobs.cancel("job-1", "two\nlines")).isInstanceOf(PovmClientException.class);
            verifyNoInteractions(contract);
        }
    }

    @Nested
    class Listings {
        private final JobPage page = new JobPage(List.of(TestJobs.job("a")), "Yg");

        @Test
        void by_state_evaluates_list_jobs_by_state() throws Exception {
            when(contract.evaluateTransaction("ListJobsByState", "SUBMITTED", "10", ""))
                    .thenReturn(json(page));

            assertThat(jobs.listByState(JobState.SUBMITTED, 10, "")).isEqualTo(page);
        }

        @Test
        void by_submitter_passes_msp_and_id() throws Exception {
            when(contract.evaluateTransaction("ListJobsBySubmitter", "Org1MSP", "x509::u", "10", "Yg"))
                    .thenReturn(json(page));

            assertThat(jobs.listBySubmitter("Org1MSP", "x509::u", 10, "Yg")).isEqualTo(page);
        }

        @Test
        void mine_passes_empty_ids() throws Exception {
            when(contract.evaluateTransaction("ListJobsBySubmitter", "", "", "50", ""))
                    .thenReturn(json(page));

            assertThat(jobs.listMine(50, "")).isEqualTo(page);
        }

        @Test
        void rejects_a_page_size_out_of_range_locally() {
            assertThatThrownBy(() -> jobs.listByState(JobState.SUBMITTED, 0, ""))
                    .isInstanceOf(PovmClientException.class);
            assertThatThrownBy(() -> jobs.listMine(201, "")).isInstanceOf(PovmClientException.class);
            verifyNoInteractions(contract);
        }
    }

    @Nested
    class History {
        @Test
        void evaluates_get_job_history_and_reads_the_versions() throws Exception {
            final JobHistory history = new JobHistory(
                    "job-1", List.of(new JobVersion("tx-1", "2026-11-20T10:00:00.123Z", false, TestJobs.job("job-1"))));
            when(contract.evaluateTransaction("GetJobHistory", "job-1")).thenReturn(json(history));

            assertThat(jobs.history("job-1")).isEqualTo(history);
        }
    }

    @Test
    void jobs_read_from_json_equal_the_originals() {
        final Job job = TestJobs.job("job-1");

        assertThat(PovmJson.read(PovmJson.write(job), Job.class)).isEqualTo(job);
    }
}
