package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PovmContractTransactionsTest {
    private static final String USER1_SUBJECT =
            "CN=User1@org1.example.com, OU=client, L=San Francisco, ST=California, C=US";
    private static final String USER1_ID = "x509::CN=User1@org1.example.com,OU=client::CN=ca.org1.example.com";
    private static final String JOB_KEY = "\u0000job\u0000flip-1\u0000";

    /** The stored form of the documented example, submitted by User1 of Org1 in transaction tx-1. */
    private static final String FLIP_1_JOB = "{\"spec\":" + Specs.VALID_JSON + ",\"state\":\"SUBMITTED\","
            + "\"submitter\":{\"msp\":\"Org1MSP\",\"id\":\"" + USER1_ID + "\"},"
            + "\"submittedAt\":\"2026-11-20T10:00:00.123Z\",\"submitTxId\":\"tx-1\"}";

    private final PovmContract contract = new PovmContract();

    @Mock
    private Context ctx;

    @Mock
    private ChaincodeStub stub;

    @Mock
    private ClientIdentity identity;

    @Mock
    private X509Certificate certificate;

    @BeforeEach
    void a_transaction_signed_by_user1_of_org1() {
        lenient().when(ctx.getStub()).thenReturn(stub);
        lenient().when(ctx.getClientIdentity()).thenReturn(identity);
        lenient().when(identity.getMSPID()).thenReturn("Org1MSP");
        lenient().when(identity.getId()).thenReturn(USER1_ID);
        lenient().when(identity.getX509Certificate()).thenReturn(certificate);
        lenient().when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal(USER1_SUBJECT));
        lenient().when(stub.getTxId()).thenReturn("tx-1");
        lenient().when(stub.getTxTimestamp()).thenReturn(Instant.parse("2026-11-20T10:00:00.123456789Z"));
    }

    private static PovmError errorOf(final ThrowingCallable transaction) {
        final ChaincodeException e = catchThrowableOfType(ChaincodeException.class, transaction);
        assertThat(e).as("the transaction fails with a ChaincodeException").isNotNull();
        final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
        assertThat(e.getMessage()).isEqualTo(error.toMessage());
        return error;
    }

    private void assertNothingWritten() {
        verify(stub, never()).putState(anyString(), any());
        verify(stub, never()).setEvent(anyString(), any());
    }

    private void storedJob(final String key, final String json) {
        when(stub.getState(key)).thenReturn(json.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class SubmitJob {

        @Test
        void writes_one_job_key_and_one_event_with_identical_deterministic_bytes() {
            final String result = contract.SubmitJob(ctx, Specs.VALID_JSON);

            final byte[] expected = FLIP_1_JOB.getBytes(StandardCharsets.UTF_8);
            assertThat(result).isEqualTo(FLIP_1_JOB);
            verify(stub).putState(JOB_KEY, expected);
            verify(stub).setEvent("JobSubmitted", expected);
            verify(stub).putState(anyString(), any());
            verify(stub).setEvent(anyString(), any());
        }

        @Test
        void stores_the_same_bytes_for_a_spec_written_differently() {
            final String reordered = "{\"redundancy\":{\"replicas\":3,\"mode\":\"k-vote\"},\"sla\":\"standard@1\","
                    + "\"env\":{\"SEED\":\"7\"},\"command\":[\"coinflip\",\"--k\",\"5\"],\n  \"image\":\""
                    + Specs.IMAGE + "\",\"id\":\"flip-1\"}";

            assertThat(contract.SubmitJob(ctx, reordered)).isEqualTo(FLIP_1_JOB);
            verify(stub).putState(JOB_KEY, FLIP_1_JOB.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void takes_the_time_from_the_transaction_timestamp_with_millis() {
            when(stub.getTxTimestamp()).thenReturn(Instant.parse("2026-01-02T03:04:05Z"));

            final Job job = PovmJson.read(contract.SubmitJob(ctx, Specs.VALID_JSON), Job.class);

            assertThat(job.submittedAt()).isEqualTo("2026-01-02T03:04:05.000Z");
        }

        @ParameterizedTest(name = "{0} is rejected at [{2}]")
        @MethodSource("io.povm.api.InvalidSpecs#rules")
        void rejects_a_broken_rule_naming_the_field_and_writes_nothing(
                final String what, final String json, final String field) {
            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, json));

            assertThat(error.code()).as(what).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).as(what).isEqualTo(field);
            assertNothingWritten();
        }

        @Test
        void rejects_an_unknown_field_by_name() {
            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, Specs.edited(s -> s.put("colour", "red"))));

            assertThat(error.toMessage())
                    .isEqualTo("INVALID_ARGUMENT [colour] unknown field; accepted: id, image, command, env, sla,"
                            + " redundancy");
            assertNothingWritten();
        }

        @Test
        void rejects_text_that_is_not_json() {
            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, "please run flip-1"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("spec");
            assertNothingWritten();
        }

        @Test
        void rejects_a_spec_larger_than_64_kib_before_parsing_it() {
            final String padded = Specs.edited(s -> s.put("id", "x".repeat(70_000)));

            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, padded));

            assertThat(error.field()).isEqualTo("spec");
            assertThat(error.reason()).contains("at most 65536 bytes");
            assertNothingWritten();
        }

        @Test
        void forbids_an_admin_identity_naming_the_rule() {
            when(certificate.getSubjectX500Principal())
                    .thenReturn(new X500Principal("CN=Admin@org1.example.com, OU=admin, O=Org1, C=US"));

            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, Specs.VALID_JSON));

            assertThat(error.toMessage())
                    .isEqualTo("FORBIDDEN [caller] SubmitJob requires a client identity (OU=client); caller has"
                            + " OU=admin");
            assertNothingWritten();
        }

        @Test
        void forbids_an_identity_without_any_ou() {
            when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal("CN=someone, O=Org1"));

            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, Specs.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(error.reason()).endsWith("caller has no OU");
            assertNothingWritten();
        }

        @Test
        void returns_the_stored_job_and_writes_nothing_when_the_same_caller_resubmits_the_same_spec() {
            storedJob(JOB_KEY, FLIP_1_JOB);
            when(stub.getTxId()).thenReturn("tx-2");

            final String result = contract.SubmitJob(ctx, Specs.VALID_JSON);

            assertThat(result).isEqualTo(FLIP_1_JOB);
            assertNothingWritten();
        }

        @Test
        void rejects_a_different_spec_under_an_existing_id() {
            storedJob(JOB_KEY, FLIP_1_JOB);

            final PovmError error = errorOf(
                    () -> contract.SubmitJob(ctx, Specs.edited(s -> Specs.env(s).put("SEED", "8"))));

            assertThat(error.toMessage())
                    .isEqualTo("DUPLICATE_ID [id] job 'flip-1' already exists (submitted by Org1MSP at"
                            + " 2026-11-20T10:00:00.123Z); choose another id");
            assertNothingWritten();
        }

        @Test
        void rejects_the_same_spec_from_another_identity() {
            storedJob(JOB_KEY, FLIP_1_JOB);
            when(identity.getId()).thenReturn("x509::CN=User2@org1.example.com,OU=client::CN=ca.org1.example.com");

            assertThat(errorOf(() -> contract.SubmitJob(ctx, Specs.VALID_JSON)).code())
                    .isEqualTo(ErrorCode.DUPLICATE_ID);
            assertNothingWritten();
        }

        @Test
        void reports_a_ledger_failure_as_internal_without_details() {
            when(stub.getState(JOB_KEY)).thenThrow(new IllegalStateException("peer went away"));

            final PovmError error = errorOf(() -> contract.SubmitJob(ctx, Specs.VALID_JSON));

            assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(error.field()).isEqualTo(PovmError.NO_FIELD);
            assertThat(error.reason()).doesNotContain("peer went away");
            assertNothingWritten();
        }
    }

    @Nested
    class GetJob {

        @Test
        void returns_the_stored_job() {
            storedJob(JOB_KEY, FLIP_1_JOB);

            assertThat(contract.GetJob(ctx, "flip-1")).isEqualTo(FLIP_1_JOB);
        }

        @Test
        void reports_a_missing_job_as_not_found() {
            final PovmError error = errorOf(() -> contract.GetJob(ctx, "flip-2"));

            assertThat(error.toMessage()).isEqualTo("NOT_FOUND [id] job 'flip-2' does not exist");
        }

        @Test
        void rejects_a_malformed_id_without_reading_the_ledger() {
            final PovmError error = errorOf(() -> contract.GetJob(ctx, "../etc"));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("id");
            verify(stub, never()).getState(anyString());
        }
    }

    @Nested
    class ListJobs {
        private final List<Boolean> closed = new ArrayList<>();

        private void ledgerPage(final int fetched, final String bookmark) {
            final List<KeyValue> entries = new ArrayList<>();
            for (int i = 0; i < fetched; i++) {
                final String id = "job-" + i;
                final KeyValue entry = mock(KeyValue.class);
                when(entry.getKey()).thenReturn(new CompositeKey("job", id).toString());
                when(entry.getValue())
                        .thenReturn(FLIP_1_JOB.replace("flip-1", id).getBytes(StandardCharsets.UTF_8));
                entries.add(entry);
            }
            @SuppressWarnings("unchecked")
            final QueryResultsIteratorWithMetadata<KeyValue> results = mock(QueryResultsIteratorWithMetadata.class);
            when(results.iterator()).thenReturn(entries.iterator());
            when(results.getMetadata())
                    .thenReturn(QueryResponseMetadata.newBuilder()
                            .setBookmark(bookmark)
                            .setFetchedRecordsCount(fetched)
                            .build());
            doAnswer(invocation -> closed.add(true)).when(results).close();
            when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                    .thenReturn(results);
        }

        @Test
        void returns_a_full_page_with_the_ledger_bookmark_and_closes_the_iterator() {
            ledgerPage(2, "next-key");

            final JobPage page = PovmJson.read(contract.ListJobs(ctx, "2", ""), JobPage.class);

            assertThat(page.jobs()).extracting(Job::id).containsExactly("job-0", "job-1");
            assertThat(page.count()).isEqualTo(2);
            assertThat(page.bookmark()).isEqualTo("next-key");
            assertThat(closed).containsExactly(true);
        }

        @Test
        void returns_an_empty_bookmark_on_the_last_page() {
            ledgerPage(1, "stale-key");

            final JobPage page = PovmJson.read(contract.ListJobs(ctx, "5", "previous"), JobPage.class);

            assertThat(page.count()).isEqualTo(1);
            assertThat(page.bookmark()).isEmpty();
            assertThat(page.hasMore()).isFalse();
        }

        @Test
        void queries_the_job_keys_with_the_given_size_and_bookmark() {
            ledgerPage(0, "");

            assertThat(contract.ListJobs(ctx, "200", "bm-1")).isEqualTo("{\"jobs\":[],\"bookmark\":\"\",\"count\":0}");
            verify(stub)
                    .getStateByPartialCompositeKeyWithPagination(
                            argThat(key -> key.toString().equals(new CompositeKey("job").toString())),
                            eq(200),
                            eq("bm-1"));
        }

        @ParameterizedTest(name = "page size \"{0}\" is rejected")
        @ValueSource(strings = {"0", "201", "-1", "", " 5", "5.0", "1e2", "abc", "0010", "99999999999"})
        void rejects_a_page_size_outside_1_to_200(final String pageSize) {
            final PovmError error = errorOf(() -> contract.ListJobs(ctx, pageSize, ""));

            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.field()).isEqualTo("pageSize");
            verify(stub, never()).getStateByPartialCompositeKeyWithPagination(any(), anyInt(), anyString());
        }

        @ParameterizedTest(name = "page size {0} is accepted")
        @ValueSource(strings = {"1", "50", "200"})
        void accepts_page_sizes_from_1_to_200(final String pageSize) {
            ledgerPage(0, "");

            assertThat(PovmJson.read(contract.ListJobs(ctx, pageSize, ""), JobPage.class)
                            .count())
                    .isZero();
        }
    }

    @Nested
    class UnknownTransaction {

        @Test
        void names_the_accepted_transactions() {
            final PovmError error = errorOf(() -> contract.unknownTransaction(ctx));

            assertThat(error.toMessage())
                    .isEqualTo(
                            "INVALID_ARGUMENT [function] unknown transaction; accepted: SubmitJob, GetJob, ListJobs");
        }
    }
}
