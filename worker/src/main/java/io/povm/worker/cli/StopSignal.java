// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

import java.util.concurrent.CountDownLatch;

/** Where the stop request of a running daemon comes from: SIGTERM/SIGINT in production, the test in tests. */
@FunctionalInterface
public interface StopSignal {
    /** @return a latch that reaches zero when the daemon should drain and stop */
    CountDownLatch install();
}
