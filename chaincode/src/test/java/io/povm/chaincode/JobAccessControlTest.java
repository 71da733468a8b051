// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ContractFixtures.FLIP_1_JOB;
import static io.povm.chaincode.ContractFixtures.LATER;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobHistory;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access-control matrix of {@code docs/access-control-jobs.md}, cell by cell: each operation on a job J submitted
 * by {@link Signer#SUBMITTER}, tried as each identity, must end as the expected table says; a refusal writes nothing.
 * The doc's matrix must equal the expected table.
 */
class JobAccessControlTest {
    private static final List<Signer> IDENTITIES =
            List.of(Signer.SUBMITTER, Signer.SAME_ORG_CLIENT, Signer.OTHER_ORG_CLIENT, Signer.ORG_ADMIN, Signer.WORKER);

    /** Operation, then the outcome for each of {@link #IDENTITIES}, in order. */
    private static final Map<String, List<String>> EXPECTED = expected();

    private static Map<String, List<String>> expected() {
        final Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("`SubmitJob` a new job", List.of("allowed", "allowed", "allowed", "FORBIDDEN", "allowed"));
        table.put(
                "`SubmitJob` `J`'s spec again",
                List.of("replay", "DUPLICATE_ID", "DUPLICATE_ID", "FORBIDDEN", "DUPLICATE_ID"));
        table.put("`SubmitJobs` new jobs", List.of("allowed", "allowed", "allowed", "FORBIDDEN", "allowed"));
        table.put(
                "`SubmitJobs` with `J`'s spec again",
                List.of("replay", "DUPLICATE_ID", "DUPLICATE_ID", "FORBIDDEN", "DUPLICATE_ID"));
        table.put("`CancelJob` `J`", List.of("allowed", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"));
        for (String read : List.of(
                "`GetJob` `J`", "`ListJobs`", "`ListJobsByState`", "`ListJobsBySubmitter`", "`GetJobHistory` `J`")) {
            table.put(read, List.of("allowed", "allowed", "allowed", "allowed", "allowed"));
        }
        return table;
    }

    /** What each operation does, returning "allowed" or "replay" on success. */
    private static final Map<String, Function<LedgerFake, String>> OPERATIONS = operations();

    private static Map<String, Function<LedgerFake, String>> operations() {
        final PovmContract contract = new PovmContract();
        final Map<String, Function<LedgerFake, String>> ops = new LinkedHashMap<>();
        ops.put("`SubmitJob` a new job", ledger -> {
            final Job job = PovmJson.read(
                    contract.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("id", "flip-new"))), Job.class);
            assertThat(job.state()).isEqualTo(JobState.SUBMITTED);
            return "allowed";
        });
        ops.put("`SubmitJob` `J`'s spec again", ledger -> {
            assertThat(contract.SubmitJob(ledger.ctx, Specs.VALID_JSON)).isEqualTo(FLIP_1_JOB);
            ledger.assertNothingWritten();
            return "replay";
        });
        ops.put("`SubmitJobs` new jobs", ledger -> {
            final JobBatch batch = PovmJson.read(
                    contract.SubmitJobs(
                            ledger.ctx,
                            "[" + Specs.edited(s -> s.put("id", "flip-new")) + ","
                                    + Specs.edited(s -> s.put("id", "flip-new-2")) + "]",
                            ""),
                    JobBatch.class);
            assertThat(batch.created()).isEqualTo(2);
            return "allowed";
        });
        ops.put("`SubmitJobs` with `J`'s spec again", ledger -> {
            final JobBatch batch =
                    PovmJson.read(contract.SubmitJobs(ledger.ctx, "[" + Specs.VALID_JSON + "]", ""), JobBatch.class);
            assertThat(batch.jobs()).extracting(PovmJson::write).containsExactly(FLIP_1_JOB);
            ledger.assertNothingWritten();
            return "replay";
        });
        ops.put("`CancelJob` `J`", ledger -> {
            assertThat(PovmJson.read(contract.CancelJob(ledger.ctx, "flip-1", ""), Job.class)
                            .state())
                    .isEqualTo(JobState.CANCELLED);
            return "allowed";
        });
        ops.put("`GetJob` `J`", ledger -> {
            assertThat(contract.GetJob(ledger.ctx, "flip-1")).isEqualTo(FLIP_1_JOB);
            return "allowed";
        });
        ops.put("`ListJobs`", ledger -> listed(contract.ListJobs(ledger.ctx, "50", "")));
        ops.put("`ListJobsByState`", ledger -> listed(contract.ListJobsByState(ledger.ctx, "SUBMITTED", "50", "")));
        ops.put(
                "`ListJobsBySubmitter`",
                ledger -> listed(contract.ListJobsBySubmitter(ledger.ctx, "Org1MSP", Signer.SUBMITTER.id(), "50", "")));
        ops.put("`GetJobHistory` `J`", ledger -> {
            assertThat(PovmJson.read(contract.GetJobHistory(ledger.ctx, "flip-1"), JobHistory.class)
                            .count())
                    .isEqualTo(1);
            return "allowed";
        });
        return ops;
    }

    private static String listed(final String pageJson) {
        assertThat(PovmJson.read(pageJson, JobPage.class).jobs())
                .extracting(Job::id)
                .containsExactly("flip-1");
        return "allowed";
    }

    static Stream<Arguments> cells() {
        return AccessMatrix.cells(EXPECTED, IDENTITIES);
    }

    @ParameterizedTest(name = "{0} as {1} is {2}")
    @MethodSource("cells")
    void each_cell_of_the_matrix_holds(final String operation, final Signer identity, final String outcome) {
        final LedgerFake ledger = new LedgerFake();
        new PovmContract().SubmitJob(ledger.ctx, Specs.VALID_JSON);
        ledger.transaction("tx-2", LATER).signedBy(identity);

        final String actual;
        try {
            actual = OPERATIONS.get(operation).apply(ledger);
        } catch (ChaincodeException e) {
            final String code = PovmJson.read(
                            new String(e.getPayload(), java.nio.charset.StandardCharsets.UTF_8), PovmError.class)
                    .code()
                    .name();
            ledger.assertNothingWritten();
            assertThat(code).as("%s as %s", operation, identity).isEqualTo(outcome);
            return;
        }
        assertThat(actual).as("%s as %s", operation, identity).isEqualTo(outcome);
    }

    @Test
    void the_docs_matrix_is_the_expected_table() {
        final Map<String, List<String>> documented = AccessMatrix.documented(
                "access-control-jobs.md", IDENTITIES.stream().map(Signer::role).toList());

        assertThat(documented).containsExactlyEntriesOf(EXPECTED);
        assertThat(OPERATIONS.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
        assertThat(IDENTITIES)
                .extracting(Signer::role)
                .containsExactly("submitter", "same-org client", "other-org client", "org admin", "worker");
    }
}
