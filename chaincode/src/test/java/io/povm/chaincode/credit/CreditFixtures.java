// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.CreditAccount;
import io.povm.api.CreditAudit;
import io.povm.api.CreditSupply;
import io.povm.api.Members;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.chaincode.Identities;
import io.povm.chaincode.MockLedger;
import io.povm.chaincode.org.MemberLedger;
import java.util.List;
import org.hyperledger.fabric.contract.Context;

/** A three-org ledger with funded identities, for the credit tests. */
final class CreditFixtures {
    static final String ORG1 = "Org1MSP";
    static final String ORG2 = "Org2MSP";
    static final String ORG3 = "Org3MSP";
    static final String USER1 = Identities.idOf(Identities.client(1));
    static final String USER2 = Identities.idOf(Identities.client(2));

    final MockLedger ledger = new MockLedger();

    CreditFixtures() {
        ledger.put(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        List.of(ORG1, ORG2, ORG3),
                        new Submitter(ORG1, Identities.idOf(Identities.admin(1))),
                        "2026-11-01T00:00:00.000Z",
                        "tx-0")));
    }

    Context admin(final int org) {
        return ledger.as("Org" + org + "MSP", Identities.admin(org));
    }

    Context client(final int org) {
        return ledger.as("Org" + org + "MSP", Identities.client(org));
    }

    /** Puts credits in an account and adds them to the supply, as an executed mint would have. */
    CreditFixtures funded(final String msp, final String fabricId, final long amount) {
        ledger.put(
                CreditLedger.accountKey(msp, fabricId),
                PovmJson.write(new CreditAccount(msp, fabricId, amount, "2026-11-01T00:00:00.000Z", "mint")));
        final CreditSupply supply = supply();
        ledger.put(
                CreditLedger.supplyKey(),
                PovmJson.write(new CreditSupply(supply.total() + amount, supply.mints() + 1, null, null)));
        return this;
    }

    long balance(final String msp, final String fabricId) {
        return ledger.get(CreditLedger.accountKey(msp, fabricId))
                .map(json -> PovmJson.read(json, CreditAccount.class).balance())
                .orElse(0L);
    }

    CreditSupply supply() {
        return ledger.get(CreditLedger.supplyKey())
                .map(json -> PovmJson.read(json, CreditSupply.class))
                .orElse(CreditSupply.NONE);
    }

    /** Checks, by range scans of the committed state, that balances + escrows + deposits == supply. */
    CreditAudit assertConserved() {
        final CreditAudit audit = new CreditLedger(ledger.stub()).audit();
        assertThat(audit.balances() + audit.escrowed() + audit.deposited())
                .as("balances + escrowed + deposited == supply in %s", audit)
                .isEqualTo(audit.supply());
        assertThat(audit.conserved()).isTrue();
        return audit;
    }
}
