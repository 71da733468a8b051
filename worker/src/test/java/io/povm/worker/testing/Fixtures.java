// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.testing;

import io.povm.api.Job;
import io.povm.api.JobLimits;
import io.povm.api.JobSpec;
import io.povm.api.Redundancy;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.SlaSpec;
import io.povm.api.Submitter;
import io.povm.api.VmTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A coin-flip job on SLA standard@1 with three replicas, and what its run prints, for unit tests. */
public final class Fixtures {
    public static final String JOB_ID = "flip-1";
    public static final String ME = "Org1MSP/w1";
    public static final String MY_MSP = "Org1MSP";

    public static final SlaSpec SLA = new SlaSpec(
            "standard",
            1,
            VmTerms.builder()
                    .cpuMillis(1000)
                    .memoryMiB(256)
                    .diskMiB(1024)
                    .maxWallSeconds(60)
                    .minBenchmarkOpsPerSec(0)
                    .pricePerVmSecond(1)
                    .build(),
            new JobLimits(65_536, 2048));

    private Fixtures() {}

    /** @return the submitted job without replicas */
    public static Job job() {
        return Job.submitted(
                JobSpec.builder(JOB_ID)
                        .image("povm/coinflip@sha256:" + "a".repeat(64))
                        .command("povm-coinflip")
                        .env(Map.of("SEED", "flip-1", "K", "4", "CHECKPOINT_EVERY", "16"))
                        .sla("standard@1")
                        .redundancy(Redundancy.kVote(3))
                        .deadline("2026-11-21T12:00:00Z")
                        .build(),
                new Submitter("Org2MSP", "x509::u"),
                "2026-11-21T11:00:00.000Z",
                "tx");
    }

    /** @return the job with replica 0 this worker's in {@code mine}, replicas 1 and 2 other orgs' in {@code others} */
    public static Job job(final ReplicaState mine, final ReplicaState others) {
        final List<Replica> replicas = new ArrayList<>();
        replicas.add(new Replica(0, ME, MY_MSP, mine));
        replicas.add(new Replica(1, "Org2MSP/w1", "Org2MSP", others));
        replicas.add(new Replica(2, "Org3MSP/w1", "Org3MSP", others));
        return job().withReplicas(replicas);
    }

    /** @return what povm-coinflip prints for {@code checkpoints} checkpoints and then {@code flips} */
    public static String coinflipStdout(final int checkpoints, final long flips) {
        final StringBuilder out = new StringBuilder();
        for (int i = 1; i <= checkpoints; i++) {
            out.append("POVM-CHECKPOINT {\"flips\":")
                    .append(16 * i)
                    .append(",\"streak\":0,\"state\":\"")
                    .append(Integer.toHexString(i))
                    .append("\"}\n");
        }
        return out.append("{\"seed\":\"flip-1\",\"k\":4,\"flips\":")
                .append(flips)
                .append("}\n")
                .toString();
    }
}
