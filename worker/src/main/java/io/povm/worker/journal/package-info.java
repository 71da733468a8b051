/**
 * The report journal: a crash-safe, append-only local record of each replica's progress on this worker, so that
 * every replica is reported exactly once across restarts. See {@link io.povm.worker.journal.ReportJournal}.
 */
package io.povm.worker.journal;
