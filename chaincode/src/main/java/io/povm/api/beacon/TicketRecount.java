// SPDX-License-Identifier: Apache-2.0
package io.povm.api.beacon;

import io.povm.api.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Recomputes a PoVM round's frozen tickets from the settlements that earned them, so that nobody has to take the
 * tickets on the chaincode's word: each {@link Ticket} of the round must match a payout entry of its job's
 * settlement (same replica and worker, the entry's agreed {@code vmMillis} and {@code permille}, and {@link
 * Ticket#of} of the two), and each worker's frozen {@link TicketTotal} must be the sum of its recomputed tickets.
 * {@code povm lottery show} runs it beside the draw's own recomputation.
 */
public final class TicketRecount {
    private TicketRecount() {}

    /**
     * @param header the round's frozen header
     * @param earned the tickets stored for the round ({@code beacon:GetTickets})
     * @param settlement a job's settlement by job id, empty when the job has none
     * @return every difference, each naming the job and replica or the worker; empty when the tickets follow
     */
    public static List<String> differences(
            final RoundHeader header,
            final List<Ticket> earned,
            final Function<String, Optional<Settlement>> settlement) {
        if (!BeaconConfig.POVM.equals(header.ticketMode())) {
            return List.of();
        }
        final List<String> out = new ArrayList<>();
        final Map<String, Long> recomputed = new TreeMap<>();
        for (final Ticket ticket : earned) {
            final String replica = ticket.jobId() + " replica " + ticket.replica();
            if (ticket.round() != header.round()) {
                out.add(replica + ": ticket is stored for round " + ticket.round() + ", not " + header.round());
                continue;
            }
            final Optional<Settlement.Entry> entry =
                    settlement.apply(ticket.jobId()).flatMap(s -> payout(s, ticket.replica()));
            if (entry.isEmpty()) {
                out.add(replica + ": no payout to this replica in the job's settlement");
                continue;
            }
            final Settlement.Entry paid = entry.get();
            if (paid.vmMillis() == null || paid.permille() == null) {
                out.add(replica + ": the settlement entry carries no vmMillis and permille (settled before agreed"
                        + " usage), so its tickets cannot be recomputed");
                continue;
            }
            if (!paid.workerKey().equals(ticket.workerKey())) {
                out.add(replica + ": ticket names worker " + ticket.workerKey() + ", the settlement paid "
                        + paid.workerKey());
                continue;
            }
            final long due = Ticket.of(paid.vmMillis(), paid.permille());
            if (ticket.vmMillis() != paid.vmMillis()
                    || ticket.permille() != paid.permille()
                    || ticket.tickets() != due) {
                out.add(replica + ": ticket " + ticket.tickets() + " (" + ticket.vmMillis() + " VM-ms x "
                        + ticket.permille() + "‰) but the settlement's " + paid.vmMillis() + " VM-ms x "
                        + paid.permille() + "‰ give " + due);
            }
            recomputed.merge(ticket.workerKey(), due, Math::addExact);
        }
        final Map<String, Long> frozen = new TreeMap<>();
        header.tickets().forEach(t -> frozen.put(t.workerKey(), t.tickets()));
        if (out.isEmpty() && !frozen.equals(recomputed)) {
            out.add("frozen tickets " + frozen + " are not the sums of the recomputed tickets " + recomputed);
        }
        return out;
    }

    private static Optional<Settlement.Entry> payout(final Settlement settlement, final int replica) {
        return settlement.entries().stream()
                .filter(e -> Settlement.Entry.PAYOUT.equals(e.kind()))
                .filter(e -> e.replica() != null && e.replica() == replica)
                .findFirst();
    }
}
