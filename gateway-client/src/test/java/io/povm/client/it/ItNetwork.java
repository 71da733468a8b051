// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.fail;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.Redundancy;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.clock.ClockClient;
import io.povm.client.job.JobClient;
import io.povm.client.profile.ProfileLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running network the integration tests use: its profiles come from {@code $POVM_RUN_DIR/profiles}. A missing
 * network fails the tests with a message saying how to start one; it never skips them.
 */
final class ItNetwork {
    /** A well-formed, digest-pinned image reference; the tests only store jobs, nothing runs it. */
    static final String IMAGE = "povm/coinflip@sha256:" + "0123456789abcdef".repeat(4);

    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private ItNetwork() {}

    /** Fails unless POVM_RUN_DIR names a run directory with profiles. */
    static ProfileLocator profiles() {
        final String runDir = System.getenv(ProfileLocator.RUN_DIR_VARIABLE);
        if (runDir == null || runDir.isBlank()) {
            return fail("POVM_RUN_DIR is not set. The integration tests run against a real network: start it with"
                    + " network/network.sh up, then run them with POVM_RUN_DIR=<repo>/.run (or skip them with"
                    + " -DskipITs)");
        }
        final ProfileLocator locator = new ProfileLocator(Path.of(runDir));
        if (!Files.isDirectory(locator.profilesDir())) {
            return fail("POVM_RUN_DIR=" + runDir + " has no profiles/ folder; is the network up? run"
                    + " network/network.sh up");
        }
        return locator;
    }

    /** How far ahead the tests' specs put their deadline. */
    static final Duration DEADLINE_AHEAD = Duration.ofHours(1);

    /** @return a well-formed single-replica spec for {@link #IMAGE} with the given id and command, due in an hour */
    static JobSpec spec(final String id, final String... command) {
        return builder(id).command(List.of(command)).build();
    }

    /** @return a builder of {@link #spec}: single replica, standard@1, due in an hour; give it a command */
    static JobSpec.Builder builder(final String id) {
        return JobSpec.builder(id)
                .image(IMAGE)
                .env(Map.of())
                .sla("standard@1")
                .redundancy(Redundancy.kVote(1))
                .deadline(Instant.now()
                        .plus(DEADLINE_AHEAD)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /** Connects as a profile, without environment overrides. */
    static PovmGateway connect(final String profile) {
        return PovmGateway.connect(profiles().load(profile, Map.of()));
    }

    static JobClient jobs(final PovmGateway gateway) {
        return new JobClient(gateway.chaincode());
    }

    /** @return an id no earlier run used: prefix, time, random */
    static String uniqueId(final String prefix) {
        final byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return prefix + "-" + Instant.now().toEpochMilli() + "-"
                + HexFormat.of().formatHex(random);
    }

    /**
     * Reads a job through another organization's peer, which may commit the block a moment after the submitting
     * peer did: retries NOT_FOUND for up to 20 s.
     */
    static Job awaitJob(final JobClient jobs, final String id) {
        final Instant deadline = Instant.now().plus(PROPAGATION_TIMEOUT);
        while (true) {
            final Optional<Job> job = jobs.find(id);
            if (job.isPresent()) {
                return job.get();
            }
            if (Instant.now().isAfter(deadline)) {
                return fail("job " + id + " did not reach the peer within " + PROPAGATION_TIMEOUT);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting for job " + id);
            }
        }
    }

    /**
     * Every org ticks the multiparty clock (a tick is a duty of the org's operator, so the gateways are its admin's; the
     * first org resumes the clock when it stalled since the last test ticked), then waits until every org's peer has
     * committed all the ticks: each tick
     * returns once its own org's peer committed it, and a transaction endorsed right after on a peer that is a block
     * behind would still see the deadline open.
     *
     * @param gateways one gateway per org, by org, each an operator's or an admin's
     */
    static void everyOrgTicks(final Map<String, PovmGateway> gateways) {
        for (final PovmGateway gateway : gateways.values()) {
            new ClockClient(gateway.chaincode()).tickOrResume();
        }
        synced(List.copyOf(gateways.values()));
    }

    /** @return how many jobs the ledger holds, counted over every page */
    static long countJobs(final JobClient jobs) {
        long count = 0;
        String bookmark = "";
        do {
            final JobPage page = jobs.list(JobClient.MAX_PAGE_SIZE, bookmark);
            count += page.count();
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return count;
    }

    /**
     * @return whether a listing's pages, followed to the end, hold the job with this id; stops at the first page that
     *     does
     */
    static boolean listed(final java.util.function.BiFunction<Integer, String, JobPage> listing, final String id) {
        String bookmark = "";
        do {
            final JobPage page = listing.apply(JobClient.MAX_PAGE_SIZE, bookmark);
            if (page.jobs().stream().anyMatch(job -> job.id().equals(id))) {
                return true;
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return false;
    }

    /** @return the chaincode's refusal of a call, failing the test when the call succeeds or fails otherwise */
    static PovmClientException rejection(final Runnable call) {
        try {
            call.run();
        } catch (PovmClientException e) {
            if (e.kind() != PovmClientException.Kind.REJECTED) {
                return fail("expected a rejection by the chaincode, got " + e.kind() + ": " + e.getMessage(), e);
            }
            return e;
        }
        return fail("expected the call to be rejected by the chaincode");
    }

    /**
     * Waits until every gateway's peer has committed every block any of them had when called: a transaction returns
     * once its own org's peer committed it, and a call through another org's peer right after can still read the
     * state before it. Call it between a write through one org and a step through another that depends on it.
     */
    static void synced(final List<PovmGateway> gateways) {
        final long target = gateways.stream().mapToLong(ItNetwork::height).max().orElse(0);
        final Instant deadline = Instant.now().plus(PROPAGATION_TIMEOUT);
        for (final PovmGateway gateway : gateways) {
            while (height(gateway) < target) {
                if (Instant.now().isAfter(deadline)) {
                    fail("peer " + gateway.profile().peerEndpoint() + " did not reach block height " + target
                            + " within " + PROPAGATION_TIMEOUT);
                }
                try {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted while waiting for the peers to catch up");
                }
            }
        }
    }

    /** As {@link #synced(List)}, through fresh connections to the three orgs' peers. */
    static void synced() {
        final List<PovmGateway> gateways = List.of(connect("org1"), connect("org2"), connect("org3"));
        try {
            synced(gateways);
        } finally {
            gateways.forEach(PovmGateway::close);
        }
    }

    /** @return the channel's block height on the gateway's peer (qscc GetChainInfo) */
    static long height(final PovmGateway gateway) {
        try {
            final byte[] info = gateway.network()
                    .getContract("qscc")
                    .evaluateTransaction("GetChainInfo", gateway.profile().channel());
            return org.hyperledger.fabric.protos.common.BlockchainInfo.parseFrom(info)
                    .getHeight();
        } catch (org.hyperledger.fabric.client.GatewayException
                | com.google.protobuf.InvalidProtocolBufferException e) {
            return fail(
                    "cannot read the block height of peer " + gateway.profile().peerEndpoint(), e);
        }
    }
}
