// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.client.clock.ClockClient;
import io.povm.client.org.MembersClient;
import java.util.Objects;

/**
 * The clients {@code povm network status} reads the ledger with, and whatever must be closed after them.
 *
 * @param members the member orgs and their majority threshold
 * @param clock the member orgs' latest clock ticks
 * @param onClose run once when the command is done
 */
public record NetworkLedgerSession(MembersClient members, ClockClient clock, Runnable onClose)
        implements AutoCloseable {
    public NetworkLedgerSession {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
