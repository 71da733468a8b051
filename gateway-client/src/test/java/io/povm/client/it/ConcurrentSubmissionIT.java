// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.client.PovmGateway;
import io.povm.client.sla.SlaClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 30 jobs submitted at once by six client identities of three orgs (10 per org) all commit VALID on their first
 * attempt: no MVCC or phantom-read conflict, because a submission reads only its own job key and writes only keys that
 * name its job. Each transaction is sent once through the raw gateway contract (no retry), and its validation code is
 * read from its commit status, so a conflict cannot hide behind {@code PovmChaincode}'s retries.
 *
 * <p>The jobs run under an SLA with price 0: a priced {@code SubmitJob} also debits its submitter's credit account for
 * the escrow, so account-funded priced submissions by one identity in one block conflict on that key by design (it is
 * what prevents a double spend); {@code PovmChaincode} retries them. Priced submissions from the submitter's lots do
 * not: {@link ConcurrentPricedSubmissionIT}. Submissions by different identities never share a key.
 */
class ConcurrentSubmissionIT {
    private static final List<String> PROFILES =
            List.of("org1", "org1-user2", "org2", "org2-user2", "org3", "org3-user2");
    private static final int PER_PROFILE = 5;
    private static final long TIMEOUT_SECONDS = 180;

    private record Outcome(String profile, String jobId, String txId, TxValidationCode code, long blockNumber) {}

    private static String freeSla;

    @BeforeAll
    static void an_active_sla_with_price_0() {
        final SlaSpec terms = new SlaSpec(
                "free-" + Instant.now().toEpochMilli(),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(600)
                        .minBenchmarkOpsPerSec(0)
                        .pricePerVmSecond(0)
                        .build(),
                new JobLimits(65_536, 65_536));
        try (PovmGateway org1 = ItNetwork.connect("org1-admin");
                PovmGateway org2 = ItNetwork.connect("org2-admin")) {
            freeSla = new SlaClient(org1.chaincode()).propose(terms).ref().toString();
            ItNetwork.synced(); // the voter's peer has the proposal
            new SlaClient(org2.chaincode()).approve(freeSla);
            ItNetwork.synced(); // the other orgs act on the SLA next
        }
    }

    @Test
    void thirty_concurrent_submissions_from_three_orgs_commit_with_zero_mvcc_conflicts() throws Exception {
        final Map<String, PovmGateway> gateways = new LinkedHashMap<>();
        final ExecutorService pool = Executors.newFixedThreadPool(PROFILES.size() * PER_PROFILE, runnable -> {
            final Thread thread = new Thread(runnable, "concurrent-submission");
            thread.setDaemon(true);
            return thread;
        });
        try {
            PROFILES.forEach(profile -> gateways.put(profile, ItNetwork.connect(profile)));
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<Outcome>> futures = new ArrayList<>();
            for (String profile : PROFILES) {
                for (int i = 0; i < PER_PROFILE; i++) {
                    final JobSpec spec = ItNetwork.builder(ItNetwork.uniqueId("concurrent-" + profile + "-" + i))
                            .command(List.of("true"))
                            .sla(freeSla)
                            .build();
                    futures.add(pool.submit(submitOnce(gateways.get(profile), profile, spec, start)));
                }
            }
            start.countDown();
            final List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }

            final Map<TxValidationCode, Integer> codes = new EnumMap<>(TxValidationCode.class);
            outcomes.forEach(outcome -> codes.merge(outcome.code(), 1, Integer::sum));
            final long conflicts = outcomes.stream()
                    .filter(o -> o.code() == TxValidationCode.MVCC_READ_CONFLICT
                            || o.code() == TxValidationCode.PHANTOM_READ_CONFLICT)
                    .count();
            final long blocks =
                    outcomes.stream().mapToLong(Outcome::blockNumber).distinct().count();
            System.out.println("ConcurrentSubmissionIT: " + outcomes.size() + " submissions in " + blocks
                    + " blocks; validation codes " + codes + "; MVCC/phantom conflicts: " + conflicts);

            assertThat(outcomes).hasSize(30);
            assertThat(conflicts).isZero();
            assertThat(codes).containsExactly(Map.entry(TxValidationCode.VALID, 30));
            assertEveryJobIsStoredForItsSubmitter(gateways, outcomes);
        } finally {
            pool.shutdownNow();
            gateways.values().forEach(PovmGateway::close);
        }
    }

    private static Callable<Outcome> submitOnce(
            final PovmGateway gateway, final String profile, final JobSpec spec, final CountDownLatch start) {
        return () -> {
            start.await();
            final SubmittedTransaction tx = gateway.contract()
                    .newProposal(PovmTransactions.SUBMIT_JOB)
                    .addArguments(PovmJson.write(spec))
                    .build()
                    .endorse()
                    .submitAsync();
            final Status status = tx.getStatus();
            return new Outcome(
                    profile, spec.id(), status.getTransactionId(), status.getCode(), status.getBlockNumber());
        };
    }

    private static void assertEveryJobIsStoredForItsSubmitter(
            final Map<String, PovmGateway> gateways, final List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            final Job job = ItNetwork.jobs(gateways.get(outcome.profile())).get(outcome.jobId());
            assertThat(job.submitTxId()).isEqualTo(outcome.txId());
            assertThat(job.submitter().msp())
                    .isEqualTo("Org" + outcome.profile().charAt(3) + "MSP");
            assertThat(ItNetwork.listed(ItNetwork.jobs(gateways.get(outcome.profile()))::listMine, outcome.jobId()))
                    .as("%s lists %s as its own", outcome.profile(), outcome.jobId())
                    .isTrue();
        }
    }
}
