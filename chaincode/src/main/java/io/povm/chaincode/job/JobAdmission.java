// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.JobDemand;
import io.povm.api.JobInput;
import io.povm.api.JobSpec;
import io.povm.api.Sla;
import io.povm.api.SlaSpecValidator;
import java.util.Base64;
import java.util.function.Function;

/**
 * Whether a new job may enter the queue under its SLA: the SLA must be ACTIVE (not merely proposed, nor deprecated)
 * and the job must stay within the customer's side of it: its declared CPU and memory within the VM terms and the
 * total size of its inputs within the SLA's input limit.
 */
public final class JobAdmission {
    private JobAdmission() {}

    /**
     * @param activeSla looks an SLA reference up and returns it only when ACTIVE; throws INVALID_STATE [sla] or
     *     NOT_FOUND [sla] otherwise (e.g. {@code SlaLedger::requireActive})
     * @throws io.povm.api.PovmException INVALID_ARGUMENT [resources.cpuMillis] (or memoryMiB, inputBytes) naming
     *     what the SLA offers
     */
    public static Sla admit(final JobSpec spec, final Function<String, Sla> activeSla) {
        final Sla sla = activeSla.apply(spec.sla());
        SlaSpecValidator.requireAdmits(sla.spec(), demand(spec), "resources");
        return sla;
    }

    /** @return what the job asks for: declared CPU and memory (0 when not declared) and its inputs' total bytes */
    static JobDemand demand(final JobSpec spec) {
        JobDemand demand = JobDemand.none().withInputBytes(inputBytes(spec));
        if (spec.resources().isPresent()) {
            final var resources = spec.resources().get();
            if (resources.cpuMillis().isPresent()) {
                demand = demand.withCpuMillis(resources.cpuMillis().getAsInt());
            }
            if (resources.memoryMiB().isPresent()) {
                demand = demand.withMemoryMiB(resources.memoryMiB().getAsInt());
            }
        }
        return demand;
    }

    private static long inputBytes(final JobSpec spec) {
        long total = 0;
        for (JobInput input : spec.inputs()) {
            total = Math.addExact(
                    total,
                    input.isInline() ? decodedLength(input) : input.sizeBytes().orElse(0L));
        }
        return total;
    }

    private static long decodedLength(final JobInput input) {
        return input.data().map(data -> Base64.getDecoder().decode(data).length).orElse(0);
    }
}
