// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Dispute;
import io.povm.api.Job;
import io.povm.api.JobSpec;
import io.povm.api.JobState;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import io.povm.api.beacon.Audit;
import io.povm.api.beacon.JobAudit;
import io.povm.api.beacon.RoundHeader;
import io.povm.api.beacon.RoundResult;
import io.povm.chaincode.MockLedger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A job's random audit: the round that decides it, and what each stage of that round says. */
class JobAuditsTest {
    private static final Submitter CUSTOMER = new Submitter("Org1MSP", "x509::u1");
    private static final String SEED = "5e".repeat(32);

    private static Job job(final String id) {
        final JobSpec spec = PovmJson.read(Specs.edited(tree -> tree.put("id", id)), JobSpec.class);
        return Job.submitted(spec, CUSTOMER, "2026-11-21T10:00:00.000Z", "tx");
    }

    private static RoundHeader header(final long num, final long den) {
        return new RoundHeader(
                7, List.of(), 2, "t", "Org1MSP", "tx", "t", "t", "t", "00", "povm", List.of(), "00", 0, 1, num, den);
    }

    private static RoundResult result() {
        return new RoundResult(7, SEED, SEED, SEED, SEED, List.of(), List.of(), List.of(), null, "t", "Org1MSP", "tx");
    }

    private static JobAudit closed(final String id, final long num, final long den) {
        return JobAudits.of(job(id), Optional.of(7L), Optional.of(header(num, den)), Optional.of(result()));
    }

    @Test
    void a_job_without_a_soft_verdict_has_no_audit_round() {
        final JobAudit audit = JobAudits.of(job("flip-1"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(audit.state()).isEqualTo(JobAudit.NONE);
        assertThat(audit.round()).isNull();
    }

    @Test
    void the_audit_waits_for_its_round_to_open_then_to_close() {
        assertThat(JobAudits.of(job("flip-1"), Optional.of(7L), Optional.empty(), Optional.empty())
                        .state())
                .isEqualTo(JobAudit.WAITING);
        final JobAudit open =
                JobAudits.of(job("flip-1"), Optional.of(7L), Optional.of(header(1, 10)), Optional.empty());
        assertThat(open.state()).isEqualTo(JobAudit.OPEN);
        assertThat(open.auditNum()).isEqualTo(1);
        assertThat(open.auditDen()).isEqualTo(10);
    }

    @Test
    void a_closed_round_selects_exactly_the_jobs_its_audit_seed_picks_at_the_frozen_rate() {
        final List<String> ids =
                IntStream.range(0, 200).mapToObj(i -> "flip-" + i).toList();
        final byte[] seed = HexFormat.of().parseHex(SEED);

        final List<String> selected =
                ids.stream().filter(id -> closed(id, 1, 4).isSelected()).toList();

        assertThat(selected)
                .isEqualTo(ids.stream()
                        .filter(id -> Audit.selected(seed, id, 1, 4))
                        .toList());
        assertThat(selected.size()).as("about a quarter of 200").isBetween(30, 70);
        assertThat(closed(ids.get(0), 0, 1).state()).as("rate 0 audits nothing").isEqualTo(JobAudit.NOT_SELECTED);
        assertThat(closed(ids.get(0), 1, 1).state())
                .as("rate 1 audits everything")
                .isEqualTo(JobAudit.SELECTED);
        assertThat(closed(ids.get(0), 1, 1).note()).contains("selected at 1/1 by round 7");
    }

    @Test
    void a_job_whose_audit_started_is_audited_whatever_its_round_says() {
        final Job audited = job("flip-1")
                .withResolution(Job.Resolution.NONE.withDispute(
                        Dispute.audit(CUSTOMER, "random audit selected by beacon round 7", 7, "t", 1)));

        final JobAudit audit = JobAudits.of(audited, Optional.of(7L), Optional.of(header(1, 1)), Optional.of(result()));

        assertThat(audit.state()).isEqualTo(JobAudit.AUDITED);
        assertThat(audit.round()).isEqualTo(7L);
    }

    @Test
    void the_audit_round_is_recorded_once_when_the_job_enters_its_soft_verdict() {
        final MockLedger ledger = new MockLedger();
        final BeaconLedger beacon = new BeaconLedger(ledger.stub());
        final Job pending = job("flip-1").withState(JobState.RESULTS_PENDING, "t", Optional.empty());
        final Job soft = pending.withState(JobState.RESOLVED_SOFT, "t", Optional.empty());

        JobAudits.onTransition(beacon, job("flip-1"), pending);
        assertThat(beacon.auditRoundOfJob("flip-1")).isEmpty();
        JobAudits.onTransition(beacon, pending, soft);
        ledger.commit();
        assertThat(beacon.auditRoundOfJob("flip-1"))
                .as("latest is 0: round 1 decides")
                .contains(1L);
    }
}
