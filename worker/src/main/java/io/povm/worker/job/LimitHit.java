package io.povm.worker.job;

/** Which SLA limit stopped or spoiled a run, if any; see {@link Measurements#of}. */
public enum LimitHit {
    NONE,
    /** Killed at the wall time. */
    TIMEOUT,
    /** Killed by the kernel for exceeding the memory limit. */
    OOM_KILLED,
    /** Some sample saw as many processes as the pids limit allows: forks were failing (sampled, best effort). */
    PIDS_LIMIT,
    /** More stdout than the limit keeps: the result is incomplete. */
    OUTPUT_LIMIT
}
