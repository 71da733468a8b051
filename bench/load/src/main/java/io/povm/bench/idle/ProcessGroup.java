// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

/** Which part of the system a process is, by the name its pid file (or its command) has. */
public enum ProcessGroup {
    /** orderers and peers: Fabric itself, the idle baseline */
    FABRIC,
    /** povm's chaincode servers (orgN-cc) */
    POVM_CHAINCODE,
    /** the benchmarks' floor chaincode servers (orgN-floor) */
    FLOOR_CHAINCODE,
    /** the worker daemons (worker-orgN) */
    DAEMONS,
    /** dockerd and containerd, shared with anything else on the machine */
    DOCKER,
    OTHER;

    public static ProcessGroup of(final String name) {
        if (name.startsWith("orderer") || name.endsWith("-peer")) {
            return FABRIC;
        }
        if (name.endsWith("-cc")) {
            return POVM_CHAINCODE;
        }
        if (name.endsWith("-floor")) {
            return FLOOR_CHAINCODE;
        }
        if (name.startsWith("worker-")) {
            return DAEMONS;
        }
        if (name.equals("dockerd") || name.equals("containerd")) {
            return DOCKER;
        }
        return OTHER;
    }
}
