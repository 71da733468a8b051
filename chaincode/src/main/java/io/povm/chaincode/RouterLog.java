// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;

/**
 * The Fabric contract runtime's ({@link ContractRouter}) request log, kept quiet; {@link PovmChaincode#main} calls
 * {@link #quiet()} before it starts the router. The router logs every invocation's function and arguments at INFO ("Got the invoke
 * request for: fn [args]"), which would copy job specs, certificates and megabyte-sized junk arguments into the
 * chaincode log at the default level. Its logger is pinned at WARNING: a logger's own level wins over the level the
 * runtime later sets on its package from {@code CORE_CHAINCODE_LOGGING_LEVEL}. Failures are still logged, by {@link
 * TransactionGuard} (transaction name and id, never the arguments).
 */
final class RouterLog {
    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger would lose its level. */
    private static final Logger ROUTER_LOG = Logger.getLogger(ContractRouter.class.getName());

    private RouterLog() {}

    /** Pins the router's logger at WARNING, so that no invocation's arguments are logged at INFO or below. */
    static void quiet() {
        ROUTER_LOG.setLevel(Level.WARNING);
    }
}
