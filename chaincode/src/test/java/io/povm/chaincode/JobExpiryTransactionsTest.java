// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.LedgerFake.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAccount;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.ReplicaState;
import io.povm.api.Specs;
import io.povm.chaincode.clock.ClockContract;
import io.povm.chaincode.credit.CreditContract;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ExpireJob: a job whose deadline (11:00, {@link Specs#DEADLINE}) passed on the multiparty clock before a verdict ends
 * EXPIRED, its escrow back to the submitter exactly once, its leased replicas released.
 */
class JobExpiryTransactionsTest {
    private static final Instant AFTER_DEADLINE = Instant.parse("2026-11-20T11:00:30Z");

    private final PovmContract jobs = new PovmContract();
    private final CreditContract credits = new CreditContract();
    private final ClockContract clock = new ClockContract();
    private final LedgerFake ledger = new LedgerFake();

    @BeforeEach
    void a_submitted_job_under_three_member_orgs() {
        ledger.committed(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
        jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);
    }

    private long balance() {
        ledger.transaction("tx-balance", AFTER_DEADLINE).signedBy(Signer.SUBMITTER);
        return PovmJson.read(credits.Balance(ledger.ctx, "", ""), CreditAccount.class)
                .balance();
    }

    private void ticks(final Instant at, final String... msps) {
        for (final String msp : msps) {
            final String org = "org" + msp.charAt(3);
            ledger.transaction("tx-tick-" + msp + at, at)
                    .signedBy(new Signer("admin", msp, "CN=Admin@" + org + ".example.com, OU=admin", "x509::a" + org));
            clock.Tick(ledger.ctx);
        }
    }

    private Job expire() {
        ledger.transaction("tx-expire", AFTER_DEADLINE).signedBy(Signer.OTHER_ORG_CLIENT);
        return PovmJson.read(jobs.ExpireJob(ledger.ctx, "flip-1"), Job.class);
    }

    @Test
    void a_job_nobody_took_expires_once_the_other_orgs_clocks_pass_its_deadline_and_its_escrow_comes_back() {
        assertThat(balance()).isLessThan(LedgerFake.FUNDS);
        ticks(AFTER_DEADLINE, "Org2MSP", "Org3MSP");

        final Job expired = expire();

        assertThat(expired.state()).isEqualTo(JobState.EXPIRED);
        assertThat(expired.stateReason()).contains("the deadline passed on the multiparty clock before a verdict");
        assertThat(balance()).isEqualTo(LedgerFake.FUNDS);
    }

    @Test
    void the_submitters_own_clock_cannot_expire_its_job() {
        ticks(AFTER_DEADLINE, "Org1MSP", "Org2MSP");
        ledger.transaction("tx-expire", AFTER_DEADLINE).signedBy(Signer.OTHER_ORG_CLIENT);

        final PovmError error = errorOf(() -> jobs.ExpireJob(ledger.ctx, "flip-1"));

        assertThat(error.toMessage())
                .startsWith("INVALID_STATE [deadline] job 'flip-1' cannot expire yet: deadline 2026-11-20T11:00:00Z has"
                        + " passed on 1 of the 2 member org clocks needed (other than Org1MSP): Org2MSP");
        ledger.assertNothingWritten();
    }

    @Test
    void expiring_twice_refunds_once() {
        ticks(AFTER_DEADLINE, "Org2MSP", "Org3MSP");
        expire();
        final long once = balance();
        ledger.transaction("tx-expire-again", AFTER_DEADLINE).signedBy(Signer.OTHER_ORG_CLIENT);

        final PovmError again = errorOf(() -> jobs.ExpireJob(ledger.ctx, "flip-1"));

        assertThat(again.code()).hasToString("INVALID_STATE");
        assertThat(again.field()).isEqualTo("state");
        assertThat(balance()).isEqualTo(once);
    }

    @Test
    void a_running_replica_of_an_expired_job_is_released_and_paid_nothing() {
        RegisteredWorkers.register(ledger.stub, "Org2MSP", "w2", Signer.WORKER.id());
        ledger.transaction("tx-assign", Instant.parse("2026-11-20T10:01:00Z")).signedBy(Signer.SUBMITTER);
        jobs.AssignJob(ledger.ctx, "flip-1");
        ledger.transaction("tx-ack", Instant.parse("2026-11-20T10:01:05Z")).signedBy(Signer.WORKER);
        jobs.AcknowledgeReplica(ledger.ctx, "flip-1", "0");
        final long before = balance();
        ticks(AFTER_DEADLINE, "Org2MSP", "Org3MSP");

        final Job expired = expire();

        assertThat(expired.replicas()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(ReplicaState.RELEASED));
        assertThat(balance()).isGreaterThan(before);
    }

    @Test
    void a_customer_of_a_non_member_org_cannot_expire_a_job() {
        ticks(AFTER_DEADLINE, "Org2MSP", "Org3MSP");
        ledger.transaction("tx-expire", AFTER_DEADLINE)
                .signedBy(new Signer("outsider", "Org9MSP", "CN=User1@org9.example.com, OU=client", "x509::o9"));

        assertThat(errorOf(() -> jobs.ExpireJob(ledger.ctx, "flip-1")).code()).hasToString("FORBIDDEN");
        ledger.assertNothingWritten();
    }
}
