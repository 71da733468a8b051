package io.povm.client.usefulwork;

import java.util.Objects;

/**
 * The CPU time one process of the system used since it started, as the kernel accounts it.
 *
 * @param name what the process is, from its pid file's name ({@code org1-peer}, {@code worker-org2})
 * @param pid its process id
 * @param cpuMillis user plus system time of the process and of the children it waited for, in milliseconds
 */
public record ProcessCpu(String name, long pid, long cpuMillis) {
    public ProcessCpu {
        Objects.requireNonNull(name, "name");
        if (cpuMillis < 0) {
            throw new IllegalArgumentException("cpuMillis must be 0 or more; got " + cpuMillis);
        }
    }
}
