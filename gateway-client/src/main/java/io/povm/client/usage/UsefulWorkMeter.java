// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.client.job.JobClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Measures the {@link UsefulWork} of everything on the ledger, for the dashboard: the CPU time attested for every job
 * (as {@code povm job sweep} counts it for its own jobs) against the CPU time the system's processes used since they
 * started, with energy and CO₂ from one {@link EnergyModel}.
 *
 * <pre>{@code
 * UsefulWorkMeter meter = new UsefulWorkMeter(
 *         new JobClient(gateway.chaincode()), ProcessCpuSampler.system(), runDir.resolve("pids"), EnergyModel.DEFAULT);
 * UsefulWorkMeter.Measurement now = meter.measure();
 * System.out.printf("%.1f%% of %d CPU-ms%n", 100 * now.work().usefulShare(), now.work().systemCpuMillis());
 * }</pre>
 *
 * <p>Reads every page of jobs on each call; safe for concurrent use.
 */
public final class UsefulWorkMeter {
    private static final int PAGE_SIZE = JobClient.MAX_PAGE_SIZE;

    private final JobClient jobs;
    private final ProcessCpuSampler sampler;
    private final Path pidDir;
    private final EnergyModel energyModel;

    /**
     * @param jobs reads the ledger's jobs
     * @param sampler reads the processes' CPU time
     * @param pidDir the pid files naming the processes, {@code $POVM_RUN_DIR/pids}
     * @param energyModel how CPU time becomes energy and CO₂
     */
    public UsefulWorkMeter(
            final JobClient jobs, final ProcessCpuSampler sampler, final Path pidDir, final EnergyModel energyModel) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.pidDir = Objects.requireNonNull(pidDir, "pidDir");
        this.energyModel = Objects.requireNonNull(energyModel, "energyModel");
    }

    /** @return the figure now: every job on the ledger, every process of the pid files */
    public Measurement measure() {
        long cpuMillis = 0;
        int jobCount = 0;
        int replicaCount = 0;
        String bookmark = "";
        do {
            final JobPage page = jobs.list(PAGE_SIZE, bookmark);
            for (final Job job : page.jobs()) {
                final long reported = job.replicas().stream()
                        .filter(replica -> replica.result().isPresent())
                        .count();
                if (reported > 0) {
                    jobCount++;
                    replicaCount += (int) reported;
                    cpuMillis += UsefulWork.attestedCpuMillis(job);
                }
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        final CpuSnapshot processes = sampler.sample(ProcessCpuSampler.pidFiles(pidDir));
        return new Measurement(
                jobCount, replicaCount, processes, UsefulWork.of(cpuMillis, CpuSnapshot.NONE, processes, energyModel));
    }

    /**
     * One measurement.
     *
     * @param jobs jobs with at least one replica that reported a result
     * @param replicas replicas that reported a result, over all jobs
     * @param processes the processes counted as overhead, with their pids and CPU time since they started
     * @param work the figure
     */
    public record Measurement(int jobs, int replicas, CpuSnapshot processes, UsefulWork work) {
        public Measurement {
            Objects.requireNonNull(processes, "processes");
            Objects.requireNonNull(work, "work");
        }
    }
}
