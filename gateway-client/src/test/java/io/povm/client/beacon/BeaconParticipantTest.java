// SPDX-License-Identifier: Apache-2.0
package io.povm.client.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.BeaconParty;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.Hex;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.RoundResult;
import io.povm.api.beacon.RoundReveal;
import io.povm.api.beacon.RoundView;
import io.povm.api.beacon.ShareCipher;
import io.povm.api.beacon.Ticket;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** What one org's participant does in each phase of the latest round. */
class BeaconParticipantTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:01:00Z");
    private static final List<BigInteger> KEYS =
            List.of(BigInteger.valueOf(11), BigInteger.valueOf(12), BigInteger.valueOf(13));

    @TempDir
    Path state;

    private final BeaconClient beacon = mock(BeaconClient.class);
    private final SecureRandom random = new SecureRandom();

    private BeaconParticipant participant(final BeaconParticipant.Mode mode) {
        when(beacon.channel()).thenReturn("povm");
        return new BeaconParticipant("Org1MSP", KEYS.get(0), state, mode, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RoundHeader header(final long round, final String revealBy) {
        return new RoundHeader(
                round,
                List.of(
                        new RoundMember("Org1MSP", 1, ShareCipher.publicKey(KEYS.get(0))),
                        new RoundMember("Org2MSP", 2, ShareCipher.publicKey(KEYS.get(1))),
                        new RoundMember("Org3MSP", 3, ShareCipher.publicKey(KEYS.get(2)))),
                2,
                "2026-11-21T10:00:00.000Z",
                "Org1MSP",
                "tx",
                "2026-11-21T10:00:20.000Z",
                "2026-11-21T10:00:40.000Z",
                revealBy,
                "0".repeat(64),
                "povm",
                List.of(),
                "ab".repeat(32),
                1000,
                1,
                1,
                10);
    }

    private static RoundView view(
            final RoundHeader header,
            final String phase,
            final List<RoundCommit> commits,
            final List<RoundReveal> reveals) {
        return new RoundView(header, phase, "", commits, List.of(), reveals, List.of(), null);
    }

    @Test
    void before_any_round_it_opens_the_first() {
        when(beacon.latest()).thenReturn(Optional.empty());

        assertThat(participant(BeaconParticipant.Mode.HONEST).step(beacon)).containsExactly("open 1");
        verify(beacon).open();
    }

    @Test
    void in_the_commit_phase_it_keeps_its_polynomial_on_disk_then_commits_threshold_commitments() {
        when(beacon.latest())
                .thenReturn(Optional.of(view(header(3, "2026-11-21T10:01:00.000Z"), "COMMIT", List.of(), List.of())));

        assertThat(participant(BeaconParticipant.Mode.HONEST).step(beacon)).containsExactly("commit 3");

        final ArgumentCaptor<RoundCommit> commit = ArgumentCaptor.forClass(RoundCommit.class);
        verify(beacon).commit(commit.capture());
        assertThat(commit.getValue().commitments()).hasSize(2);
        assertThat(commit.getValue().shares())
                .extracting(RoundCommit.SealedShare::holder)
                .containsExactly("Org2MSP", "Org3MSP");
        assertThat(Files.exists(state.resolve("round-3.json"))).isTrue();
    }

    @Test
    void after_a_restart_it_reveals_the_secret_it_committed_to() {
        when(beacon.latest())
                .thenReturn(Optional.of(view(header(3, "2026-11-21T10:01:00.000Z"), "COMMIT", List.of(), List.of())));
        participant(BeaconParticipant.Mode.HONEST).step(beacon);
        final ArgumentCaptor<RoundCommit> commit = ArgumentCaptor.forClass(RoundCommit.class);
        verify(beacon).commit(commit.capture());
        when(beacon.latest())
                .thenReturn(Optional.of(
                        view(header(3, "2026-11-21T10:01:30.000Z"), "REVEAL", List.of(commit.getValue()), List.of())));

        final BeaconParticipant restarted = participant(BeaconParticipant.Mode.HONEST);
        assertThat(restarted.step(beacon)).containsExactly("reveal 3");

        final ArgumentCaptor<String> secret = ArgumentCaptor.forClass(String.class);
        verify(beacon).reveal(anyLong(), secret.capture());
        assertThat(ShareCipher.publicKey(Hex.scalar("s", secret.getValue())))
                .isEqualTo(commit.getValue().commitments().get(0));
    }

    @Test
    void a_withholding_participant_never_reveals_and_nobody_recovers_before_the_deadline() {
        final RoundHeader header = header(3, "2026-11-21T10:01:30.000Z");
        final Feldman other = Feldman.random(2, random);
        final RoundCommit theirs = BeaconParty.deal(header, "Org2MSP", other, random);
        when(beacon.latest()).thenReturn(Optional.of(view(header, "COMMIT", List.of(), List.of())));
        participant(BeaconParticipant.Mode.WITHHOLD).step(beacon);
        final ArgumentCaptor<RoundCommit> mine = ArgumentCaptor.forClass(RoundCommit.class);
        verify(beacon).commit(mine.capture());
        when(beacon.latest())
                .thenReturn(Optional.of(view(header, "REVEAL", List.of(mine.getValue(), theirs), List.of())));

        assertThat(participant(BeaconParticipant.Mode.WITHHOLD).step(beacon)).isEmpty();
        verify(beacon, never()).reveal(anyLong(), anyString());
        verify(beacon, never()).recover(anyLong(), anyString(), anyString());
    }

    @Test
    void after_the_reveal_deadline_it_posts_its_share_of_a_dealer_that_withheld() {
        final RoundHeader header = header(3, "2026-11-21T10:00:59.000Z");
        final Feldman other = Feldman.random(2, random);
        final RoundCommit theirs = BeaconParty.deal(header, "Org2MSP", other, random);
        final RoundReveal myReveal = new RoundReveal(3, "Org1MSP", "00", null);
        when(beacon.latest()).thenReturn(Optional.of(view(header, "COMMIT", List.of(), List.of())));
        participant(BeaconParticipant.Mode.HONEST).step(beacon);
        final ArgumentCaptor<RoundCommit> mine = ArgumentCaptor.forClass(RoundCommit.class);
        verify(beacon).commit(mine.capture());
        final Feldman myPolynomial = Feldman.random(2, random);
        when(beacon.latest())
                .thenReturn(Optional.of(view(
                        header,
                        "REVEAL",
                        List.of(mine.getValue(), theirs),
                        List.of(new RoundReveal(3, "Org1MSP", revealOf(mine.getValue()), null)))));

        final List<String> done = participant(BeaconParticipant.Mode.HONEST).step(beacon);

        assertThat(done).containsExactly("recover Org2MSP in 3");
        final ArgumentCaptor<String> share = ArgumentCaptor.forClass(String.class);
        verify(beacon)
                .recover(
                        org.mockito.ArgumentMatchers.eq(3L),
                        org.mockito.ArgumentMatchers.eq("Org2MSP"),
                        share.capture());
        assertThat(Hex.scalar("share", share.getValue())).isEqualTo(other.share(1));
        assertThat(myReveal.round()).isEqualTo(3);
        assertThat(myPolynomial.threshold()).isEqualTo(2);
    }

    private String revealOf(final RoundCommit commit) {
        try {
            final List<?> coefficients = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(
                            state.resolve("round-" + commit.round() + ".json").toFile(), List.class);
            return String.valueOf(coefficients.get(0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Round 3, closed at 10:00:30: with the default 30 s cadence the next may open from 10:01:00, which is now. */
    private void closedRoundThree() {
        final RoundResult result = new RoundResult(
                3,
                "aa",
                "bb",
                "cc",
                "dd",
                List.of(),
                List.of(),
                List.of(),
                new RoundResult.Lottery(List.of(), List.of(), 1000, List.of()),
                "2026-11-21T10:00:30.000Z",
                "Org2MSP",
                "tx");
        when(beacon.latest())
                .thenReturn(Optional.of(new RoundView(
                        header(3, "2026-11-21T10:00:20.000Z"),
                        "CLOSED",
                        "closed",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        result)));
        when(beacon.config()).thenReturn(BeaconConfig.DEFAULT);
    }

    @Test
    void a_closed_round_is_followed_by_the_next_once_the_cadence_passed() {
        closedRoundThree();

        assertThat(participant(BeaconParticipant.Mode.HONEST).step(beacon)).containsExactly("open 4");
        verify(beacon).open();
        verify(beacon, never()).commit(any());
    }

    @Test
    void on_demand_with_nothing_waiting_no_round_opens_and_the_participant_asks_again_only_after_the_recheck() {
        closedRoundThree();
        when(beacon.tickets(4)).thenReturn(List.of());
        final BeaconParticipant participant = participant(BeaconParticipant.Mode.HONEST);

        assertThat(participant.step(beacon, () -> false)).isEmpty();
        assertThat(participant.roundUnderWay()).isFalse();
        assertThat(participant.step(beacon, () -> true))
                .as("within the recheck")
                .isEmpty();
        verify(beacon, never()).open();
    }

    @Test
    void on_demand_a_job_not_yet_final_opens_the_next_round() {
        closedRoundThree();

        assertThat(participant(BeaconParticipant.Mode.HONEST).step(beacon, () -> true))
                .containsExactly("open 4");
    }

    @Test
    void on_demand_tickets_of_paid_work_waiting_for_the_next_round_open_it() {
        closedRoundThree();
        when(beacon.tickets(4))
                .thenReturn(
                        List.of(new Ticket(4, "job-1", 0, "Org1MSP/w1", "Org1MSP", "x509::CN=w1", 2000, 1000, 2000)));
        final BeaconParticipant participant = participant(BeaconParticipant.Mode.HONEST);

        assertThat(participant.step(beacon, () -> false)).containsExactly("open 4");
        assertThat(participant.roundUnderWay()).isTrue();
    }

    @Test
    void on_demand_a_cloudpos_lottery_opens_a_round_every_cadence() {
        closedRoundThree();
        final BeaconConfig d = BeaconConfig.DEFAULT;
        when(beacon.config())
                .thenReturn(new BeaconConfig(
                        d.phaseSeconds(),
                        d.cadenceSeconds(),
                        d.reward(),
                        d.winners(),
                        BeaconConfig.CLOUDPOS,
                        d.gammaPermille(),
                        d.heartbeatSeconds(),
                        d.auditNum(),
                        d.auditDen(),
                        d.assignment()));

        assertThat(participant(BeaconParticipant.Mode.HONEST).step(beacon, () -> false))
                .containsExactly("open 4");
    }

    @Test
    void a_round_in_a_phase_counts_as_under_way() {
        when(beacon.latest())
                .thenReturn(Optional.of(view(header(5, "2026-11-21T10:01:20.000Z"), "REVEAL", List.of(), List.of())));
        final BeaconParticipant participant = participant(BeaconParticipant.Mode.HONEST);

        participant.step(beacon, () -> false);

        assertThat(participant.roundUnderWay()).isTrue();
    }
}
