// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ContractFixtures.FLIP_1_JOB;
import static io.povm.chaincode.ContractFixtures.JOB_KEY;
import static io.povm.chaincode.ContractFixtures.SUBMITTED_INDEX_KEY;
import static io.povm.chaincode.ContractFixtures.SUBMITTER_INDEX_KEY;
import static io.povm.chaincode.ContractFixtures.bytes;
import static io.povm.chaincode.LedgerFake.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Redundancy;
import io.povm.api.SlaRef;
import io.povm.api.Specs;
import io.povm.api.Verdict;
import io.povm.api.beacon.JobAudit;
import io.povm.api.beacon.RoundHeader;
import io.povm.chaincode.credit.CreditLedger;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.sla.SlaLedger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SubmitJob, GetJob, ListJobs and unknown transactions on a mocked stub (see {@link LedgerFake}). */
class PovmContractTransactionsTest {
    private final PovmContract contract = new PovmContract();
    private static final String ESCROW_KEY = CreditLedger.escrowKey("flip-1");
    private static final String SUBMITTER_ACCOUNT_KEY =
            CreditLedger.accountKey(Signer.SUBMITTER.msp(), Signer.SUBMITTER.id());

    private final LedgerFake ledger = new LedgerFake();

    private void submitted(final String... ids) {
        for (String id : ids) {
            contract.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("id", id)));
        }
    }

    @Nested
    class SubmitJob {

        @Test
        void writes_the_job_key_its_two_index_keys_and_one_event_with_the_job_bytes() {
            final String result = contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            assertThat(result).isEqualTo(FLIP_1_JOB);
            verify(ledger.stub).putState(JOB_KEY, bytes(FLIP_1_JOB));
            verify(ledger.stub).putState(SUBMITTED_INDEX_KEY, new byte[] {0});
            verify(ledger.stub).putState(SUBMITTER_INDEX_KEY, new byte[] {0});
            verify(ledger.stub).putState(eq(ESCROW_KEY), any());
            verify(ledger.stub).putState(eq(SUBMITTER_ACCOUNT_KEY), any());
            verify(ledger.stub)
                    .putState(
                            new CompositeKey("beacon-job", "flip-1").toString(), "1".getBytes(StandardCharsets.UTF_8));
            verify(ledger.stub, times(6)).putState(anyString(), any());
            verify(ledger.stub).setEvent("JobSubmitted", bytes(FLIP_1_JOB));
            verify(ledger.stub).setEvent(anyString(), any());
            verify(ledger.stub, never()).delState(anyString());
        }

        @Test
        void reads_only_its_own_keys_its_sla_and_its_submitters_account_so_only_one_identitys_submissions_conflict() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            verify(ledger.stub).getState(JOB_KEY);
            verify(ledger.stub)
                    .getState(new CompositeKey("customer-record", Signer.SUBMITTER.msp(), Signer.SUBMITTER.id())
                            .toString());
            verify(ledger.stub).getState(SlaLedger.key(SlaRef.parse("standard@1", "sla")));
            verify(ledger.stub).getState(ESCROW_KEY);
            verify(ledger.stub).getState(SUBMITTER_ACCOUNT_KEY);
            verify(ledger.stub).getState(new CompositeKey("beacon-latest").toString());
            // the clock's epoch bounds the submission's timestamp; it changes about once a minute, never per tick
            verify(ledger.stub).getState(new CompositeKey("clock-epoch").toString());
            verify(ledger.stub, times(7)).getState(anyString());
            verify(ledger.stub, never()).getStateByPartialCompositeKey(any(CompositeKey.class));
            verify(ledger.stub, never()).getStateByPartialCompositeKeyWithPagination(any(), anyInt(), anyString());
        }

        @Test
        void stores_the_same_bytes_for_a_spec_written_differently() {
            final String reordered = "{\"deadline\":\"" + Specs.DEADLINE + "\",\"redundancy\":{\"replicas\":3,"
                    + "\"mode\":\"k-vote\"},\"sla\":\"standard@1\",\"env\":{\"SEED\":\"7\"},\"command\":[\"coinflip\","
                    + "\"--k\",\"5\"],\n  \"image\":\"" + Specs.IMAGE + "\",\"id\":\"flip-1\"}";

            assertThat(contract.SubmitJob(ledger.ctx, reordered)).isEqualTo(FLIP_1_JOB);
            verify(ledger.stub).putState(JOB_KEY, bytes(FLIP_1_JOB));
        }

        @Test
        void stores_iterative_redundancy_inputs_and_resources_as_given() {
            final JobSpec spec = Specs.builder()
                    .redundancy(Redundancy.iterative(2, 3, 9))
                    .inputs(List.of(io.povm.api.JobInput.inline("seed.txt", "Nwo=")))
                    .resources(new io.povm.api.JobResources(500, null))
                    .build();

            final Job job = PovmJson.read(contract.SubmitJob(ledger.ctx, PovmJson.write(spec)), Job.class);

            assertThat(job.spec()).isEqualTo(spec);
            assertThat(ledger.text(JOB_KEY))
                    .contains("\"redundancy\":{\"mode\":\"iterative\",\"margin\":2,\"minReplicas\":3,\"cap\":9}")
                    .contains("\"resources\":{\"cpuMillis\":500}");
        }

        @Test
        void takes_the_time_from_the_transaction_timestamp_with_millis() {
            ledger.transaction("tx-1", Instant.parse("2026-11-20T10:04:05Z"));

            final Job job = PovmJson.read(contract.SubmitJob(ledger.ctx, Specs.VALID_JSON), Job.class);

            assertThat(job.submittedAt()).isEqualTo("2026-11-20T10:04:05.000Z");
            assertThat(job.stateChangedAt()).isEqualTo(job.submittedAt());
        }

        @ParameterizedTest(name = "{0} is rejected at [{2}]")
        @MethodSource("io.povm.api.InvalidSpecs#rules")
        void rejects_a_broken_rule_naming_the_field_and_writes_nothing(
                final String what, final String json, final String field) {
            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, json));

            assertThat(error.code()).as(what).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).as(what).isEqualTo(field);
            ledger.assertNothingWritten();
        }

        @ParameterizedTest(name = "submitted at {0}")
        @ValueSource(strings = {"2026-11-20T10:59:00.001Z", "2026-11-20T11:00:00Z", "2026-11-13T10:59:59.999Z"})
        void rejects_a_deadline_less_than_60_s_or_more_than_7_days_after_the_transaction_timestamp(final String at) {
            ledger.transaction("tx-1", Instant.parse(at));

            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("deadline");
            assertThat(error.reason()).contains("the submission at " + at);
            ledger.assertNothingWritten();
        }

        @Test
        void accepts_a_deadline_exactly_60_s_or_7_days_after_the_transaction_timestamp() {
            ledger.transaction("tx-1", Instant.parse("2026-11-20T10:59:00Z"));
            assertThat(contract.SubmitJob(ledger.ctx, Specs.VALID_JSON)).contains("\"state\":\"SUBMITTED\"");

            ledger.transaction("tx-2", Instant.parse("2026-11-13T11:00:00Z"));
            assertThat(contract.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("id", "flip-2"))))
                    .contains("\"state\":\"SUBMITTED\"");
        }

        @Test
        void rejects_an_unknown_field_by_name() {
            final PovmError error =
                    errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("colour", "red"))));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [colour] unknown field; accepted: id, image, command, env, inputs,"
                            + " resources, sla, redundancy, deadline");
            ledger.assertNothingWritten();
        }

        @Test
        void rejects_text_that_is_not_json() {
            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, "please run flip-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("spec");
            ledger.assertNothingWritten();
        }

        @Test
        void rejects_a_spec_larger_than_64_kib_before_parsing_it() {
            final String padded = Specs.edited(s -> s.put("id", "x".repeat(70_000)));

            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, padded));

            assertThat(error.field()).isEqualTo("spec");
            assertThat(error.reason()).contains("at most 65536 bytes");
            ledger.assertNothingWritten();
        }

        @Test
        void forbids_an_admin_identity_naming_the_rule() {
            ledger.signedBy(Signer.ORG_ADMIN);

            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] SubmitJob requires a client identity (OU=client); caller has"
                            + " OU=admin");
            ledger.assertNothingWritten();
        }

        @Test
        void forbids_an_identity_without_any_ou() {
            ledger.signedBy(new Signer("no role", "Org1MSP", "CN=someone, O=Org1", "x509::CN=someone::CN=ca"));

            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).endsWith("caller has no OU");
            ledger.assertNothingWritten();
        }

        @Test
        void returns_the_stored_job_and_writes_nothing_when_the_same_caller_resubmits_the_same_spec() {
            contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            ledger.transaction("tx-2", Instant.parse("2026-11-20T10:59:30Z"));

            final String result = contract.SubmitJob(ledger.ctx, Specs.VALID_JSON);

            assertThat(result).isEqualTo(FLIP_1_JOB);
            ledger.assertNothingWritten();
        }

        @Test
        void rejects_a_different_spec_under_an_existing_id() {
            ledger.committed(JOB_KEY, FLIP_1_JOB);

            final PovmError error = errorOf(() -> contract.SubmitJob(
                    ledger.ctx, Specs.edited(s -> Specs.env(s).put("SEED", "8"))));

            assertThat(error.toMessage())
                    .isEqualTo("DUPLICATE_ID [id] job 'flip-1' already exists (submitted by Org1MSP at"
                            + " 2026-11-20T10:00:00.123Z); choose another id");
            ledger.assertNothingWritten();
        }

        @Test
        void rejects_the_same_spec_from_another_identity() {
            ledger.committed(JOB_KEY, FLIP_1_JOB);
            ledger.signedBy(Signer.SAME_ORG_CLIENT);

            assertThat(errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.VALID_JSON))
                            .code())
                    .isEqualTo(ErrorCode.DUPLICATE_ID);
            ledger.assertNothingWritten();
        }

        @Test
        void reports_a_ledger_failure_as_internal_without_details() {
            when(ledger.stub.getState(JOB_KEY)).thenThrow(new IllegalStateException("peer went away"));

            final PovmError error = errorOf(() -> contract.SubmitJob(ledger.ctx, Specs.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(error.field()).isEqualTo(PovmError.NO_FIELD);
            assertThat(error.reason()).doesNotContain("peer went away");
            ledger.assertNothingWritten();
        }
    }

    @Nested
    class RandomAudit {
        private final Signer nonMember =
                new Signer("non-member", "Org4MSP", "CN=User1@org4.example.com, OU=client", "x509::CN=u4::CN=ca.org4");

        private void members() {
            ledger.committed(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        }

        /** flip-1 with a soft verdict whose audit round 1 is open. */
        private void softWithOpenAuditRound() {
            members();
            final Verdict verdict = new Verdict(
                    Verdict.SOFT,
                    "a".repeat(64),
                    "2026-11-20T10:10:00.000Z",
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "test verdict");
            final Job soft = PovmJson.read(FLIP_1_JOB, Job.class)
                    .withState(JobState.RESOLVED_SOFT, "2026-11-20T10:10:00.000Z", Optional.empty())
                    .withResolution(Job.Resolution.NONE.withVerdict(verdict, Optional.of("2026-11-20T10:11:00.000Z")));
            ledger.committed(JOB_KEY, PovmJson.write(soft));
            ledger.committed(new CompositeKey("beacon-audit", "flip-1").toString(), "1");
            ledger.committed(
                    new CompositeKey("beacon-round", "000000000001").toString(),
                    PovmJson.write(new RoundHeader(
                            1, List.of(), 2, "t", "Org1MSP", "tx", "t", "t", "t", "00", "povm", List.of(), "00", 0, 1,
                            1, 1)));
        }

        @Test
        void a_job_without_a_soft_verdict_is_not_audited_and_nothing_is_written() {
            members();
            submitted("flip-1");
            ledger.transaction("tx-audit", Instant.parse("2026-11-20T10:30:00Z"));

            final PovmError error = errorOf(() -> contract.AuditJob(ledger.ctx, "flip-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("audit");
            assertThat(error.reason()).contains("is not to be audited").contains("no soft verdict");
            ledger.assertNothingWritten();
            assertThat(PovmJson.read(contract.GetJobAudit(ledger.ctx, "flip-1"), JobAudit.class)
                            .state())
                    .isEqualTo(JobAudit.NONE);
        }

        @Test
        void only_a_member_orgs_identity_may_start_an_audit() {
            softWithOpenAuditRound();
            ledger.transaction("tx-audit", Instant.parse("2026-11-20T10:30:00Z"))
                    .signedBy(nonMember);

            final PovmError error = errorOf(() -> contract.AuditJob(ledger.ctx, "flip-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            ledger.assertNothingWritten();
        }

        @Test
        void finalize_waits_while_the_audit_round_is_open_and_says_why() {
            softWithOpenAuditRound();
            ledger.transaction("tx-finalize", Instant.parse("2026-11-20T10:30:00Z"));

            final PovmError error = errorOf(() -> contract.FinalizeJob(ledger.ctx, "flip-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(error.field()).isEqualTo("audit");
            assertThat(error.reason()).contains("waits for its random audit").contains("beacon round 1 is open");
            ledger.assertNothingWritten();
            final JobAudit audit = PovmJson.read(contract.GetJobAudit(ledger.ctx, "flip-1"), JobAudit.class);
            assertThat(audit.state()).isEqualTo(JobAudit.OPEN);
            assertThat(audit.round()).isEqualTo(1L);
        }
    }

    @Nested
    class GetJob {

        @Test
        void returns_the_stored_job() {
            ledger.committed(JOB_KEY, FLIP_1_JOB);

            assertThat(contract.GetJob(ledger.ctx, "flip-1")).isEqualTo(FLIP_1_JOB);
        }

        @Test
        void reports_a_missing_job_as_not_found() {
            final PovmError error = errorOf(() -> contract.GetJob(ledger.ctx, "flip-2"));

            assertThat(error.toMessage()).isEqualTo("NOT_FOUND [id] job 'flip-2' does not exist");
        }

        @Test
        void rejects_a_malformed_id_without_reading_the_ledger() {
            final PovmError error = errorOf(() -> contract.GetJob(ledger.ctx, "../etc"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("id");
            verify(ledger.stub, never()).getState(anyString());
        }
    }

    @Nested
    class ListJobs {

        @Test
        void returns_a_full_page_with_a_printable_bookmark_and_closes_the_iterator() {
            submitted("job-0", "job-1", "job-2");

            final JobPage page = PovmJson.read(contract.ListJobs(ledger.ctx, "2", ""), JobPage.class);

            assertThat(page.jobs()).extracting(Job::id).containsExactly("job-0", "job-1");
            assertThat(page.count()).isEqualTo(2);
            assertThat(page.bookmark()).matches("[A-Za-z0-9_-]+");
            assertThat(ledger.iteratorsClosed).isEqualTo(ledger.iteratorsOpened).isEqualTo(1);
        }

        @Test
        void continues_from_the_bookmark_and_ends_with_an_empty_one() {
            submitted("job-0", "job-1", "job-2");
            final JobPage first = PovmJson.read(contract.ListJobs(ledger.ctx, "2", ""), JobPage.class);

            final JobPage last = PovmJson.read(contract.ListJobs(ledger.ctx, "2", first.bookmark()), JobPage.class);

            assertThat(last.jobs()).extracting(Job::id).containsExactly("job-2");
            assertThat(last.bookmark()).isEmpty();
            assertThat(last.hasMore()).isFalse();
        }

        @Test
        void lists_only_jobs_never_their_index_keys() {
            submitted("job-0");

            assertThat(PovmJson.read(contract.ListJobs(ledger.ctx, "200", ""), JobPage.class)
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void queries_the_job_keys_with_the_given_size_and_the_decoded_bookmark() {
            final String bookmark = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(bytes("\u0000job\u0000job-7\u0000"));

            assertThat(contract.ListJobs(ledger.ctx, "200", bookmark))
                    .isEqualTo("{\"jobs\":[],\"bookmark\":\"\",\"count\":0}");
            verify(ledger.stub)
                    .getStateByPartialCompositeKeyWithPagination(
                            org.mockito.ArgumentMatchers.argThat(
                                    key -> key.toString().equals("\u0000job\u0000")),
                            org.mockito.ArgumentMatchers.eq(200),
                            org.mockito.ArgumentMatchers.eq("\u0000job\u0000job-7\u0000"));
        }

        @ParameterizedTest(name = "bookmark \"{0}\" is rejected")
        @ValueSource(strings = {"bm-1!", "AAAA", "not base64", "AGpvYi1ieS1zdGF0ZQBTVUJNSVRURUQA"})
        void rejects_a_bookmark_this_listing_did_not_return(final String bookmark) {
            final PovmError error = errorOf(() -> contract.ListJobs(ledger.ctx, "5", bookmark));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("bookmark");
        }

        @ParameterizedTest(name = "page size \"{0}\" is rejected")
        @ValueSource(strings = {"0", "201", "-1", "", " 5", "5.0", "1e2", "abc", "0010", "99999999999"})
        void rejects_a_page_size_outside_1_to_200(final String pageSize) {
            final PovmError error = errorOf(() -> contract.ListJobs(ledger.ctx, pageSize, ""));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("pageSize");
            verify(ledger.stub, never()).getStateByPartialCompositeKeyWithPagination(any(), anyInt(), anyString());
        }

        @ParameterizedTest(name = "page size {0} is accepted")
        @ValueSource(strings = {"1", "50", "200"})
        void accepts_page_sizes_from_1_to_200(final String pageSize) {
            assertThat(PovmJson.read(contract.ListJobs(ledger.ctx, pageSize, ""), JobPage.class)
                            .count())
                    .isZero();
        }
    }

    @Nested
    class UnknownTransaction {

        @Test
        void names_the_accepted_transactions() {
            final PovmError error = errorOf(() -> contract.unknownTransaction(ledger.ctx));

            assertThat(error.toMessage())
                    .isEqualTo(
                            "INVALID_ARGUMENT [function] unknown transaction; accepted: SubmitJob, SubmitJobs, CancelJob, AssignJob,"
                                    + " AcknowledgeReplica, ExpireLease, ReleaseReplica, CommitResult, RevealResult,"
                                    + " AdvanceJob, ChallengeJob, AuditJob, FinalizeJob, ExpireJob, GetAttestations, GetJobAudit,"
                                    + " GetCustomerRecord, GetJob,"
                                    + " ListJobs, ListJobsByState, ListJobsBySubmitter, ListJobsByWorker, GetJobHistory");
        }
    }
}
