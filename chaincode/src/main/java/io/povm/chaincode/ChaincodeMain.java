package io.povm.chaincode;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;

/**
 * The chaincode's entry point, the shaded jar's main class: the Fabric contract runtime ({@link ContractRouter}) with
 * its request log kept quiet. The router logs every invocation's function and arguments at INFO ("Got the invoke
 * request for: fn [args]"), which would copy job specs, certificates and megabyte-sized junk arguments into the
 * chaincode log at the default level. Its logger is pinned at WARNING: a logger's own level wins over the level the
 * runtime later sets on its package from {@code CORE_CHAINCODE_LOGGING_LEVEL}. Failures are still logged, by {@link
 * TransactionGuard} (transaction name and id, never the arguments).
 */
public final class ChaincodeMain {
    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger would lose its level. */
    private static final Logger ROUTER_LOG = Logger.getLogger(ContractRouter.class.getName());

    private ChaincodeMain() {}

    /** Starts the contract runtime, as a chaincode server or as a client of the peer, as its environment says. */
    public static void main(final String[] args) throws Exception {
        quietRequestLog();
        ContractRouter.main(args);
    }

    /** Pins the router's logger at WARNING, so that no invocation's arguments are logged at INFO or below. */
    static void quietRequestLog() {
        ROUTER_LOG.setLevel(Level.WARNING);
    }
}
