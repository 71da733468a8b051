// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.execution.ExecutionFactory;
import org.hyperledger.fabric.contract.execution.InvocationRequest;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.ParameterDefinition;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.TypeRegistryImpl;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Every transaction the chaincode serves and how many arguments each takes, read once from the contracts the shim
 * registers (the same class-path scan as its {@code ContractRouter}), so that no list is kept by hand.
 *
 * <p>{@link #refusal(ChaincodeStub)} tells, before the shim dispatches a call, whether the call names no contract, no
 * transaction of its contract, or passes another number of arguments than the transaction takes. The shim itself
 * would answer those with uncoded texts ({@code Undefined contract called}, {@code Unexpected error}) or, for extra
 * arguments, silently ignore them.
 */
public final class TransactionRoutes {
    /** The longest prefix of a caller's contract or function name that an error quotes. */
    static final int QUOTED = 64;

    private static final String DEFAULT_NAMESPACE = InvocationRequest.DEFAULT_NAMESPACE;

    /** contract name -> transaction name -> parameter names (without the Context) */
    private final Map<String, Map<String, List<String>>> contracts;

    private final String defaultContract;

    private TransactionRoutes(final Map<String, Map<String, List<String>>> contracts, final String defaultContract) {
        this.contracts = contracts;
        this.defaultContract = defaultContract;
    }

    /** @return the routes of the contracts on the class path, found as the shim finds them */
    public static TransactionRoutes scan() {
        final RoutingRegistryImpl registry = new RoutingRegistryImpl();
        // a registry of its own: the data types found go there, not into the router's shared one
        registry.findAndSetContracts(new TypeRegistryImpl());
        return of(registry.getAllDefinitions());
    }

    /** @return the routes of these contract definitions */
    static TransactionRoutes of(final Collection<ContractDefinition> definitions) {
        final Map<String, Map<String, List<String>>> contracts = new TreeMap<>();
        String defaultContract = null;
        for (ContractDefinition definition : definitions) {
            final Map<String, List<String>> functions = new TreeMap<>();
            for (TxFunction function : definition.getTxFunctions()) {
                if (!function.isUnknownTx()) {
                    functions.put(
                            function.getName(),
                            function.getParamsList().stream()
                                    .map(ParameterDefinition::getName)
                                    .toList());
                }
            }
            contracts.put(definition.getName(), Collections.unmodifiableMap(functions));
            if (definition.isDefault()) {
                defaultContract = definition.getName();
            }
        }
        return new TransactionRoutes(Collections.unmodifiableMap(contracts), defaultContract);
    }

    /** @return contract name -> transaction name -> the names of its arguments, in order */
    public Map<String, Map<String, List<String>>> contracts() {
        return contracts;
    }

    /**
     * @param stub the call, as the shim hands it to the chaincode
     * @return the error to answer instead of dispatching the call, or empty when the call names a transaction and
     *     passes exactly its arguments (or names nothing at all, which the shim answers with an empty success)
     */
    public Optional<PovmError> refusal(final ChaincodeStub stub) {
        if (stub.getArgs().isEmpty()) {
            return Optional.empty();
        }
        // the shim's own parsing of "contract:function", so that both read a name the same way
        final InvocationRequest request = ExecutionFactory.getInstance().createRequest(stub);
        final String namespace = request.getNamespace();
        final String contract = DEFAULT_NAMESPACE.equals(namespace) ? defaultContract : namespace;
        final Map<String, List<String>> functions = contract == null ? null : contracts.get(contract);
        if (functions == null) {
            return Optional.of(new PovmError(
                    ErrorCode.NOT_FOUND,
                    "function",
                    "no contract " + quote(namespace) + "; contracts: " + String.join(", ", contracts.keySet())));
        }
        final List<String> parameters = functions.get(request.getMethod());
        if (parameters == null) {
            return Optional.of(new PovmError(
                    ErrorCode.INVALID_ARGUMENT,
                    "function",
                    "unknown transaction " + quote(request.getMethod()) + " of contract " + contract + "; accepted: "
                            + String.join(", ", functions.keySet())));
        }
        final int got = request.getArgs().size();
        if (got != parameters.size()) {
            return Optional.of(new PovmError(
                    ErrorCode.INVALID_ARGUMENT,
                    "args",
                    contract + ":" + request.getMethod() + " takes " + arguments(parameters) + "; got " + got));
        }
        return Optional.empty();
    }

    private static String arguments(final List<String> parameters) {
        final int n = parameters.size();
        if (n == 0) {
            return "0 arguments";
        }
        return n + (n == 1 ? " argument" : " arguments") + " (" + String.join(", ", parameters) + ")";
    }

    /**
     * @return the name in quotes, cut to its first {@value #QUOTED} code points, with control characters and lone
     *     surrogates shown as '?', so that the error stays one short line that encodes as JSON
     */
    static String quote(final String name) {
        final StringBuilder quoted = new StringBuilder("'");
        final int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < Math.min(QUOTED, codePoints.length); i++) {
            final int c = codePoints[i];
            quoted.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c);
        }
        return quoted.append(codePoints.length > QUOTED ? "...'" : "'").toString();
    }

    @Override
    public String toString() {
        return contracts.entrySet().stream()
                .map(e -> e.getKey() + e.getValue().keySet())
                .collect(Collectors.joining(", ", "TransactionRoutes{", "}"));
    }
}
