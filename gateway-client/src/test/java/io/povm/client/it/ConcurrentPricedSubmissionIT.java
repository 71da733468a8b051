// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAudit;
import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.JobBatch;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.client.PovmGateway;
import io.povm.client.credit.CreditClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Priced submissions by ONE identity at once, escrowed from its lots ({@code credit:Split}, {@code SubmitJobs(specs,
 * lot)}): 50 concurrent submissions, each naming its own lot, all commit VALID on their first attempt, and the
 * customer's credits (account plus lots) drop by exactly the escrows while {@code credit:Audit} stays conserved. Each
 * transaction is sent once through the raw gateway contract (no retry) and its validation code is read from its commit
 * status, so a conflict cannot hide behind {@code PovmChaincode}'s retries. Two submissions naming the same lot
 * spend it once: Fabric's MVCC check on the lot key refuses the second (or, when the first committed before the
 * second was endorsed, the chaincode does: NOT_FOUND [lot]).
 *
 * <p>The network runs without worker daemons, heartbeats or beacon rounds here.
 */
class ConcurrentPricedSubmissionIT {
    private static final String CUSTOMER = "org3-user2";
    private static final int SUBMISSIONS = 50;
    /** standard@1 (network/default-sla.json): price 100 x 1 replica x 600 s. */
    private static final long ESCROW = 60_000;
    /** Each lot holds one credit more than the escrow, so every submission also writes its change lot. */
    private static final long LOT = ESCROW + 1;

    private static final long TIMEOUT_SECONDS = 180;

    private record Outcome(String lot, String jobId, TxValidationCode code, long block, Optional<String> refusal) {}

    private static PovmGateway customer;
    private static CreditClient credits;

    @BeforeAll
    static void connect() {
        customer = ItNetwork.connect(CUSTOMER);
        credits = new CreditClient(customer.chaincode());
    }

    @AfterAll
    static void close() {
        customer.close();
    }

    @Test
    void fifty_concurrent_priced_submissions_of_one_customer_from_distinct_lots_commit_with_zero_mvcc_conflicts()
            throws Exception {
        final List<CreditLot> lots = credits.split(SUBMISSIONS, LOT).lots();
        ItNetwork.synced(); // every endorsing peer has the lots
        final long before = creditsOfCustomer();
        assertConserved();

        final List<String> jobIds = new ArrayList<>();
        final List<Callable<Outcome>> submissions = new ArrayList<>();
        for (CreditLot lot : lots) {
            final String id =
                    ItNetwork.uniqueId("priced-" + lot.lot().substring(lot.lot().length() - 3));
            jobIds.add(id);
            submissions.add(submission(
                    lot.lot(), ItNetwork.builder(id).command(List.of("true")).build()));
        }
        final long start = System.nanoTime();
        final List<Outcome> outcomes = runAtOnce(submissions);
        final long millis = (System.nanoTime() - start) / 1_000_000;

        final Map<TxValidationCode, Integer> codes = new EnumMap<>(TxValidationCode.class);
        outcomes.forEach(outcome -> codes.merge(outcome.code(), 1, Integer::sum));
        final long conflicts =
                outcomes.stream().filter(o -> isConflict(o.code())).count();
        final long blocks =
                outcomes.stream().mapToLong(Outcome::block).distinct().count();
        System.out.println("ConcurrentPricedSubmissionIT: " + outcomes.size() + " priced submissions of " + CUSTOMER
                + " in " + blocks + " blocks, " + millis + " ms; validation codes " + codes
                + "; MVCC/phantom conflicts: " + conflicts);

        assertThat(outcomes).extracting(Outcome::refusal).containsOnly(Optional.empty());
        assertThat(conflicts).isZero();
        assertThat(codes).containsExactly(Map.entry(TxValidationCode.VALID, SUBMISSIONS));
        ItNetwork.synced();
        for (String id : jobIds) {
            assertThat(credits.escrow(id).amount()).as(id).isEqualTo(ESCROW);
        }
        assertThat(before - creditsOfCustomer()).isEqualTo(SUBMISSIONS * ESCROW);
        assertThat(credits.lots("", "").lots())
                .filteredOn(lot -> lot.memo().startsWith("change of lot"))
                .hasSizeGreaterThanOrEqualTo(SUBMISSIONS);
        assertConserved();
    }

    @Test
    void two_concurrent_submissions_naming_the_same_lot_spend_it_once() throws Exception {
        final CreditLot lot = credits.split(1, LOT).lots().get(0);
        ItNetwork.synced();
        final long before = creditsOfCustomer();

        final List<Outcome> outcomes = runAtOnce(List.of(
                submission(lot.lot(), ItNetwork.spec(ItNetwork.uniqueId("double-a"), "true")),
                submission(lot.lot(), ItNetwork.spec(ItNetwork.uniqueId("double-b"), "true"))));

        final long spent = outcomes.stream()
                .filter(o -> o.refusal().isEmpty() && o.code() == TxValidationCode.VALID)
                .count();
        System.out.println("ConcurrentPricedSubmissionIT: two spends of lot " + lot.lot() + ": " + outcomes);
        assertThat(spent).isEqualTo(1);
        assertThat(outcomes)
                .filteredOn(o -> o.refusal().isPresent() || o.code() != TxValidationCode.VALID)
                .singleElement()
                .satisfies(loser -> assertThat(loser.code() == TxValidationCode.MVCC_READ_CONFLICT
                                || loser.refusal().orElse("").contains("NOT_FOUND [lot]"))
                        .as("%s", loser)
                        .isTrue());
        ItNetwork.synced();
        assertThat(before - creditsOfCustomer()).isEqualTo(ESCROW);
        assertConserved();
    }

    /** One raw SubmitJobs of one spec from a lot: endorsed and submitted once, its commit status read. */
    private static Callable<Outcome> submission(final String lot, final JobSpec spec) {
        return () -> {
            final SubmittedTransaction tx;
            try {
                tx = customer.contract()
                        .newProposal(PovmTransactions.SUBMIT_JOBS)
                        .addArguments("[" + PovmJson.write(spec) + "]", lot)
                        .build()
                        .endorse()
                        .submitAsync();
            } catch (EndorseException e) {
                return new Outcome(
                        lot, spec.id(), TxValidationCode.ENDORSEMENT_POLICY_FAILURE, -1, Optional.of(refusal(e)));
            }
            final Status status = tx.getStatus();
            if (status.getCode() == TxValidationCode.VALID) {
                assertThat(PovmJson.read(new String(tx.getResult(), StandardCharsets.UTF_8), JobBatch.class)
                                .escrowed())
                        .isEqualTo(ESCROW);
            }
            return new Outcome(lot, spec.id(), status.getCode(), status.getBlockNumber(), Optional.empty());
        };
    }

    private static String refusal(final EndorseException e) {
        final StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        e.getDetails().forEach(detail -> text.append(' ').append(detail.getMessage()));
        return text.toString();
    }

    private static List<Outcome> runAtOnce(final List<Callable<Outcome>> submissions) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(submissions.size(), runnable -> {
            final Thread thread = new Thread(runnable, "priced-submission");
            thread.setDaemon(true);
            return thread;
        });
        try {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<Outcome> submission : submissions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return submission.call();
                }));
            }
            start.countDown();
            final List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isConflict(final TxValidationCode code) {
        return code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT;
    }

    /** @return the customer's credits: its account's balance plus its lots */
    private static long creditsOfCustomer() {
        final CreditLots lots = credits.lots("", "");
        return credits.balance().balance() + lots.total();
    }

    private static void assertConserved() {
        final CreditAudit audit = credits.audit();
        assertThat(audit.conserved()).as("%s", audit).isTrue();
        assertThat(audit.balances() + audit.inLots() + audit.escrowed() + audit.deposited())
                .isEqualTo(audit.supply());
    }
}
