// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

/** Which SLA limit stopped or spoiled a run, if any; see {@link Measurements#of}. */
public enum LimitHit {
    NONE,
    /** Killed at the wall time. */
    TIMEOUT,
    /** Killed by the kernel for exceeding the memory limit. */
    OOM_KILLED,
    /**
     * The pids limit refused a fork: the container's {@code pids.events} counted one (polled every 50 ms while it
     * runs, and in cgroup v2 read exactly afterwards), as many processes as the limit allows were seen at once, or
     * the run failed with a refused fork on stderr ({@code Cannot fork}: a shell that dies at once).
     */
    PIDS_LIMIT,
    /** A write to the {@code /tmp} tmpfs (the SLA's disk) failed for lack of space: exit != 0 and ENOSPC on stderr. */
    DISK_LIMIT,
    /** More stdout than the limit keeps: the result is incomplete. */
    OUTPUT_LIMIT
}
