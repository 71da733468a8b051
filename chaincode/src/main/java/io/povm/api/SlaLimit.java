// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/** Which SLA limit stopped a replica's run, as its worker measured it; {@link #NONE} when the run ended by itself. */
public enum SlaLimit {
    NONE,
    /** Killed at the SLA's maximum wall time. */
    TIMEOUT,
    /** Killed for using more memory than the SLA's VM has. */
    OOM_KILLED,
    /** Stopped by the process limit (e.g. a fork bomb). */
    PIDS_LIMIT,
    /** Wrote more than the SLA's disk ({@code vm.diskMiB}, the size of its writable {@code /tmp}): no space left. */
    DISK_LIMIT,
    /** Wrote more output than the SLA lets a job report; the output was cut. */
    OUTPUT_LIMIT
}
