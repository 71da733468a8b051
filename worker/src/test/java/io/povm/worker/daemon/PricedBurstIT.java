// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.CreditAudit;
import io.povm.api.CreditLot;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import io.povm.api.Redundancy;
import io.povm.client.PovmGateway;
import io.povm.client.beacon.BeaconClient;
import io.povm.client.credit.CreditClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/**
 * The gateway-client's {@code ConcurrentPricedSubmissionIT} burst with the three orgs' worker daemons running: their
 * heartbeats every 3 s, clock ticks and beacon rounds (each org honest) commit in the same blocks as 50 concurrent
 * priced submissions of Org1's User1, each from its own lot, sent once through the raw gateway contract. None of them
 * may fail validation because of another (each submission's read set is compared with what earlier transactions of
 * the blocks wrote, read from the blocks themselves), and the customer's lots drop by exactly the escrows. A
 * submission the endorsing peers disagree on (one had a background block the others did not yet) is endorsed again,
 * as the client does: nothing was ordered, so no conflict is hidden (a clean-clone run saw all 50 refused so). The jobs name an image no engine has,
 * so the daemons' image gates leave them unassigned: what is measured is the submission path beside the daemons'
 * own transactions, not job execution.
 *
 * <p>Two keys every submission reads are written in the background by design, and a submission in flight when one
 * changes fails MVCC: {@code beacon-latest} when a round opens (a job is assigned with the first round opened after
 * it, which is what makes its draw ungrindable) and {@code clock-epoch} about once a minute. The burst starts right
 * after a round opened, so the next opens a cadence (30 s by default) later; an epoch rewrite inside the burst's few
 * seconds remains possible: such a conflict is reported with the key and transaction it was with, and only such a
 * conflict is tolerated.
 */
class PricedBurstIT {
    private static final int SUBMISSIONS = 50;
    /** standard@1: price 100 x 1 replica x 600 s. */
    private static final long ESCROW = 60_000;

    /** Endorsements of one submission at most, when its endorsing peers disagree (see {@link #submitOnce}). */
    private static final int MAX_ENDORSEMENTS = 8;

    private static final String PAYLOADS_DIFFER = "ProposalResponsePayloads do not match";
    private static final String NO_ENGINE_HAS_IT = "povm/coinflip@sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void fifty_concurrent_priced_submissions_commit_without_conflicts_while_daemons_heartbeat_tick_and_run_rounds()
            throws Exception {
        try (DaemonNetwork network = new DaemonNetwork("priced-burst-it")) {
            DaemonNetwork.ORGS.forEach(org -> network.beaconModes.put(org, "honest"));
            network.start();
            final PovmGateway org1 = network.connect("org1");
            final CreditClient credits = new CreditClient(org1.chaincode());
            final BeaconClient beacon = new BeaconClient(org1.chaincode(), "povm");
            awaitRound(beacon, 0);

            final List<CreditLot> lots = credits.split(SUBMISSIONS, ESCROW + 1).lots();
            awaitLots(network, lots.get(lots.size() - 1));
            // The lots alone: while the burst runs, the daemons may settle or expire this customer's earlier jobs
            // (the ITs before this one submit as org1 too), and their refunds land in its account.
            final long before = credits.lots("", "").total();

            final ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
            final Map<TxValidationCode, Integer> codes = new EnumMap<>(TxValidationCode.class);
            final Set<String> burst = new HashSet<>();
            final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
            final AtomicInteger reEndorsed = new AtomicInteger();
            long lastBlock = 0;
            final long firstBlock = height(org1);
            final long start = System.nanoTime();
            try {
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<Optional<Status>>> statuses = new ArrayList<>();
                for (CreditLot lot : lots) {
                    final JobSpec spec = spec(DaemonNetwork.unique(
                            "burst-" + lot.lot().substring(lot.lot().length() - 3)));
                    statuses.add(pool.submit(() -> {
                        go.await();
                        return submitOnce(org1, spec, lot.lot(), refusals, reEndorsed);
                    }));
                }
                go.countDown();
                for (Future<Optional<Status>> future : statuses) {
                    final Optional<Status> status = future.get(180, TimeUnit.SECONDS);
                    if (status.isPresent()) {
                        codes.merge(status.get().getCode(), 1, Integer::sum);
                        burst.add(status.get().getTransactionId());
                        lastBlock = Math.max(lastBlock, status.get().getBlockNumber());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            final long millis = (System.nanoTime() - start) / 1_000_000;
            final List<String> conflicts =
                    conflicts(BlockReadWrites.of(org1, org1.profile().chaincode(), firstBlock, lastBlock), burst);
            System.out.println(
                    "PricedBurstIT: " + SUBMISSIONS + " priced submissions beside 3 daemons and the beacon in "
                            + millis + " ms, blocks " + firstBlock + " to " + lastBlock + "; validation codes " + codes
                            + "; conflicts: " + conflicts + "; endorsed again after the peers disagreed: " + reEndorsed
                            + "; refused at endorsement: " + refusals);

            assertThat(refusals).isEmpty();
            assertThat(conflicts).noneMatch(conflict -> conflict.contains("another submission"));
            assertThat(conflicts).noneMatch(conflict -> conflict.contains("no earlier write"));
            final int valid = codes.getOrDefault(TxValidationCode.VALID, 0);
            assertThat(valid + conflicts.size()).isEqualTo(SUBMISSIONS);
            assertThat(before - credits.lots("", "").total())
                    .as("the lots lose exactly the escrows of the committed submissions")
                    .isEqualTo(valid * ESCROW);
            final CreditAudit audit = credits.audit();
            assertThat(audit.conserved()).as("%s", audit).isTrue();
        }
    }

    /**
     * @return for each submission of the burst that failed validation, what it conflicted with: the keys it read that
     *     an earlier valid transaction of the blocks wrote, and whether that was another submission or a background
     *     transaction
     */
    private static List<String> conflicts(final List<BlockReadWrites.Tx> txs, final Set<String> burst) {
        final List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            final BlockReadWrites.Tx tx = txs.get(i);
            if (!burst.contains(tx.id()) || tx.code() == TxValidationCode.VALID) {
                continue;
            }
            final List<String> with = new ArrayList<>();
            for (BlockReadWrites.Tx earlier : txs.subList(0, i)) {
                if (earlier.code() != TxValidationCode.VALID) {
                    continue;
                }
                final Set<String> keys = new HashSet<>(earlier.writes());
                keys.retainAll(tx.reads());
                if (!keys.isEmpty()) {
                    with.add((burst.contains(earlier.id()) ? "another submission " : "background transaction ")
                            + earlier.id() + " (block " + earlier.block() + ") wrote "
                            + keys.stream()
                                    .map(BlockReadWrites::readable)
                                    .sorted()
                                    .toList());
                }
            }
            conflicts.add(
                    tx.code() + " of " + tx.id() + ": " + (with.isEmpty() ? "no earlier write in these blocks" : with));
        }
        return conflicts;
    }

    /**
     * Endorses and submits one SubmitJobs, without the client's retries: a commit conflict stays visible. Only an
     * endorsement the peers disagree on ("ProposalResponsePayloads do not match": a background write, e.g. a beacon
     * round opening, reached one peer before the others) is endorsed again after a pause, as {@code PovmChaincode}
     * does; nothing was ordered then, so it cannot hide a validation conflict.
     *
     * @return its commit status; empty when the endorsement was refused, which {@code refusals} then says
     */
    private static Optional<Status> submitOnce(
            final PovmGateway gateway,
            final JobSpec spec,
            final String lot,
            final List<String> refusals,
            final AtomicInteger reEndorsed)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(gateway.contract()
                        .newProposal(PovmTransactions.SUBMIT_JOBS)
                        .addArguments("[" + PovmJson.write(spec) + "]", lot)
                        .build()
                        .endorse()
                        .submitAsync()
                        .getStatus());
            } catch (EndorseException e) {
                final List<String> details =
                        e.getDetails().stream().map(d -> d.getMessage()).toList();
                final boolean peersDisagree = e.getMessage().contains(PAYLOADS_DIFFER)
                        || details.stream().anyMatch(d -> d.contains(PAYLOADS_DIFFER));
                if (!peersDisagree || attempt >= MAX_ENDORSEMENTS) {
                    refusals.add(spec.id() + ": " + e.getMessage() + " " + details);
                    return Optional.empty();
                }
                reEndorsed.incrementAndGet();
                Thread.sleep(Math.min(2000L, 500L * attempt));
            }
        }
    }

    /** @return the channel's block height on the gateway's peer: the number of the next block */
    private static long height(final PovmGateway gateway) throws Exception {
        return org.hyperledger.fabric.protos.common.BlockchainInfo.parseFrom(gateway.network()
                        .getContract("qscc")
                        .evaluateTransaction("GetChainInfo", gateway.profile().channel()))
                .getHeight();
    }

    private static JobSpec spec(final String id) {
        return JobSpec.builder(id)
                .image(NO_ENGINE_HAS_IT)
                .command("true")
                .env(Map.of())
                .sla("standard@1")
                .redundancy(Redundancy.kVote(1))
                .deadline(DaemonNetwork.deadline())
                .build();
    }

    private static long latest(final BeaconClient beacon) {
        return beacon.latest().map(round -> round.header().round()).orElse(0L);
    }

    /** Waits until the daemons open a beacon round after round {@code after}: the beacon runs during the burst. */
    private static void awaitRound(final BeaconClient beacon, final long after) throws InterruptedException {
        final Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (latest(beacon) <= after) {
            if (Instant.now().isAfter(until)) {
                fail("the daemons opened no beacon round after round " + after + " within 3 minutes");
            }
            Thread.sleep(1000);
        }
    }

    /** Waits until every org's peer has the customer's new lots: each submission is endorsed by several orgs. */
    private static void awaitLots(final DaemonNetwork network, final CreditLot last) throws InterruptedException {
        for (String org : DaemonNetwork.ORGS) {
            final CreditClient credits = new CreditClient(network.connect(org).chaincode());
            final Instant until = Instant.now().plusSeconds(30);
            while (credits.lots(last.msp(), last.fabricId()).lots().stream()
                    .noneMatch(lot -> lot.lot().equals(last.lot()))) {
                if (Instant.now().isAfter(until)) {
                    fail(org + "'s peer does not have lot " + last.lot() + " after 30 s");
                }
                Thread.sleep(250);
            }
        }
    }
}
