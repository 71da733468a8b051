// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.worker.ledger.Ledger;
import java.util.function.Consumer;

/**
 * Every job in one state, page by page. The daemons' periodic work reads whole states, never a first page alone: jobs
 * nobody can act on (an image no engine has) stay SUBMITTED and would hide every newer job behind them.
 */
final class JobListing {
    static final int PAGE = 100;

    private JobListing() {}

    /** Runs {@code step} on every job in {@code state}, page by page. */
    static void forEach(final Ledger ledger, final JobState state, final Consumer<Job> step) {
        String bookmark = "";
        do {
            final String from = bookmark;
            final JobPage page = ledger.jobs(jobs -> jobs.listByState(state, PAGE, from));
            page.jobs().forEach(step);
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
    }
}
