// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.povm.api.ErrorCode;
import io.povm.api.JobLimits;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaEvent;
import io.povm.api.SlaPage;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.SlaVote;
import io.povm.api.SlaVotes;
import io.povm.api.VmTerms;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.org.MembersClient;
import io.povm.client.sla.SlaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA governance on the real network: three member orgs (set by {@code network.sh deploy}), so a majority is two.
 * Each test proposes its own SLA under a name no earlier run used.
 */
class SlaGovernanceIT {
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    private static SlaClient org1Admin;
    private static SlaClient org2Admin;
    private static SlaClient org3Admin;
    private static SlaClient org1Client;
    private static PovmGateway org3Gateway;

    @BeforeAll
    static void connect() {
        org1Admin = slas("org1-admin");
        org2Admin = slas("org2-admin");
        org3Admin = slas("org3-admin");
        org1Client = slas("org1");
        org3Gateway = GATEWAYS.get(2);
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    private static SlaClient slas(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return new SlaClient(gateway.chaincode());
    }

    /** @return terms under a name no earlier run used, version 1 */
    private static SlaSpec uniqueSpec(final String prefix) {
        return new SlaSpec(
                ItNetwork.uniqueId(prefix),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(600)
                        .minBenchmarkOpsPerSec(1000)
                        .pricePerVmSecond(2)
                        .build(),
                new JobLimits(65_536, 65_536));
    }

    @Test
    void the_network_has_three_member_orgs_and_a_majority_of_two() {
        final var members = new MembersClient(org3Gateway.chaincode()).members();

        assertThat(members.msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(members.threshold()).isEqualTo(2);
    }

    @Test
    void an_sla_proposed_by_org1_is_active_only_after_a_second_org_approves() {
        final SlaSpec spec = uniqueSpec("gov");
        final String ref = spec.ref().toString();

        final Sla proposed = org1Admin.propose(spec);

        assertThat(proposed.state()).isEqualTo(SlaState.PROPOSED);
        assertThat(proposed.proposer().msp()).isEqualTo("Org1MSP");
        assertThat(awaitSla(org3Admin, ref, s -> true).state())
                .as("read through Org3's peer")
                .isEqualTo(SlaState.PROPOSED);
        assertThat(listed(SlaState.PROPOSED)).contains(ref);

        ItNetwork.synced(GATEWAYS);
        final SlaStatus approved = org2Admin.approve(ref);
        ItNetwork.synced(GATEWAYS);

        assertThat(approved.state()).isEqualTo(SlaState.ACTIVE);
        assertThat(approved.approvals()).isEqualTo(2);
        assertThat(approved.threshold()).isEqualTo(2);
        final Sla active = awaitSla(org3Admin, ref, s -> s.state() == SlaState.ACTIVE);
        assertThat(active.activatedAt()).isPresent();
        assertThat(listed(SlaState.ACTIVE)).contains(ref);
        assertThat(listed(SlaState.PROPOSED)).doesNotContain(ref);

        final List<SlaEvent> events = awaitEvents(ref, 2);
        assertThat(events)
                .extracting(SlaEvent::action)
                .containsExactly(SlaEvent.Action.PROPOSE, SlaEvent.Action.APPROVE);
        assertThat(events.get(1).changedState()).isTrue();
        assertThat(events.get(1).org()).isEqualTo("Org2MSP");
        final SlaVotes votes = org1Admin.votes(ref);
        assertThat(votes.approvals()).extracting(SlaVote::msp).containsExactly("Org1MSP", "Org2MSP");
        assertThat(events.get(1).txId()).isEqualTo(votes.approvals().get(1).txId());
    }

    @Test
    void a_client_identity_cannot_propose_and_nothing_is_stored() {
        final SlaSpec spec = uniqueSpec("client");

        assertThatThrownBy(() -> org1Client.propose(spec)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.errorCode()).contains(ErrorCode.FORBIDDEN);
            assertThat(e.error().orElseThrow().field()).isEqualTo("caller");
            assertThat(e.error().orElseThrow().reason())
                    .startsWith("sla:Propose requires an org admin identity (OU=admin)");
        });
        assertThat(org1Admin.find(spec.ref().toString())).isEmpty();
    }

    @Test
    void a_client_identity_cannot_approve_or_deprecate() {
        final String ref = org1Admin.propose(uniqueSpec("client-vote")).ref().toString();

        for (Runnable vote : List.<Runnable>of(() -> org1Client.approve(ref), () -> org1Client.deprecate(ref))) {
            assertThatThrownBy(vote::run)
                    .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                            .contains(ErrorCode.FORBIDDEN));
        }
        assertThat(org1Admin.votes(ref).approvals()).extracting(SlaVote::msp).containsExactly("Org1MSP");
    }

    @Test
    void approving_twice_is_idempotent() {
        final String ref = org1Admin.propose(uniqueSpec("twice")).ref().toString();
        ItNetwork.synced(); // the voter's peer has the proposal
        final SlaStatus first = org2Admin.approve(ref);
        final String firstTx = org2Admin.votes(ref).approvals().get(1).txId();

        final SlaStatus again = org2Admin.approve(ref);

        assertThat(again).isEqualTo(first);
        final SlaVotes votes = org2Admin.votes(ref);
        assertThat(votes.approvals()).hasSize(2);
        assertThat(votes.approvals().get(1).txId()).isEqualTo(firstTx);
        assertThat(org1Admin.propose(org1Admin.get(ref).spec()).proposeTxId())
                .as("proposing the same terms again as the same org replays the stored SLA")
                .isEqualTo(org1Admin.get(ref).proposeTxId());
    }

    @Test
    void the_same_version_with_other_terms_is_a_duplicate() {
        final SlaSpec spec = uniqueSpec("dup");
        org1Admin.propose(spec);
        ItNetwork.synced(GATEWAYS);
        final SlaSpec other = new SlaSpec(spec.name(), 1, spec.vm(), new JobLimits(1, 1));

        assertThatThrownBy(() -> org2Admin.propose(other)).isInstanceOfSatisfying(PovmClientException.class, e -> {
            assertThat(e.errorCode()).contains(ErrorCode.DUPLICATE_ID);
            assertThat(e.error().orElseThrow().field()).isEqualTo("version");
        });
        assertThat(org1Admin.get(spec.ref().toString()).spec()).isEqualTo(spec);
    }

    @Test
    void deprecation_needs_a_majority_too() {
        final String ref = org1Admin.propose(uniqueSpec("deprecate")).ref().toString();
        assertThatThrownBy(() -> org1Admin.deprecate(ref))
                .as("a PROPOSED SLA cannot be deprecated")
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
        ItNetwork.synced(GATEWAYS);
        org3Admin.approve(ref);
        ItNetwork.synced(GATEWAYS);

        final SlaStatus oneVote = org1Admin.deprecate(ref);
        ItNetwork.synced(GATEWAYS);

        assertThat(oneVote.state()).isEqualTo(SlaState.ACTIVE);
        assertThat(oneVote.deprecationVotes()).isEqualTo(1);

        final SlaStatus twoVotes = org2Admin.deprecate(ref);

        assertThat(twoVotes.state()).isEqualTo(SlaState.DEPRECATED);
        assertThat(twoVotes.deprecationVotes()).isEqualTo(2);
        ItNetwork.synced(GATEWAYS);
        assertThat(awaitSla(org3Admin, ref, s -> s.state() == SlaState.DEPRECATED)
                        .deprecatedAt())
                .isPresent();
        assertThat(listed(SlaState.DEPRECATED)).contains(ref);
        assertThatThrownBy(() -> org2Admin.approve(ref))
                .as("a DEPRECATED SLA takes no new approval (Org2 had not approved it)")
                .isInstanceOfSatisfying(PovmClientException.class, e -> assertThat(e.errorCode())
                        .contains(ErrorCode.INVALID_STATE));
    }

    @Test
    void bad_terms_are_refused_by_the_chaincode_naming_the_field_and_the_ledger_is_unchanged() {
        final SlaSpec spec = uniqueSpec("bad");
        final String tooLittleCpu = PovmJson.write(spec).replace("\"cpuMillis\":1000", "\"cpuMillis\":50");
        final long before = countSlas();

        assertThatThrownBy(() -> GATEWAYS.get(0).chaincode().submit("sla:Propose", tooLittleCpu))
                .isInstanceOfSatisfying(PovmClientException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.error().orElseThrow().field()).isEqualTo("vm.cpuMillis");
                    assertThat(e.error().orElseThrow().reason()).contains("from 100 to 64000");
                });

        assertThat(org1Admin.find(spec.ref().toString())).isEmpty();
        assertThat(countSlas()).isEqualTo(before);
    }

    private static List<String> listed(final SlaState state) {
        final List<String> refs = new ArrayList<>();
        String bookmark = "";
        do {
            final SlaPage page = org1Admin.list(state, SlaClient.MAX_PAGE_SIZE, bookmark);
            page.slas().forEach(s -> refs.add(s.ref().toString()));
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return refs;
    }

    private static long countSlas() {
        long count = 0;
        String bookmark = "";
        do {
            final SlaPage page = org1Admin.list(SlaClient.MAX_PAGE_SIZE, bookmark);
            count += page.count();
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return count;
    }

    /** Reads an SLA through a peer that may commit a block a moment later than the submitting one. */
    private static Sla awaitSla(final SlaClient slas, final String ref, final Predicate<Sla> condition) {
        final Instant deadline = Instant.now().plus(PROPAGATION_TIMEOUT);
        while (true) {
            final Optional<Sla> sla = slas.find(ref);
            if (sla.isPresent() && condition.test(sla.get())) {
                return sla.get();
            }
            if (Instant.now().isAfter(deadline)) {
                return fail("SLA " + ref + " did not reach the expected state within " + PROPAGATION_TIMEOUT);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Reads the chaincode events from the first block until {@code count} events of this SLA have come. */
    private static List<SlaEvent> awaitEvents(final String ref, final int count) {
        final ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "sla-events-it"));
        final CloseableIterator<ChaincodeEvent> stream = org3Gateway
                .network()
                .newChaincodeEventsRequest(org3Gateway.profile().chaincode())
                .startBlock(0)
                .build()
                .getEvents();
        try {
            final Future<List<SlaEvent>> found = reader.submit(() -> {
                final List<SlaEvent> events = new ArrayList<>();
                while (events.size() < count && stream.hasNext()) {
                    final ChaincodeEvent event = stream.next();
                    if (event.getEventName().startsWith("Sla")) {
                        final SlaEvent sla =
                                PovmJson.read(new String(event.getPayload(), StandardCharsets.UTF_8), SlaEvent.class);
                        if (sla.sla().equals(ref)) {
                            assertThat(sla.txId()).isEqualTo(event.getTransactionId());
                            events.add(sla);
                        }
                    }
                }
                return events;
            });
            return found.get(EVENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("fewer than " + count + " events of SLA " + ref + " within " + EVENT_TIMEOUT);
        } catch (ExecutionException e) {
            throw new AssertionError("reading chaincode events failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while reading events");
        } finally {
            stream.close();
            reader.shutdownNow();
        }
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
