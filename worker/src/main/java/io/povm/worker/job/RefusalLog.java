// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which image refusals are news: a daemon checks the image of every job it could assign at every sweep, so a job
 * whose image this engine lacks was refused, and logged at INFO, every few seconds until it expired (10,000 filled
 * benchmark jobs gave 10,000 lines per sweep). The first refusal of each kind is reported; repeats are not, until
 * {@value #CAPACITY} distinct ones were seen, when it starts over. Thread-safe.
 */
final class RefusalLog {
    static final int CAPACITY = 256;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** @return whether {@code refusal} was not reported yet (and is now) */
    boolean isNews(final String refusal) {
        if (reported.size() >= CAPACITY) {
            reported.clear();
        }
        return reported.add(refusal);
    }
}
