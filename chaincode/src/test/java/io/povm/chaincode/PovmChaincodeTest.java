// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Calls through {@link PovmChaincode} in front of the shim's real ContractRouter, as the chaincode server makes them:
 * routing failures and wrong argument counts come back as povm errors, correct calls are dispatched as before.
 */
class PovmChaincodeTest {
    private static final String CONTRACTS =
            "beacon, clock, credit, org, org.hyperledger.fabric, povm, sla, threshold, worker";

    private static TransactionRoutes routes;
    private static PovmChaincode chaincode;

    private final RoutedLedger ledger = new RoutedLedger();

    @BeforeAll
    static void router() {
        routes = TransactionRoutes.scan();
        chaincode = new PovmChaincode(RoutedLedger.shimRouter(), routes);
    }

    private static PovmError errorOf(final Response response) {
        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
        final PovmError error =
                PovmJson.read(new String(response.getPayload(), StandardCharsets.UTF_8), PovmError.class);
        assertThat(response.getMessage()).isEqualTo(error.toMessage());
        return error;
    }

    @Nested
    class WrongArgumentCounts {
        @Test
        void tooManyArgumentsAreRefusedNotIgnored() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "clock:Tick", "a", "b"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [args] clock:Tick takes 0 arguments; got 2");
            assertThat(ledger.writtenKeys()).isEmpty();
            assertThat(ledger.events()).isEmpty();
        }

        @Test
        void tooFewArgumentsNameTheExpectedOnes() {
            final Response response =
                    chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "povm:ListJobsByState", "SUBMITTED"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [args] povm:ListJobsByState takes 3 arguments (state, pageSize,"
                            + " bookmark); got 1");
        }

        @Test
        void theDefaultContractIsCheckedByItsName() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "SubmitJob"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [args] povm:SubmitJob takes 1 argument (specJson); got 0");
        }

        @Test
        void initIsCheckedToo() {
            final Response response = chaincode.init(ledger.call(RoutedLedger.ORG_ADMIN, "org:GetMembers", "x"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [args] org:GetMembers takes 0 arguments; got 1");
        }

        @Test
        void aRefusedCallNeverReachesTheRouter() {
            final Chaincode router = mock(Chaincode.class);

            new PovmChaincode(router, routes).invoke(ledger.call(RoutedLedger.CUSTOMER, "clock:Get", "extra"));

            verify(router, never()).invoke(any());
        }
    }

    @Nested
    class UnknownNames {
        @Test
        void anUnknownContractIsNotFound() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "foo:Bar", "x"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("NOT_FOUND [function] no contract 'foo'; contracts: " + CONTRACTS);
        }

        @Test
        void anUnknownTransactionListsTheContractsTransactions() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "clock:Nope"));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [function] unknown transaction 'Nope' of contract clock; accepted:"
                            + " Get, Resume, Tick");
        }

        @Test
        void anUnknownTransactionOfTheDefaultContractNamesIt() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "Nope"));

            assertThat(errorOf(response).toMessage())
                    .startsWith("INVALID_ARGUMENT [function] unknown transaction 'Nope' of contract povm; accepted:"
                            + " AcknowledgeReplica, AdvanceJob,");
        }

        @Test
        void aLongOrUnprintableNameIsQuotedShort() {
            final String name = "x\u0000\n".repeat(10_000) + ":Get";

            final PovmError error = errorOf(chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, name)));

            assertThat(error.reason()).startsWith("no contract 'x??x??").contains("...'; contracts: ");
            assertThat(error.toMessage()).hasSizeLessThan(200);
        }
    }

    @Nested
    class CorrectCalls {
        @Test
        void areDispatchedToTheContract() {
            ledger.put(io.povm.chaincode.org.MemberLedger.key(), ContractFixtures.MEMBERS_JSON);

            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "org:GetMembers"));

            assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Response.Status.SUCCESS);
            assertThat(response.getStringPayload()).isEqualTo(ContractFixtures.MEMBERS_JSON);
        }

        @Test
        void keepTheContractsOwnErrors() {
            final Response response =
                    chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "povm:GetJob", "no-such-job"));

            assertThat(errorOf(response).toMessage()).isEqualTo("NOT_FOUND [id] job 'no-such-job' does not exist");
        }

        @Test
        void reachTheShimsSystemContract() {
            final Response response =
                    chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "org.hyperledger.fabric:GetMetadata"));

            assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Response.Status.SUCCESS);
            assertThat(response.getStringPayload()).contains("\"clock\"");
        }

        @Test
        void withNoFunctionAtAllSucceedEmptyAsTheShimDoes() {
            final Response response = chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, List.of()));

            assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        }
    }

    /** Found by TransactionPropertiesTest: hostile arguments that gave INTERNAL, a mangled or an overlong error. */
    @Nested
    class HostileArguments {
        @Test
        void aFabricIdWithUPlus10FFFFIsRefusedNotInternal() {
            final Response response = chaincode.invoke(
                    ledger.call(RoutedLedger.CUSTOMER, "credit:History", "Org1MSP", "x509::\uDBFF\uDFFFCN=a::CN=b"));

            assertThat(errorOf(response).toMessage()).startsWith("INVALID_ARGUMENT [fabricId] holds U+10FFFF");
        }

        @Test
        void aJsonSyntaxErrorAtASupplementaryCharacterKeepsMessageAndPayloadEqual() {
            final Response response =
                    chaincode.invoke(ledger.call(RoutedLedger.CUSTOMER, "povm:SubmitJob", "\uDBFF\uDFFF{"));

            // errorOf checks that the payload's error reads back as the message
            assertThat(errorOf(response).toMessage())
                    .startsWith("INVALID_ARGUMENT [spec] not valid JSON")
                    .doesNotContain("\uDBFF");
        }

        @Test
        void aSubmitterIdWithUPlus10FFFFIsRefusedNotInternal() {
            final Response response = chaincode.invoke(
                    ledger.call(RoutedLedger.CUSTOMER, "povm:GetCustomerRecord", "Org2MSP", "job-\uDBFF\uDFFF1"));

            assertThat(errorOf(response).toMessage()).startsWith("INVALID_ARGUMENT [submitterId] holds U+10FFFF");
        }

        @Test
        void aLongMspWithoutSubmitterIdIsNotEchoed() {
            final Response response = chaincode.invoke(
                    ledger.call(RoutedLedger.CUSTOMER, "povm:GetCustomerRecord", "\u00e9".repeat(100_000), ""));

            assertThat(errorOf(response).toMessage())
                    .isEqualTo("INVALID_ARGUMENT [msp] is '" + "\u00e9".repeat(32) + "\u2026' but submitterId is empty,"
                            + " which means the caller, of Org1MSP; give both, or neither for your own jobs");
        }
    }

    /**
     * The count table is read from the shim's registry; this checks it against the contracts' own methods, found by
     * reflection: every {@code @Transaction} method of every {@code @Contract} class is in the table with its number
     * of parameters after the Context, and the table has nothing else.
     */
    @Test
    void everyTransactionMethodIsInTheCountTable() {
        final Map<String, Map<String, Integer>> expected = new TreeMap<>();
        try (ScanResult scan = new ClassGraph()
                .enableClassInfo()
                .enableAnnotationInfo()
                .acceptPackages("io.povm", "org.hyperledger.fabric.contract")
                .scan()) {
            for (Class<?> contract :
                    scan.getClassesWithAnnotation(Contract.class.getName()).loadClasses()) {
                final Contract annotation = contract.getAnnotation(Contract.class);
                final String name = annotation.name().isEmpty() ? contract.getSimpleName() : annotation.name();
                final Map<String, Integer> functions = expected.computeIfAbsent(name, n -> new TreeMap<>());
                for (Method method : contract.getMethods()) {
                    final Transaction tx = method.getAnnotation(Transaction.class);
                    if (tx != null && Modifier.isPublic(method.getModifiers())) {
                        assertThat(method.getParameterTypes()[0]).isEqualTo(Context.class);
                        functions.put(
                                tx.name().isEmpty() ? method.getName() : tx.name(), method.getParameterCount() - 1);
                    }
                }
            }
        }
        final Map<String, Map<String, Integer>> table = new TreeMap<>();
        routes.contracts().forEach((contract, functions) -> {
            final Map<String, Integer> counts = new TreeMap<>();
            functions.forEach((function, parameters) -> counts.put(function, parameters.size()));
            table.put(contract, counts);
        });

        assertThat(expected.keySet())
                .contains("povm", "org", "worker", "credit", "clock", "beacon", "sla", "threshold");
        assertThat(table).isEqualTo(expected);
        assertThat(table.values().stream().mapToInt(Map::size).sum()).isGreaterThanOrEqualTo(71);
    }

    @Test
    void the_configured_entry_point_can_open_the_peers_stream_settings() throws Exception {
        final String[] args = {"--id", "povm:test"};
        final PovmChaincode configured = PovmChaincode.configured(new ContractRouter(args), args);

        // ChaincodeBase reads its config here when a peer connects; CI's network failed on it once
        org.assertj.core.api.Assertions.assertThatCode(configured::newChannelBuilder)
                .doesNotThrowAnyException();
    }
}
