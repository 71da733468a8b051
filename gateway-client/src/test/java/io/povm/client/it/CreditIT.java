// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditHold;
import io.povm.api.ErrorCode;
import io.povm.api.JobLimits;
import io.povm.api.MintProposal;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import io.povm.api.VmTerms;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credits on the real network: a mint through governance, the escrow of a priced submission and its refund on
 * cancel, a submission its submitter cannot pay for, and the audit's conservation before and after each. Org1's
 * User1 holds credits from {@code network.sh deploy}'s funding.
 */
class CreditIT {
    private static final List<PovmGateway> GATEWAYS = new ArrayList<>();
    /** standard@1 (network/default-sla.json): price 100, 600 s; a one-replica job escrows 60000. */
    private static final long STANDARD_ESCROW = 60_000;

    private static CreditClient customerCredits;
    private static JobClient customer;

    @BeforeAll
    static void connect() {
        final PovmGateway org1 = gateway("org1");
        customerCredits = new CreditClient(org1.chaincode());
        customer = new JobClient(org1.chaincode());
    }

    private static PovmGateway gateway(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        GATEWAYS.add(gateway);
        return gateway;
    }

    @AfterAll
    static void close() {
        GATEWAYS.forEach(PovmGateway::close);
    }

    @BeforeEach
    @AfterEach
    void credits_are_conserved() {
        final CreditAudit audit = customerCredits.audit();
        assertThat(audit.conserved()).as("%s", audit).isTrue();
        assertThat(audit.balances() + audit.inLots() + audit.escrowed() + audit.deposited())
                .isEqualTo(audit.supply());
    }

    /**
     * @return the customer's balance as its own (Org1's) peer holds it, once it shows {@code expected} or after 20 s:
     *     the approval went through Org2's peer, which may commit the block a moment before Org1's
     */
    private static long balanceOnceCommitted(final long expected) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long balance = customerCredits.balance().balance();
        while (balance != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            balance = customerCredits.balance().balance();
        }
        return balance;
    }

    @Test
    void a_mint_proposed_by_one_org_admin_executes_when_a_second_approves() {
        final CreditAccount before = customerCredits.balance();
        final long supply = customerCredits.supply().total();
        final String id = ItNetwork.uniqueId("it-mint");
        final CreditClient org1Admin = new CreditClient(gateway("org1-admin").chaincode());
        final CreditClient org2Admin = new CreditClient(gateway("org2-admin").chaincode());

        final MintProposal proposed = org1Admin.proposeMint(id, before.msp(), before.fabricId(), 1234, "CreditIT");
        assertThat(proposed.state()).isEqualTo(MintProposal.PROPOSED);
        assertThat(customerCredits.balance().balance()).isEqualTo(before.balance());

        ItNetwork.synced(); // the voter's peer has the proposal

        final MintProposal executed = org2Admin.approveMint(id);

        assertThat(executed.executed()).isTrue();
        assertThat(balanceOnceCommitted(before.balance() + 1234)).isEqualTo(before.balance() + 1234);
        assertThat(customerCredits.supply().total()).isEqualTo(supply + 1234);
        ItNetwork.synced(); // the proposer's peer has the executed mint
        final MintProposal again = org1Admin.approveMint(id); // a repeated vote: the stored proposal, nothing written
        assertThat(again).isEqualTo(executed);
        assertThat(customerCredits.supply().total()).isEqualTo(supply + 1234);
        final PovmClientException notAdmin = ItNetwork.rejection(
                () -> customerCredits.proposeMint(id + "-x", before.msp(), before.fabricId(), 1, ""));
        assertThat(notAdmin.errorCode()).contains(ErrorCode.FORBIDDEN);
    }

    @Test
    void a_priced_submission_escrows_and_its_cancellation_refunds() {
        final long before = customerCredits.balance().balance();
        final String id = ItNetwork.uniqueId("it-escrow");

        customer.submit(ItNetwork.spec(id, "true"));

        final CreditHold escrow = customerCredits.escrow(id);
        assertThat(escrow.amount()).isEqualTo(STANDARD_ESCROW);
        assertThat(customerCredits.balance().balance()).isEqualTo(before - STANDARD_ESCROW);

        customer.cancel(id, "CreditIT");

        final Settlement settlement = customerCredits.settlement(id);
        assertThat(settlement.kind()).isEqualTo(Settlement.REFUND);
        assertThat(settlement.refunded()).isEqualTo(STANDARD_ESCROW);
        assertThat(customerCredits.balance().balance()).isEqualTo(before);
        assertThat(ItNetwork.rejection(() -> customerCredits.escrow(id)).errorCode())
                .contains(ErrorCode.NOT_FOUND);
    }

    @Test
    void a_submission_its_submitter_cannot_pay_for_is_refused_and_changes_nothing() {
        final String sla = dearSla();
        final long before = customerCredits.balance().balance();
        final CreditAudit auditBefore = customerCredits.audit();
        final String id = ItNetwork.uniqueId("it-poor");

        final PovmClientException refused = ItNetwork.rejection(() -> customer.submit(
                ItNetwork.builder(id).command(List.of("true")).sla(sla).build()));

        assertThat(refused.errorCode()).contains(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(refused.getMessage()).contains("holds " + before + " credits");
        assertThat(customer.find(id)).isEmpty();
        assertThat(customerCredits.balance().balance()).isEqualTo(before);
        assertThat(customerCredits.audit()).isEqualTo(auditBefore);
    }

    /** @return a new ACTIVE SLA whose price makes a one-replica job cost more than any funded balance */
    private static String dearSla() {
        final SlaSpec terms = new SlaSpec(
                "dear-" + Instant.now().toEpochMilli(),
                1,
                VmTerms.builder()
                        .cpuMillis(1000)
                        .memoryMiB(512)
                        .diskMiB(1024)
                        .maxWallSeconds(600)
                        .minBenchmarkOpsPerSec(0)
                        .pricePerVmSecond(1_000_000_000)
                        .build(),
                new JobLimits(65_536, 65_536));
        final String ref = new SlaClient(gateway("org1-admin").chaincode())
                .propose(terms)
                .ref()
                .toString();
        ItNetwork.synced(); // the voter's peer has the proposal
        new SlaClient(gateway("org2-admin").chaincode()).approve(ref);
        ItNetwork.synced(); // the other orgs act on the SLA next
        return ref;
    }
}
