package io.povm.client.usefulwork;

import io.povm.api.Job;
import io.povm.api.JobAttestations;
import io.povm.api.JobPage;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.client.job.JobClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures {@link UsefulWork}: reads every job from the ledger, the stored attestations of those with revealed
 * replicas, and the CPU time of the system's processes.
 *
 * <pre>{@code
 * UsefulWorkMeter meter = new UsefulWorkMeter(new JobClient(gateway.chaincode()), ProcessCpuReader.forRunDir(runDir));
 * UsefulWork work = meter.measure();
 * System.out.printf("%.1f%% of %d CPU-ms%n", 100 * work.usefulShare(), work.systemCpuMillis());
 * }</pre>
 *
 * <p>A job's attestations are read once per number of revealed replicas and remembered, so that measuring again
 * reads only the jobs that changed. Safe for concurrent use.
 */
public final class UsefulWorkMeter {
    private static final int PAGE_SIZE = JobClient.MAX_PAGE_SIZE;

    private final JobClient jobs;
    private final ProcessCpuReader processes;
    private final Map<String, Attested> attested = new ConcurrentHashMap<>();

    public UsefulWorkMeter(final JobClient jobs, final ProcessCpuReader processes) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.processes = Objects.requireNonNull(processes, "processes");
    }

    /** @return the figure now: every job on the ledger, every recorded process */
    public UsefulWork measure() {
        long cpuMillis = 0;
        int jobCount = 0;
        int replicaCount = 0;
        String bookmark = "";
        do {
            final JobPage page = jobs.list(PAGE_SIZE, bookmark);
            for (final Job job : page.jobs()) {
                final Attested counted = attested(job);
                if (counted.replicas() > 0) {
                    jobCount++;
                    replicaCount += counted.replicas();
                    cpuMillis += counted.cpuMillis();
                }
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return new UsefulWork(cpuMillis, jobCount, replicaCount, processes.read());
    }

    private Attested attested(final Job job) {
        final long revealed = job.replicas().stream()
                .map(Replica::state)
                .filter(ReplicaState.RESULT_REVEALED::equals)
                .count();
        if (revealed == 0) {
            return Attested.NONE;
        }
        final Attested known = attested.get(job.id());
        if (known != null && known.revealed() == revealed) {
            return known;
        }
        final Attested read = Attested.of(jobs.attestations(job.id()), revealed);
        attested.put(job.id(), read);
        return read;
    }

    /** What a job's stored attestations add up to, and for how many revealed replicas they were read. */
    private record Attested(long revealed, int replicas, long cpuMillis) {
        static final Attested NONE = new Attested(0, 0, 0);

        static Attested of(final JobAttestations attestations, final long revealed) {
            long cpu = 0;
            for (final Reveal reveal : attestations.reveals()) {
                cpu += reveal.attestation().cpuMillis();
            }
            return new Attested(revealed, attestations.reveals().size(), cpu);
        }
    }
}
