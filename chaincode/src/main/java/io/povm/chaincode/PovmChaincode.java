// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.PovmError;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.NettyChaincodeServer;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * The chaincode process's entry point (the shaded jar's main class): the shim's {@link ContractRouter} with a check
 * in front of it. Every call first goes through {@link TransactionRoutes#refusal}: a call that names no contract, no
 * transaction, or passes another number of arguments than its transaction takes is answered with a povm error
 * ({@code CODE [field] reason}, {@link PovmError} JSON payload) instead of the shim's uncoded texts; every other call is
 * dispatched by the router as before.
 *
 * <p>{@code ContractRouter} is final in the shim, so this wraps it: the router finds the contracts and builds the
 * metadata, this object is the chaincode the server (or the peer connection) calls.
 */
public final class PovmChaincode extends ChaincodeBase {
    private static final Logger LOG = Logger.getLogger(PovmChaincode.class.getName());

    private final Chaincode router;
    private final TransactionRoutes routes;

    /**
     * @param router dispatches the calls that pass the check; the shim's {@link ContractRouter} in production
     * @param routes the transactions and their argument counts
     */
    PovmChaincode(final Chaincode router, final TransactionRoutes routes) {
        this.router = Objects.requireNonNull(router, "router");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    @Override
    public Response init(final ChaincodeStub stub) {
        return route(stub, router::init);
    }

    @Override
    public Response invoke(final ChaincodeStub stub) {
        return route(stub, router::invoke);
    }

    private Response route(final ChaincodeStub stub, final Function<ChaincodeStub, Response> dispatch) {
        final Optional<PovmError> refusal = routes.refusal(stub);
        if (refusal.isPresent()) {
            LOG.fine(() -> "refused before dispatch in transaction " + stub.getTxId() + ": "
                    + refusal.get().toMessage());
            return ResponseUtils.newErrorResponse(TransactionGuard.toChaincodeException(refusal.get()));
        }
        return dispatch.apply(stub);
    }

    /**
     * @return the check in front of {@code router}, with the options the shim's own start reads (command line, {@code
     *     CORE_*} environment) and its chaincode config loaded: serving the peer's stream reads it (max message size),
     *     and without it every connection from the peer fails with "Chaincode config not available"
     */
    static PovmChaincode configured(final ContractRouter router, final String[] args) {
        final PovmChaincode chaincode = new PovmChaincode(router, TransactionRoutes.scan());
        chaincode.processEnvironmentOptions();
        chaincode.processCommandLineOptions(args);
        chaincode.validateOptions();
        chaincode.getChaincodeConfig();
        return chaincode;
    }

    /**
     * Starts the chaincode as the shim's {@code ContractRouter.main} would, with the same options (command line and
     * {@code CORE_*} / {@code CHAINCODE_SERVER_ADDRESS} environment), but with this check in front of the router.
     */
    public static void main(final String[] args) throws Exception {
        RouterLog.quiet();
        final ContractRouter router = new ContractRouter(args);
        final PovmChaincode chaincode = configured(router, args);
        LOG.info(() -> "povm chaincode serves " + chaincode.routes);
        final ChaincodeServer server;
        if (chaincode.isServer()) {
            LOG.info("Starting chaincode as server");
            server = new NettyChaincodeServer(chaincode, chaincode.getChaincodeServerConfig());
        } else {
            LOG.info("Starting chaincode as client");
            server = new ChaincodeServer() {
                @Override
                public void start() throws IOException {
                    chaincode.connectToPeer();
                }

                @Override
                public void stop() {}
            };
        }
        // finds the router's contracts and builds the metadata, then starts serving through this chaincode
        router.startRouterWithChaincodeServer(server);
    }
}
