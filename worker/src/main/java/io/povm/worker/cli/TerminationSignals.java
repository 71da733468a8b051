// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a {@link StopSignal}. Handled with {@code sun.misc.Signal} rather than a shutdown hook so
 * that a drained daemon exits 0 (after a hook the JVM exits 143), which service managers read as a clean stop.
 */
final class TerminationSignals implements StopSignal {
    @Override
    public CountDownLatch install() {
        final CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        return stop;
    }
}
