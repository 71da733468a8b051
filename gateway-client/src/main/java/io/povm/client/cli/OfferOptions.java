// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Resources;
import io.povm.api.WorkerOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The flags that describe a worker's offer, shared by {@code worker register} and {@code worker update-offer}. */
final class OfferOptions {
    @Option(
            names = "--slas",
            split = ",",
            paramLabel = "NAME@VERSION",
            description = "SLAs the worker serves, comma-separated, 1 to 16 (e.g. standard@1,gold@2).")
    List<String> slas;

    @Option(names = "--slots", paramLabel = "N", description = "VMs the worker runs at once, 1 to 64 (default: 1).")
    Integer slots;

    @Option(names = "--cpu-millis", paramLabel = "M", description = "Total CPU in millicores (1000 = one core).")
    Long cpuMillis;

    @Option(names = "--memory-mib", paramLabel = "MIB", description = "Total memory in MiB.")
    Long memoryMiB;

    @Option(names = "--disk-mib", paramLabel = "MIB", description = "Total disk in MiB.")
    Long diskMiB;

    @Option(
            names = "--reserved-cpu-millis",
            paramLabel = "M",
            description = "CPU kept back from the offer, millicores (default: 0).")
    Long reservedCpuMillis;

    @Option(
            names = "--reserved-memory-mib",
            paramLabel = "MIB",
            description = "Memory kept back from the offer, MiB (default: 0).")
    Long reservedMemoryMiB;

    @Option(
            names = "--reserved-disk-mib",
            paramLabel = "MIB",
            description = "Disk kept back from the offer, MiB (default: 0).")
    Long reservedDiskMiB;

    @Option(
            names = "--attestation-key",
            paramLabel = "PEM",
            description = "The org's attestation public key, EC P-256, PEM file (openssl ec -pubout).")
    String attestationKey;

    /** @return whether any offer flag was given */
    boolean anyGiven() {
        return slas != null
                || slots != null
                || cpuMillis != null
                || memoryMiB != null
                || diskMiB != null
                || reservedCpuMillis != null
                || reservedMemoryMiB != null
                || reservedDiskMiB != null
                || attestationKey != null;
    }

    /** @return the name of the first required flag that is missing, if any */
    Optional<String> firstMissing() {
        if (slas == null) {
            return Optional.of("--slas");
        }
        if (cpuMillis == null) {
            return Optional.of("--cpu-millis");
        }
        if (memoryMiB == null) {
            return Optional.of("--memory-mib");
        }
        if (diskMiB == null) {
            return Optional.of("--disk-mib");
        }
        if (attestationKey == null) {
            return Optional.of("--attestation-key");
        }
        return Optional.empty();
    }

    /**
     * @param readKey reads the attestation key file
     * @return the offer the flags describe; the chaincode's rules are checked by the client before sending
     */
    WorkerOffer toOffer(final Function<String, String> readKey) {
        return new WorkerOffer(
                new ArrayList<>(slas),
                slots == null ? 1 : slots,
                new Resources(cpuMillis, memoryMiB, diskMiB),
                new Resources(orZero(reservedCpuMillis), orZero(reservedMemoryMiB), orZero(reservedDiskMiB)),
                readKey.apply(attestationKey));
    }

    private static long orZero(final Long value) {
        return value == null ? 0 : value;
    }
}
