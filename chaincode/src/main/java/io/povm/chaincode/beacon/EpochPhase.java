// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.beacon;

import io.povm.api.beacon.threshold.BeaconDomain;
import io.povm.api.beacon.threshold.EpochView;
import io.povm.api.beacon.threshold.KeyCompletion;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.chaincode.clock.MultipartyClock;
import java.util.List;

/**
 * Where a key generation stands on the multiparty clock, as {@link RoundPhase} for commit-reveal rounds: a phase
 * closes early when every member acted, otherwise when, for each member that did not, a majority of the other orgs
 * ticked past its deadline.
 *
 * <ul>
 *   <li>{@link #DEAL}: members deal;
 *   <li>{@link #CHECK}: members check the shares dealt to them and complain about bad ones;
 *   <li>{@link #COMPLETABLE}: {@code CompleteKey} stores the key;
 *   <li>{@link #COMPLETE}; {@link #STALLED}: fewer than t dealers dealt or qualified, so no key; the next
 *       {@code OpenEpoch} starts over.
 * </ul>
 */
public enum EpochPhase {
    DEAL,
    CHECK,
    COMPLETABLE,
    COMPLETE,
    STALLED;

    /** A phase and what it waits for. */
    public record Status(EpochPhase phase, String note) {}

    /** @return the key generation's phase given its pieces and the clock now */
    public static Status of(final EpochView view, final BeaconDomain domain, final MultipartyClock clock) {
        final KeyEpoch epoch = view.epoch();
        if (view.key() != null) {
            return new Status(COMPLETE, "complete; rounds use its key");
        }
        final List<String> notDealt = epoch.msps().stream()
                .filter(msp -> view.deals().stream().map(KeyDeal::dealer).noneMatch(msp::equals))
                .toList();
        if (view.checks().isEmpty() && !RoundPhase.closed(notDealt, epoch.dealBy(), clock)) {
            return new Status(
                    DEAL,
                    "waiting for deals from " + String.join(", ", notDealt) + " until " + epoch.dealBy()
                            + " on the multiparty clock");
        }
        final List<String> qualified = KeyCompletion.qualified(view.generation(domain));
        if (qualified.size() < epoch.threshold()) {
            return new Status(
                    STALLED,
                    "only " + qualified.size() + " dealers qualify " + qualified + "; t = " + epoch.threshold()
                            + " are needed, so a new key generation must be opened");
        }
        final List<String> notChecked = epoch.msps().stream()
                .filter(msp -> view.checks().stream().noneMatch(c -> c.holder().equals(msp)))
                .toList();
        if (!RoundPhase.closed(notChecked, epoch.checkBy(), clock)) {
            return new Status(
                    CHECK,
                    "waiting for share checks from " + String.join(", ", notChecked) + " until " + epoch.checkBy()
                            + " on the multiparty clock");
        }
        return new Status(COMPLETABLE, "every check is in or its deadline passed; CompleteKey stores the key");
    }
}
