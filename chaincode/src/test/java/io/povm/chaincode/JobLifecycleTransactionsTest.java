// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ContractFixtures.CANCELLED_INDEX_KEY;
import static io.povm.chaincode.ContractFixtures.FLIP_1_JOB;
import static io.povm.chaincode.ContractFixtures.JOB_KEY;
import static io.povm.chaincode.ContractFixtures.LATER;
import static io.povm.chaincode.ContractFixtures.SUBMITTED_INDEX_KEY;
import static io.povm.chaincode.ContractFixtures.SUBMITTER_INDEX_KEY;
import static io.povm.chaincode.ContractFixtures.bytes;
import static io.povm.chaincode.LedgerFake.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.chaincode.credit.CreditLedger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CancelJob and the index and history queries on a mocked stub (see {@link LedgerFake}). */
class JobLifecycleTransactionsTest {
    private final PovmContract contract = new PovmContract();
    private final LedgerFake ledger = new LedgerFake();

    /** Submits jobs as the current signer, one transaction each. */
    private void submitted(final String... ids) {
        for (String id : ids) {
            ledger.transaction("tx-" + id, Specs.SUBMITTED_AT);
            contract.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("id", id)));
        }
    }

    private Job cancel(final String id, final String reason) {
        ledger.transaction("tx-cancel-" + id, LATER);
        return PovmJson.read(contract.CancelJob(ledger.ctx, id, reason), Job.class);
    }

    @Nested
    class CancelJob {

        @Test
        void the_submitter_cancels_a_submitted_job_recording_reason_and_time() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            final Job cancelled = cancel("flip-1", "wrong seed");

            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            assertThat(cancelled.stateReason()).contains("wrong seed");
            assertThat(cancelled.stateChangedAt()).isEqualTo("2026-11-20T10:05:00.000Z");
            assertThat(cancelled.submittedAt()).isEqualTo("2026-11-20T10:00:00.123Z");
            assertThat(cancelled.submitTxId()).isEqualTo("tx-1");
        }

        @Test
        void writes_the_job_moves_its_state_index_key_and_emits_one_event_with_the_job_bytes() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", LATER);

            final String result = contract.CancelJob(ledger.ctx, "flip-1", "wrong seed");

            verify(ledger.stub).putState(JOB_KEY, bytes(result));
            verify(ledger.stub).delState(SUBMITTED_INDEX_KEY);
            verify(ledger.stub).putState(CANCELLED_INDEX_KEY, new byte[] {0});
            verify(ledger.stub).putState(eq(CreditLedger.settlementKey("flip-1")), any());
            verify(ledger.stub)
                    .putState(eq(CreditLedger.accountKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id())), any());
            verify(ledger.stub, times(4)).putState(anyString(), any());
            verify(ledger.stub).delState(CreditLedger.escrowKey("flip-1"));
            verify(ledger.stub, times(2)).delState(anyString());
            verify(ledger.stub).setEvent("JobCancelled", bytes(result));
            verify(ledger.stub).setEvent(anyString(), any());
            assertThat(ledger.state).containsKeys(JOB_KEY, CANCELLED_INDEX_KEY, SUBMITTER_INDEX_KEY);
            assertThat(ledger.state).doesNotContainKey(SUBMITTED_INDEX_KEY);
        }

        @Test
        void an_empty_reason_records_none() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            final Job cancelled = cancel("flip-1", "");

            assertThat(cancelled.stateReason()).isEmpty();
            assertThat(PovmJson.write(cancelled)).doesNotContain("stateReason");
        }

        @Test
        void another_client_of_the_same_org_is_forbidden_naming_the_rule() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", LATER).signedBy(Signer.SAME_ORG_CLIENT);

            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", "mine now"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.field()).isEqualTo("caller");
            assertThat(error.reason())
                    .startsWith("CancelJob is allowed only to the job's submitter (same MSP and identity): job 'flip-1'"
                            + " was submitted by Org1MSP " + Signer.SUBMITTER.id())
                    .endsWith("caller is Org1MSP " + Signer.SAME_ORG_CLIENT.id());
            ledger.assertNothingWritten();
        }

        @Test
        void the_same_subject_from_another_msp_is_forbidden() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            final Signer impostor =
                    new Signer("impostor", "Org2MSP", Signer.SUBMITTER.subject(), Signer.SUBMITTER.id());
            ledger.transaction("tx-2", LATER).signedBy(impostor);

            assertThat(errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", ""))
                            .code())
                    .isEqualTo(ErrorCode.FORBIDDEN);
            ledger.assertNothingWritten();
        }

        @Test
        void a_cancelled_job_cannot_be_cancelled_again() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            cancel("flip-1", "once");
            ledger.transaction("tx-3", LATER);

            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", "twice"));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [state] job 'flip-1' is CANCELLED: event CANCEL is not allowed; allowed"
                            + " events: none, CANCELLED is final");
            ledger.assertNothingWritten();
        }

        @Test
        void an_assigned_job_cannot_be_cancelled() {
            ledger.committed(JOB_KEY, FLIP_1_JOB.replace("\"state\":\"SUBMITTED\"", "\"state\":\"ASSIGNED\""));

            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", ""));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_STATE [state] job 'flip-1' is ASSIGNED: event CANCEL is not allowed; allowed"
                            + " events: START, REASSIGN, EXPIRE, FAIL");
            ledger.assertNothingWritten();
        }

        @Test
        void a_missing_job_is_not_found() {
            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-9", ""));

            assertThat(error.toMessage()).isEqualTo("NOT_FOUND [id] job 'flip-9' does not exist");
            ledger.assertNothingWritten();
        }

        @ParameterizedTest(name = "reason of {0} chars")
        @ValueSource(ints = {257, 1000})
        void rejects_a_reason_over_256_chars(final int length) {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", LATER);

            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", "r".repeat(length)));

            assertThat(error.field()).isEqualTo("reason");
            ledger.assertNothingWritten();
        }

        @Test
        void rejects_a_reason_with_a_line_break_and_a_malformed_id() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", LATER);

            assertThat(errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", "a\nb"))
                            .field())
                    .isEqualTo("reason");
            assertThat(errorOf(() -> contract.CancelJob(ledger.ctx, "flip/1", ""))
                            .field())
                    .isEqualTo("id");
            ledger.assertNothingWritten();
        }

        @ParameterizedTest(name = "reason {0}")
        @ValueSource(strings = {"wrong seed \ud800", "wrong seed \ufffd"})
        void rejects_a_reason_that_would_not_be_stored_exactly(final String reason) {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", LATER);

            final PovmError error = errorOf(() -> contract.CancelJob(ledger.ctx, "flip-1", reason));

            assertThat(error.field()).isEqualTo("reason");
            ledger.assertNothingWritten();
        }

        @Test
        void accepts_a_reason_of_256_chars() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            assertThat(cancel("flip-1", "r".repeat(256)).stateReason())
                    .hasValueSatisfying(r -> assertThat(r).hasSize(256));
        }
    }

    @Nested
    class ListJobsByState {

        @Test
        void lists_the_jobs_in_a_state_through_the_index_and_follows_cancellations() {
            submitted("job-a", "job-b", "job-c");
            cancel("job-b", "");

            final JobPage submitted =
                    PovmJson.read(contract.ListJobsByState(ledger.ctx, "SUBMITTED", "50", ""), JobPage.class);
            final JobPage cancelled =
                    PovmJson.read(contract.ListJobsByState(ledger.ctx, "CANCELLED", "50", ""), JobPage.class);

            assertThat(submitted.jobs()).extracting(Job::id).containsExactly("job-a", "job-c");
            assertThat(cancelled.jobs()).extracting(Job::id).containsExactly("job-b");
            assertThat(cancelled.jobs().get(0).state()).isEqualTo(JobState.CANCELLED);
            assertThat(ledger.iteratorsClosed).isEqualTo(ledger.iteratorsOpened);
        }

        @Test
        void pages_with_a_bookmark_that_only_this_listing_accepts() {
            submitted("job-a", "job-b", "job-c");
            final JobPage first =
                    PovmJson.read(contract.ListJobsByState(ledger.ctx, "SUBMITTED", "2", ""), JobPage.class);

            final JobPage second = PovmJson.read(
                    contract.ListJobsByState(ledger.ctx, "SUBMITTED", "2", first.bookmark()), JobPage.class);

            assertThat(first.jobs()).extracting(Job::id).containsExactly("job-a", "job-b");
            assertThat(second.jobs()).extracting(Job::id).containsExactly("job-c");
            assertThat(second.bookmark()).isEmpty();
            assertThat(errorOf(() -> contract.ListJobsByState(ledger.ctx, "CANCELLED", "2", first.bookmark()))
                            .toMessage())
                    .startsWith("INVALID_ARGUMENT [bookmark] belongs to another listing");
            assertThat(errorOf(() -> contract.ListJobs(ledger.ctx, "2", first.bookmark()))
                            .field())
                    .isEqualTo("bookmark");
        }

        @Test
        void an_empty_state_has_an_empty_page() {
            submitted("job-a");

            assertThat(contract.ListJobsByState(ledger.ctx, "FINALIZED", "50", ""))
                    .isEqualTo("{\"jobs\":[],\"bookmark\":\"\",\"count\":0}");
        }

        @ParameterizedTest(name = "state \"{0}\" is rejected")
        @ValueSource(strings = {"", "submitted", "DONE", "SUBMITTED "})
        void rejects_an_unknown_state_listing_the_states(final String state) {
            final PovmError error = errorOf(() -> contract.ListJobsByState(ledger.ctx, state, "50", ""));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [state] must be one of: SUBMITTED, ASSIGNED, RUNNING,"
                            + " RESULTS_PENDING, RESOLVED_SOFT, CHALLENGED, RESOLVING, RESOLVED_FIRM, FINALIZED,"
                            + " CANCELLED, EXPIRED, FAILED");
        }

        @Test
        void rejects_a_bad_page_size() {
            assertThat(errorOf(() -> contract.ListJobsByState(ledger.ctx, "SUBMITTED", "0", ""))
                            .field())
                    .isEqualTo("pageSize");
        }
    }

    @Nested
    class ListJobsBySubmitter {

        @Test
        void empty_ids_list_the_callers_own_jobs() {
            submitted("job-a", "job-c");
            ledger.signedBy(Signer.OTHER_ORG_CLIENT);
            submitted("job-b");
            ledger.signedBy(Signer.SUBMITTER);

            final JobPage mine =
                    PovmJson.read(contract.ListJobsBySubmitter(ledger.ctx, "", "", "50", ""), JobPage.class);

            assertThat(mine.jobs()).extracting(Job::id).containsExactly("job-a", "job-c");
            assertThat(ledger.iteratorsClosed).isEqualTo(ledger.iteratorsOpened);
        }

        @Test
        void anyone_lists_a_named_submitters_jobs_cancelled_ones_included() {
            submitted("job-a", "job-b");
            cancel("job-a", "");
            ledger.signedBy(Signer.OTHER_ORG_CLIENT);

            final JobPage theirs = PovmJson.read(
                    contract.ListJobsBySubmitter(ledger.ctx, "Org1MSP", Signer.SUBMITTER.id(), "50", ""),
                    JobPage.class);

            assertThat(theirs.jobs()).extracting(Job::id).containsExactly("job-a", "job-b");
            assertThat(theirs.jobs())
                    .extracting(Job::submitter)
                    .containsOnly(new Submitter("Org1MSP", Signer.SUBMITTER.id()));
            assertThat(contract.ListJobsBySubmitter(ledger.ctx, "Org2MSP", Signer.SUBMITTER.id(), "50", ""))
                    .isEqualTo("{\"jobs\":[],\"bookmark\":\"\",\"count\":0}");
        }

        @Test
        void pages_with_a_bookmark() {
            submitted("job-a", "job-b", "job-c");

            final JobPage first =
                    PovmJson.read(contract.ListJobsBySubmitter(ledger.ctx, "", "", "2", ""), JobPage.class);
            final JobPage second = PovmJson.read(
                    contract.ListJobsBySubmitter(ledger.ctx, "", "", "2", first.bookmark()), JobPage.class);

            assertThat(List.of(first.count(), second.count())).containsExactly(2, 1);
            assertThat(second.jobs()).extracting(Job::id).containsExactly("job-c");
        }

        @Test
        void an_msp_without_an_id_must_be_the_callers_own() {
            final PovmError error = errorOf(() -> contract.ListJobsBySubmitter(ledger.ctx, "Org2MSP", "", "50", ""));

            assertThat(error.field()).isEqualTo("msp");
            assertThat(PovmJson.read(contract.ListJobsBySubmitter(ledger.ctx, "Org1MSP", "", "50", ""), JobPage.class)
                            .count())
                    .isZero();
        }

        @Test
        void rejects_a_malformed_msp_or_id() {
            assertThat(errorOf(() -> contract.ListJobsBySubmitter(ledger.ctx, "Org 1", "x509::a", "50", ""))
                            .field())
                    .isEqualTo("msp");
            assertThat(errorOf(() -> contract.ListJobsBySubmitter(ledger.ctx, "Org1MSP", "x\u0000y", "50", ""))
                            .field())
                    .isEqualTo("submitterId");
        }
    }

    @Nested
    class GetJobHistory {

        @Test
        void returns_every_version_newest_first_with_tx_ids_and_timestamps() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            cancel("flip-1", "done");

            final JobHistory history = PovmJson.read(contract.GetJobHistory(ledger.ctx, "flip-1"), JobHistory.class);

            assertThat(history.id()).isEqualTo("flip-1");
            assertThat(history.count()).isEqualTo(2);
            assertThat(history.versions().get(0).txId()).isEqualTo("tx-cancel-flip-1");
            assertThat(history.versions().get(0).timestamp()).isEqualTo("2026-11-20T10:05:00.000Z");
            assertThat(history.versions().get(0).job().orElseThrow().state()).isEqualTo(JobState.CANCELLED);
            assertThat(history.versions().get(1).txId()).isEqualTo("tx-1");
            assertThat(history.versions().get(1).timestamp()).isEqualTo("2026-11-20T10:00:00.123Z");
            assertThat(PovmJson.write(history.versions().get(1).job().orElseThrow()))
                    .isEqualTo(FLIP_1_JOB);
            assertThat(ledger.iteratorsClosed).isEqualTo(ledger.iteratorsOpened);
        }

        @Test
        void reads_the_job_key_history_only() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            contract.GetJobHistory(ledger.ctx, "flip-1");

            verify(ledger.stub).getHistoryForKey(JOB_KEY);
            verify(ledger.stub).getHistoryForKey(anyString());
        }

        @Test
        void a_job_without_history_is_not_found() {
            assertThat(errorOf(() -> contract.GetJobHistory(ledger.ctx, "flip-9"))
                            .toMessage())
                    .isEqualTo("NOT_FOUND [id] job 'flip-9' does not exist");
            assertThat(ledger.iteratorsClosed).isEqualTo(1);
        }

        @Test
        void rejects_a_malformed_id() {
            assertThat(errorOf(() -> contract.GetJobHistory(ledger.ctx, "")).field())
                    .isEqualTo("id");
        }
    }
}
