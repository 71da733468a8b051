// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import io.povm.chaincode.clock.ClockContract;
import io.povm.chaincode.clock.ClockLedger;
import io.povm.chaincode.clock.LedgerTime;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client chooses its proposal's timestamp, so every deadline a transaction computes from it is bounded by the
 * multiparty clock's majority time, as the epoch key records it ({@link LedgerTime}): a forward-dated submission
 * cannot stretch its deadline window, a forward-dated assignment cannot stretch its leases.
 */
class ForgedTimestampTest {
    private static final Instant CLOCK = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant TEN_YEARS_LATER = Instant.parse("2036-11-20T10:00:00Z");

    private final LedgerFake ledger = new LedgerFake();
    private final PovmContract jobs = new PovmContract();

    @BeforeEach
    void the_clock_of_a_majority_of_orgs_stands_at_ten() {
        ledger.committed(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        ledger.committed(ClockLedger.epochKey(), "2026-11-20T10:00:00.000Z");
    }

    @Test
    void a_submission_dated_ten_years_ahead_cannot_have_a_deadline_ten_years_ahead() {
        ledger.transaction("tx-forged", TEN_YEARS_LATER).signedBy(Signer.SUBMITTER);

        final PovmError error = LedgerFake.errorOf(
                () -> jobs.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("deadline", "2036-11-20T11:00:00Z"))));

        assertThat(error.code()).hasToString("INVALID_ARGUMENT");
        assertThat(error.field()).isEqualTo("deadline");
        assertThat(error.reason()).contains("the submission at 2026-11-20T10:02:00Z");
        ledger.assertNothingWritten();
    }

    @Test
    void a_submission_dated_ahead_is_recorded_at_the_clocks_bound() {
        ledger.transaction("tx-ahead", CLOCK.plusSeconds(3_600)).signedBy(Signer.SUBMITTER);

        final Job job = PovmJson.read(
                jobs.SubmitJob(ledger.ctx, Specs.edited(s -> s.put("deadline", "2026-11-20T11:30:00Z"))), Job.class);

        assertThat(job.submittedAt()).isEqualTo("2026-11-20T10:02:00.000Z");
    }

    @Test
    void a_forward_dated_assignment_counts_its_leases_from_the_clocks_bound() {
        RegisteredWorkers.register(ledger.stub, "Org2MSP", "w2", Signer.WORKER.id());
        ledger.transaction("tx-submit", CLOCK.plusSeconds(1)).signedBy(Signer.SUBMITTER);
        jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);
        ledger.transaction("tx-assign", TEN_YEARS_LATER).signedBy(Signer.SUBMITTER);

        final Job assigned = PovmJson.read(jobs.AssignJob(ledger.ctx, "flip-1"), Job.class);

        final Instant acknowledgeBy =
                Instant.parse(assigned.replicas().get(0).acknowledgeBy().orElseThrow());
        assertThat(acknowledgeBy).isBefore(CLOCK.plus(LedgerTime.MAX_AHEAD).plusSeconds(3_600));
    }

    @Test
    void the_epoch_moves_only_when_the_majority_time_moved_a_minute_on() {
        final ClockContract clock = new ClockContract();
        ledger.state.remove(ClockLedger.epochKey());
        tick(clock, Signer.ORG_ADMIN, CLOCK);
        assertThat(ledger.text(ClockLedger.epochKey())).isNull();
        tick(clock, admin("Org2MSP"), CLOCK.plusSeconds(1));
        assertThat(ledger.text(ClockLedger.epochKey())).isEqualTo("2026-11-20T10:00:00.000Z");

        tick(clock, Signer.ORG_ADMIN, CLOCK.plusSeconds(40));
        tick(clock, admin("Org2MSP"), CLOCK.plusSeconds(41));
        assertThat(ledger.text(ClockLedger.epochKey())).isEqualTo("2026-11-20T10:00:00.000Z");

        tick(clock, Signer.ORG_ADMIN, CLOCK.plusSeconds(70));
        tick(clock, admin("Org2MSP"), CLOCK.plusSeconds(71));
        assertThat(ledger.text(ClockLedger.epochKey())).isEqualTo("2026-11-20T10:01:10.000Z");
    }

    private void tick(final ClockContract clock, final Signer admin, final Instant at) {
        ledger.transaction("tx-tick-" + at, at).signedBy(admin);
        clock.Tick(ledger.ctx);
    }

    private static Signer admin(final String msp) {
        final String org = "org" + msp.charAt(3);
        return new Signer("admin", msp, "CN=Admin@" + org + ".example.com, OU=admin", "x509::CN=a::CN=ca." + org);
    }
}
