// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.credit;

import io.povm.api.CreditSupply;
import io.povm.api.beacon.RoundResult;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Creates a beacon round's lottery reward: credits each winner's account and grows the supply by the same amount in
 * one transaction, so that {@code credit:Audit} stays conserved. The reward is a governance parameter of the beacon;
 * the draw that decides the winners is stored with the round's result.
 */
public final class RewardMint {
    private final CreditLedger ledger;

    public RewardMint(final ChaincodeStub stub) {
        this.ledger = new CreditLedger(Objects.requireNonNull(stub, "stub"));
    }

    /** Credits every winner its amount; does nothing when nobody won or the reward is 0. */
    public void pay(final long round, final List<RoundResult.Winner> winners, final String at) {
        final long total =
                winners.stream().mapToLong(RoundResult.Winner::amount).sum();
        if (total == 0) {
            return;
        }
        final String id = "lottery-round-" + round;
        final CreditSupply supply = ledger.supply().plus(total, at, id);
        final Movements movements = new Movements(ledger);
        for (final RoundResult.Winner winner : winners) {
            movements.credit(winner.msp(), winner.fabricId(), winner.amount());
        }
        movements.write(at, "lottery reward of beacon round " + round);
        ledger.put(supply);
    }
}
