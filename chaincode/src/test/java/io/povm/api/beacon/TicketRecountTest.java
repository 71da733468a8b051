// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.JobState;
import io.povm.api.Settlement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketRecountTest {
    private static final String W1 = "Org1MSP/w1";
    private static final String W2 = "Org2MSP/w2";

    private static RoundHeader header(final String mode, final List<TicketTotal> totals) {
        return new RoundHeader(
                7,
                List.of(new RoundMember("Org1MSP", 1, "pk")),
                1,
                "2026-12-06T00:00:00Z",
                "Org1MSP",
                "tx",
                null,
                null,
                null,
                null,
                mode,
                totals,
                "hash",
                100,
                1,
                0,
                1);
    }

    private static TicketTotal total(final String worker, final long tickets) {
        return new TicketTotal(worker, worker.substring(0, 7), "x509::" + worker, tickets, "replicas");
    }

    private static Ticket ticket(final String job, final int replica, final String worker, long vm, long permille) {
        return new Ticket(
                7,
                job,
                replica,
                worker,
                worker.substring(0, 7),
                "x509::" + worker,
                vm,
                permille,
                Ticket.of(vm, permille));
    }

    private static Settlement.Entry payout(final int replica, final String worker, final Long vm, final Long permille) {
        return new Settlement.Entry(
                Settlement.Entry.PAYOUT,
                worker.substring(0, 7),
                "x509::" + worker,
                10,
                "escrow",
                worker,
                replica,
                10L,
                vm,
                permille,
                "due");
    }

    private static Settlement settlement(final String job, final Settlement.Entry... entries) {
        return new Settlement(
                job,
                Settlement.SETTLE,
                JobState.FINALIZED,
                "2026-12-06T00:00:00Z",
                "tx",
                "h",
                null,
                30,
                0,
                List.of(entries));
    }

    private static final Map<String, Settlement> SETTLED = Map.of(
            "j1", settlement("j1", payout(0, W1, 1200L, 1000L), payout(1, W2, 1200L, 750L)),
            "j2", settlement("j2", payout(0, W1, 400L, 1000L)));

    private static List<String> recount(final RoundHeader header, final List<Ticket> tickets) {
        return TicketRecount.differences(header, tickets, id -> Optional.ofNullable(SETTLED.get(id)));
    }

    private static final List<Ticket> EARNED =
            List.of(ticket("j1", 0, W1, 1200, 1000), ticket("j1", 1, W2, 1200, 750), ticket("j2", 0, W1, 400, 1000));

    @Test
    void frozen_totals_that_are_the_sums_of_agreed_vm_ms_times_the_multiplier_recount_without_difference() {
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 1600), total(W2, 900))), EARNED))
                .isEmpty();
    }

    @Test
    void a_frozen_total_above_the_sum_of_the_workers_tickets_is_named() {
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 1601), total(W2, 900))), EARNED))
                .singleElement()
                .asString()
                .contains("frozen tickets")
                .contains(W1 + "=1601");
    }

    @Test
    void a_ticket_on_more_vm_ms_than_its_settlement_paid_is_named_by_job_and_replica() {
        final List<Ticket> inflated =
                List.of(ticket("j1", 0, W1, 599_999, 1000), ticket("j1", 1, W2, 1200, 750), EARNED.get(2));
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 600_399), total(W2, 900))), inflated))
                .singleElement()
                .asString()
                .startsWith("j1 replica 0: ticket 599999")
                .contains("1200 VM-ms x 1000‰ give 1200");
    }

    @Test
    void a_ticket_without_a_payout_in_its_jobs_settlement_is_named() {
        final List<Ticket> extra = List.of(EARNED.get(0), EARNED.get(1), EARNED.get(2), ticket("j2", 1, W2, 400, 750));
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 1600), total(W2, 1200))), extra))
                .containsExactly("j2 replica 1: no payout to this replica in the job's settlement");
        final List<Ticket> unsettled = List.of(ticket("j9", 0, W1, 400, 1000));
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 400))), unsettled))
                .containsExactly("j9 replica 0: no payout to this replica in the job's settlement");
    }

    @Test
    void a_ticket_for_another_worker_than_the_one_paid_is_named() {
        final List<Ticket> stolen = List.of(ticket("j1", 0, W2, 1200, 1000), EARNED.get(1), EARNED.get(2));
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 400), total(W2, 2100))), stolen))
                .singleElement()
                .asString()
                .contains("names worker " + W2 + ", the settlement paid " + W1);
    }

    @Test
    void a_settlement_stored_before_agreed_usage_cannot_be_recounted_and_says_so() {
        final Map<String, Settlement> old = Map.of("j0", settlement("j0", payout(0, W1, null, null)));
        assertThat(TicketRecount.differences(
                        header(BeaconConfig.POVM, List.of(total(W1, 5))),
                        List.of(ticket("j0", 0, W1, 5, 1000)),
                        id -> Optional.ofNullable(old.get(id))))
                .singleElement()
                .asString()
                .contains("cannot be recomputed");
    }

    @Test
    void frozen_tickets_without_any_earned_ticket_are_named() {
        assertThat(recount(header(BeaconConfig.POVM, List.of(total(W1, 5))), List.of()))
                .singleElement()
                .asString()
                .contains("frozen tickets");
    }

    @Test
    void a_cloudpos_round_stakes_capacity_and_has_nothing_to_recount() {
        assertThat(recount(header(BeaconConfig.CLOUDPOS, List.of(total(W1, 5))), List.of()))
                .isEmpty();
    }
}
