// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in until the Fabric glue implements {@link WorkerDaemon}: takes no assignments and runs nothing, so
 * {@code povm-worker start} checks the configuration, opens the journal and serves health, and nothing more.
 */
public final class IdleDaemon implements WorkerDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(IdleDaemon.class);

    private final DaemonContext context;

    public IdleDaemon(final DaemonContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        final var work = context.journal().pendingWork();
        final int pending = work.accepted().size()
                + work.toCommit().size()
                + work.toReveal().size();
        LOG.warn(
                "no job source is wired in yet: {} takes no assignments ({} journaled replica(s) left as they are)",
                context.config().workerKey(),
                pending);
    }

    @Override
    public void drain(final Duration timeout) {
        LOG.info("nothing to drain");
    }
}
