package io.povm.client.usefulwork;

import java.util.List;
import java.util.Objects;

/**
 * The useful-work figure: CPU time spent in customers' jobs against the whole system's CPU time.
 *
 * <p>Customer work is the CPU time the workers attested for every revealed replica (all replicas count: the
 * redundancy is the price of not trusting one worker). The system is everything this host runs for povm: the
 * network's processes and the worker daemons ({@link #processes()}, whose CPU time the kernel reports) plus the job
 * containers themselves, which are gone after each run and are counted by their attested CPU time. Docker's own
 * daemons and the machine's other processes are not counted.
 *
 * @param customerCpuMillis attested CPU time of the revealed replicas of all jobs
 * @param jobs jobs with at least one revealed replica
 * @param replicas revealed replicas counted
 * @param processes the network's and the workers' processes, with their CPU time
 */
public record UsefulWork(long customerCpuMillis, int jobs, int replicas, List<ProcessCpu> processes) {
    public UsefulWork {
        processes = List.copyOf(Objects.requireNonNull(processes, "processes"));
        if (customerCpuMillis < 0 || jobs < 0 || replicas < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
    }

    /** @return CPU time of the network's and the workers' processes: the protocol's overhead */
    public long overheadCpuMillis() {
        return processes.stream().mapToLong(ProcessCpu::cpuMillis).sum();
    }

    /** @return customer work plus overhead */
    public long systemCpuMillis() {
        return customerCpuMillis + overheadCpuMillis();
    }

    /** @return the share of the system's CPU time spent in customer jobs, from 0 to 1; 0 when nothing ran */
    public double usefulShare() {
        final long system = systemCpuMillis();
        return system == 0 ? 0 : (double) customerCpuMillis / system;
    }
}
