// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Approval;
import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditHistory;
import io.povm.api.CreditLot;
import io.povm.api.CreditLots;
import io.povm.api.MintProposal;
import io.povm.api.Settlement;
import java.io.PrintWriter;

/** Prints credit values for people, one fact per line. */
final class CreditTable {
    private CreditTable() {}

    static void account(final CreditAccount account, final PrintWriter out) {
        out.println("account   " + account.msp() + " " + account.fabricId());
        out.println("balance   " + account.balance());
        if (account.updatedAt() != null) {
            out.println("changed   " + account.updatedAt() + " (" + account.memo() + ")");
        }
    }

    static void history(final CreditHistory history, final PrintWriter out) {
        out.println("account " + history.msp() + " " + history.fabricId());
        if (history.entries().isEmpty()) {
            out.println("no changes");
            return;
        }
        out.printf("%-24s  %15s  %-64s  %s%n", "AT", "BALANCE", "TX", "WHY");
        for (CreditHistory.Entry entry : history.entries()) {
            out.printf("%-24s  %15d  %-64s  %s%n", entry.at(), entry.balance(), entry.txId(), entry.memo());
        }
    }

    static void mint(final MintProposal mint, final PrintWriter out) {
        out.println("mint      " + mint.id() + " " + mint.state());
        out.println("account   " + mint.msp() + " " + mint.fabricId());
        out.println("amount    " + mint.amount());
        out.println("reason    " + mint.reason());
        out.println("approvals " + mint.approvals().size() + " of " + mint.threshold() + " needed");
        for (Approval approval : mint.approvals()) {
            out.println("  " + approval.msp() + " at " + approval.at());
        }
        if (mint.executed()) {
            out.println("executed  " + mint.executedAt());
        }
    }

    static void audit(final CreditAudit audit, final PrintWriter out) {
        out.println("balances  " + audit.balances() + " in " + audit.accounts() + " accounts");
        out.println("in lots   " + audit.inLots() + " in " + audit.lots() + " lots");
        out.println("escrowed  " + audit.escrowed() + " in " + audit.escrows() + " escrows");
        out.println("deposited " + audit.deposited() + " in " + audit.deposits() + " deposits");
        out.println("supply    " + audit.supply());
        out.println(
                audit.conserved() ? "conserved: balances + in lots + escrowed + deposited == supply" : "NOT CONSERVED");
    }

    static void lots(final CreditLots lots, final PrintWriter out) {
        out.println("owner     " + lots.msp() + "/" + lots.fabricId());
        out.println("lots      " + lots.count() + " holding " + lots.total());
        for (CreditLot lot : lots.lots()) {
            out.println("  " + lot.lot() + " " + lot.amount() + " (" + lot.memo() + ")");
        }
    }

    static void settlement(final Settlement settlement, final PrintWriter out) {
        out.println("job       " + settlement.jobId() + " " + settlement.jobState() + " (" + settlement.kind() + ")");
        out.println("held      escrow " + settlement.escrow() + ", deposits " + settlement.deposits());
        out.println("paid      " + settlement.paid() + ", refunded " + settlement.refunded());
        for (Settlement.Entry entry : settlement.entries()) {
            out.println("  " + entry.kind() + " " + entry.amount() + " from " + entry.from() + " to " + entry.msp()
                    + (entry.workerKey() == null ? "" : " " + entry.workerKey()) + ": " + entry.why());
        }
    }
}
