// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.Job;
import io.povm.api.JobHistory;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job lifecycle on the real network: the submitter cancels its own job before assignment, nobody else can, a
 * cancelled job stays cancelled, and the index and history queries see it all. Identities: {@code org1} (User1 of
 * Org1, the submitter), {@code org1-user2} (another client of Org1), {@code org2} (a client of Org2), {@code
 * org1-admin} (Org1's admin).
 */
class JobLifecycleIT {
    private static final Map<String, PovmGateway> GATEWAYS = new java.util.HashMap<>();

    @BeforeAll
    static void connect() {
        for (String profile : new String[] {"org1", "org1-user2", "org2", "org1-admin"}) {
            GATEWAYS.put(profile, ItNetwork.connect(profile));
        }
    }

    @AfterAll
    static void close() {
        GATEWAYS.values().forEach(PovmGateway::close);
    }

    private static JobClient jobs(final String profile) {
        return ItNetwork.jobs(GATEWAYS.get(profile));
    }

    private static Job submitted(final String prefix) {
        return jobs("org1").submit(ItNetwork.spec(ItNetwork.uniqueId(prefix), "coinflip", "--k", "3"));
    }

    private static PovmError refusal(final String profile, final String id) {
        final PovmClientException e = ItNetwork.rejection(() -> jobs(profile).cancel(id, "not mine"));
        return e.error().orElseThrow();
    }

    @Test
    void the_submitter_cancels_its_job_which_then_reads_cancelled_with_two_versions_of_history() {
        final Job job = submitted("cancel");

        final Job cancelled = jobs("org1").cancel(job.id(), "wrong seed");

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.stateReason()).contains("wrong seed");
        assertThat(cancelled.submitTxId()).isEqualTo(job.submitTxId());
        assertThat(ItNetwork.awaitJob(jobs("org2"), job.id()).state()).isIn(JobState.SUBMITTED, JobState.CANCELLED);
        assertThat(jobs("org1").get(job.id())).isEqualTo(cancelled);
        final JobHistory history = jobs("org1").history(job.id());
        assertThat(history.count()).isEqualTo(2);
        assertThat(history.versions().get(0).job()).contains(cancelled);
        assertThat(history.versions().get(1).job()).contains(job);
        assertThat(history.versions().get(1).txId()).isEqualTo(job.submitTxId());
        assertThat(history.versions().get(0).txId()).isNotEqualTo(job.submitTxId());
        assertThat(history.versions()).allSatisfy(version -> assertThat(version.timestamp())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void another_client_of_the_same_org_cannot_cancel() {
        final Job job = submitted("cancel-same-org");

        final PovmError error = refusal("org1-user2", job.id());

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).startsWith("CancelJob is allowed only to the job's submitter");
        assertThat(jobs("org1").get(job.id()).state()).isEqualTo(JobState.SUBMITTED);
    }

    @Test
    void a_client_of_another_org_cannot_cancel() {
        final Job job = submitted("cancel-org2");

        assertThat(refusal("org2", job.id()).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(jobs("org1").get(job.id()).state()).isEqualTo(JobState.SUBMITTED);
    }

    @Test
    void the_org_admin_of_the_submitters_org_cannot_cancel_or_submit() {
        final Job job = submitted("cancel-admin");

        assertThat(refusal("org1-admin", job.id()).code()).isEqualTo(ErrorCode.FORBIDDEN);
        final PovmClientException submit = ItNetwork.rejection(
                () -> jobs("org1-admin").submit(ItNetwork.spec(ItNetwork.uniqueId("admin-submit"), "true")));
        assertThat(submit.errorCode()).contains(ErrorCode.FORBIDDEN);
        assertThat(jobs("org1").get(job.id()).state()).isEqualTo(JobState.SUBMITTED);
    }

    @Test
    void a_cancelled_job_cannot_be_cancelled_again() {
        final Job job = submitted("cancel-twice");
        jobs("org1").cancel(job.id(), "");

        final PovmClientException again = ItNetwork.rejection(() -> jobs("org1").cancel(job.id(), "again"));

        assertThat(again.errorCode()).contains(ErrorCode.INVALID_STATE);
        assertThat(again.error().orElseThrow().reason()).contains("is CANCELLED: event CANCEL is not allowed");
        assertThat(jobs("org1").history(job.id()).count()).isEqualTo(2);
    }

    @Test
    void list_by_state_finds_the_job_in_its_state_only() {
        final Job job = submitted("by-state");
        final JobClient reader = jobs("org2");
        ItNetwork.awaitJob(reader, job.id());

        assertThat(ItNetwork.listed((size, bm) -> reader.listByState(JobState.SUBMITTED, size, bm), job.id()))
                .isTrue();
        jobs("org1").cancel(job.id(), "");
        final JobClient submitter = jobs("org1");
        assertThat(ItNetwork.listed((size, bm) -> submitter.listByState(JobState.CANCELLED, size, bm), job.id()))
                .isTrue();
        assertThat(ItNetwork.listed((size, bm) -> submitter.listByState(JobState.SUBMITTED, size, bm), job.id()))
                .isFalse();
    }

    @Test
    void list_by_submitter_finds_the_job_for_its_submitter_and_for_anyone_naming_it() {
        final Job job = submitted("by-submitter");
        final JobClient submitter = jobs("org1");
        final JobClient other = jobs("org2");
        ItNetwork.awaitJob(other, job.id());

        assertThat(ItNetwork.listed(submitter::listMine, job.id())).isTrue();
        assertThat(ItNetwork.listed(
                        (size, bm) -> other.listBySubmitter(
                                job.submitter().msp(), job.submitter().id(), size, bm),
                        job.id()))
                .isTrue();
        assertThat(ItNetwork.listed(other::listMine, job.id())).isFalse();
        assertThat(ItNetwork.listed(jobs("org1-user2")::listMine, job.id())).isFalse();
    }

    @Test
    void everyone_reads_the_job_and_its_history() {
        final Job job = submitted("read");
        for (String profile : GATEWAYS.keySet()) {
            assertThat(ItNetwork.awaitJob(jobs(profile), job.id())).as(profile).isEqualTo(job);
            assertThat(jobs(profile).history(job.id()).count()).as(profile).isEqualTo(1);
        }
    }

    @Test
    void cancel_emits_one_job_cancelled_event_carrying_the_stored_job() throws Exception {
        final Job job = submitted("event");
        final PovmGateway org1 = GATEWAYS.get("org1");

        final SubmittedTransaction tx = org1.contract()
                .newProposal(PovmTransactions.CANCEL_JOB)
                .addArguments(job.id(), "event test")
                .build()
                .endorse()
                .submitAsync();
        final Status status = tx.getStatus();
        assertThat(status.isSuccessful()).isTrue();
        final String result = new String(tx.getResult(), StandardCharsets.UTF_8);

        final ChaincodeEvent event = eventOf(org1, status);
        assertThat(event.getEventName()).isEqualTo(PovmTransactions.JOB_CANCELLED_EVENT);
        assertThat(new String(event.getPayload(), StandardCharsets.UTF_8))
                .isEqualTo(result)
                .isEqualTo(PovmJson.write(jobs("org1").get(job.id())));
    }

    /** @return the chaincode event of a committed transaction, read from its block */
    private static ChaincodeEvent eventOf(final PovmGateway gateway, final Status status) {
        try (CloseableIterator<ChaincodeEvent> events = gateway.network()
                .newChaincodeEventsRequest(gateway.profile().chaincode())
                .startBlock(status.getBlockNumber())
                .build()
                .getEvents()) {
            while (true) {
                final ChaincodeEvent event = events.next();
                if (event.getTransactionId().equals(status.getTransactionId())) {
                    return event;
                }
                assertThat(event.getBlockNumber()).isEqualTo(status.getBlockNumber());
            }
        }
    }

    @Test
    void submit_emits_one_job_submitted_event_carrying_the_stored_job() throws Exception {
        final JobSpec spec = ItNetwork.spec(ItNetwork.uniqueId("submit-event"), "true");
        final PovmGateway org1 = GATEWAYS.get("org1");

        final SubmittedTransaction tx = org1.contract()
                .newProposal(PovmTransactions.SUBMIT_JOB)
                .addArguments(PovmJson.write(spec))
                .build()
                .endorse()
                .submitAsync();
        final Status status = tx.getStatus();

        final ChaincodeEvent event = eventOf(org1, status);
        assertThat(event.getEventName()).isEqualTo(PovmTransactions.JOB_SUBMITTED_EVENT);
        assertThat(event.getPayload()).isEqualTo(tx.getResult());
    }
}
