// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.povm.api.JobLimits;
import io.povm.api.Sla;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.Submitter;
import io.povm.api.VmTerms;

/** Sample SLAs for unit tests. */
public final class TestSlas {
    public static final String PROPOSER_ID = "x509::CN=Admin@org1.povm.test::CN=ca.org1.povm.test";

    private TestSlas() {}

    /** @return the documented example's terms under a name and version */
    public static SlaSpec spec(final String name, final int version) {
        return new SlaSpec(
                name,
                version,
                VmTerms.builder()
                        .cpuMillis(2000)
                        .memoryMiB(2048)
                        .diskMiB(10240)
                        .maxWallSeconds(3600)
                        .minBenchmarkOpsPerSec(50_000)
                        .pricePerVmSecond(10)
                        .build(),
                new JobLimits(1_048_576, 1_048_576));
    }

    /** @return {@code name@version}, PROPOSED by Org1 */
    public static Sla proposed(final String name, final int version) {
        return Sla.proposed(
                spec(name, version), new Submitter("Org1MSP", PROPOSER_ID), "2026-11-20T10:00:00.123Z", "tx-propose");
    }

    /** @return {@code name@version}, ACTIVE */
    public static Sla active(final String name, final int version) {
        return proposed(name, version).activated("2026-11-20T10:01:00.000Z");
    }

    public static SlaStatus status(final String ref, final SlaState state, final int approvals) {
        return new SlaStatus(SlaRef.parse(ref, "ref"), state, approvals, 0, 2, 3);
    }
}
