// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.ClockTransactions;
import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.JobVersion;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Sha256;
import io.povm.client.LedgerIdentity;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import io.povm.worker.job.CoinFlip;
import io.povm.worker.ledger.LedgerBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three honest worker daemons ({@link DaemonNetwork}) on the real network: results reach the ledger by commit and
 * reveal, and each job ends with a verdict (RESOLVED_SOFT, then FINALIZED once the challenge window closed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerDaemonsIT {
    private static DaemonNetwork network;

    @BeforeAll
    static void three_daemons_run() throws Exception {
        network = new DaemonNetwork("daemon-it").start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (network != null) {
            network.close();
        }
    }

    /** @return whether the job has its verdict: RESOLVED_SOFT, or FINALIZED after the challenge window */
    static final Predicate<Job> DECIDED = j -> (j.state() == JobState.RESOLVED_SOFT || j.state() == JobState.FINALIZED)
            && j.verdict().isPresent();

    @Test
    @Order(1)
    void ten_coin_flip_jobs_with_three_replicas_are_run_by_three_orgs_revealed_and_decided() throws Exception {
        final Map<String, Integer> ks = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            final String id = DaemonNetwork.unique("flip" + i);
            ks.put(id, 3 + i % 4);
            network.customer.submit(network.coinflipJob(id, ks.get(id), 3));
        }

        for (Map.Entry<String, Integer> entry : ks.entrySet()) {
            final Job job = network.await(entry.getKey(), DECIDED);
            final List<Replica> revealed = job.replicas().stream()
                    .filter(r -> r.state() == ReplicaState.RESULT_REVEALED)
                    .toList();
            assertThat(revealed).extracting(Replica::msp).containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
            final String expected = CoinFlip.result(entry.getKey(), entry.getValue());
            for (Replica replica : revealed) {
                final ReplicaResult result = replica.result().orElseThrow();
                assertThat(result.exitCode()).isZero();
                assertThat(result.output()).contains(expected);
                assertThat(result.wallMillis()).isPositive();
            }
            assertThat(job.verdict().orElseThrow().winner())
                    .contains(Sha256.hex(Sha256.hash(expected.getBytes(StandardCharsets.UTF_8))));
            assertThat(job.verdict().orElseThrow().agreed()).hasSize(3);
        }
    }

    @Test
    @Order(2)
    void a_daemon_killed_mid_job_and_restarted_commits_and_reveals_the_replica_exactly_once() throws Exception {
        final String id = DaemonNetwork.unique("crash");
        network.customer.submit(JobSpec.builder(id)
                .image(network.coinflip)
                .command("sh", "-c", "sleep 6; echo slept")
                .env(Map.of())
                .sla("standard@1")
                .redundancy(Redundancy.kVote(1))
                .deadline(DaemonNetwork.deadline())
                .build());
        final Job running =
                network.await(id, j -> j.replicas().stream().anyMatch(r -> r.state() == ReplicaState.RUNNING));
        final Replica replica = running.replicas().stream()
                .filter(r -> r.state() == ReplicaState.RUNNING)
                .findFirst()
                .orElseThrow();
        final String org = replica.msp().replace("MSP", "").toLowerCase(Locale.ROOT);
        final DaemonProcess crashed = network.daemons.get(org);

        crashed.kill();
        crashed.start();
        network.awaitHealthy(org);

        final Job done = network.await(id, DECIDED);
        assertThat(done.replicas()).hasSize(1);
        assertThat(done.replicas().get(0).workerKey()).isEqualTo(replica.workerKey());
        assertThat(done.replicas().get(0).result().orElseThrow().output()).contains("slept\n");
        final List<Job> versions = network.customer.history(id).versions().stream()
                .map(JobVersion::job)
                .flatMap(Optional::stream)
                .filter(j -> !j.replicas().isEmpty())
                .toList();
        assertThat(versions.stream().filter(j -> j.replicas().get(0).state() == ReplicaState.RESULT_COMMITTED))
                .as("versions of the job with the replica committed")
                .hasSize(1);
        assertThat(versions.stream().filter(j -> j.replicas().get(0).state() == ReplicaState.RESULT_REVEALED))
                .as("versions with the replica revealed")
                .isNotEmpty();
        final List<String> journal =
                Files.readAllLines(network.work.resolve(org + "-data").resolve("reports.journal")).stream()
                        .filter(line -> line.contains("\"job\":\"" + id + "\""))
                        .toList();
        assertThat(journal.stream().filter(line -> line.contains("\"stage\":\"COMMITTED\"")))
                .as("COMMITTED entries in the restarted daemon's journal")
                .hasSize(1);
        assertThat(journal.stream().filter(line -> line.contains("\"stage\":\"REVEALED\"")))
                .as("REVEALED entries in the restarted daemon's journal")
                .hasSize(1);
    }

    @Test
    @Order(3)
    void a_daemon_whose_peer_stops_fails_over_to_its_second_peer_and_keeps_working() throws Exception {
        final JobClient org2Customer = new JobClient(network.connect("org2").chaincode());
        network("stop", "org1-peer");
        try {
            final String id = DaemonNetwork.unique("failover");
            org2Customer.submit(network.coinflipJob(id, 5, 3));

            final Job job = network.await(org2Customer, id, DECIDED);
            assertThat(job.replicas().stream().filter(r -> r.state() == ReplicaState.RESULT_REVEALED))
                    .extracting(Replica::msp)
                    .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
            assertThat(network.daemons.get("org1").log()).contains("now connected to");
        } finally {
            network("start", "org1-peer");
            awaitEndorsementThrough("org1");
        }
    }

    @Test
    @Order(4)
    void a_daemon_whose_data_dir_holds_another_ledgers_state_moves_it_aside_and_takes_part_again() throws Exception {
        final Path data = network.work.resolve("org3-data");
        final String otherLedger = "0".repeat(64);
        network.stop("org3");
        Files.writeString(data.resolve(LedgerBinding.ID_FILE), otherLedger + "\n");
        Files.writeString(data.resolve("events.checkpoint"), "{\"blockNumber\":99999999,\"transactionId\":\"\"}");

        network.restart("org3", "none");

        final Path stale = data.resolve(LedgerBinding.STALE_DIR).resolve(otherLedger.substring(0, 12));
        assertThat(stale.resolve("events.checkpoint"))
                .as("the other ledger's checkpoint, kept aside")
                .content()
                .contains("99999999");
        assertThat(Files.readString(data.resolve(LedgerBinding.ID_FILE)).strip())
                .isEqualTo(LedgerIdentity.of(network.connect("org3")));
        assertThat(network.daemons.get("org3").log()).contains("holds state of another ledger");
        final String id = DaemonNetwork.unique("rebound");
        network.customer.submit(network.coinflipJob(id, 5, 3));

        final Job job = network.await(id, DECIDED);
        assertThat(job.replicas().stream().filter(r -> r.state() == ReplicaState.RESULT_REVEALED))
                .as("Org3's daemon hears its assignment again")
                .extracting(Replica::msp)
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
    }

    /**
     * Waits until a submit through the org's peer can be endorsed again: a restarted peer answers at once but plans
     * endorsements only once gossip told it which peers of the other orgs run the chaincode (about 30 s here), and
     * the test classes after this one expect a whole network. Ticks the org's own clock as its admin (a tick is an
     * operator's duty), which changes nothing else.
     */
    private static void awaitEndorsementThrough(final String org) throws InterruptedException {
        final Instant until = Instant.now().plus(Duration.ofMinutes(2));
        final io.povm.client.PovmChaincode chaincode =
                network.connect(org + "-admin").chaincode();
        while (true) {
            try {
                chaincode.submit(ClockTransactions.TICK);
                return;
            } catch (PovmClientException e) {
                if (Instant.now().isAfter(until)) {
                    fail("the " + org + " peer still cannot have a transaction endorsed after its restart: " + e);
                }
                Thread.sleep(2000);
            }
        }
    }

    private static void network(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of("..", "network", "network.sh")
                .toAbsolutePath()
                .normalize()
                .toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        network.work.resolve("network.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("network.sh " + String.join(" ", args) + " failed; see " + network.work.resolve("network.log"));
        }
    }
}
