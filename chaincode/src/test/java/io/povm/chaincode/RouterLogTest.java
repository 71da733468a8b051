// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.junit.jupiter.api.Test;

/**
 * The contract runtime logs each invocation's function and arguments at INFO ("Got the invoke request for: ...");
 * the chaincode's entry point keeps that line out of the log at the levels the runtime sets.
 */
class RouterLogTest {

    @Test
    void the_router_does_not_log_invocation_arguments_at_info_even_when_its_package_logs_everything() {
        RouterLog.quiet();
        // what ChaincodeBase.initializeLogging does with CORE_CHAINCODE_LOGGING_LEVEL=DEBUG
        Logger.getLogger(ContractRouter.class.getPackage().getName()).setLevel(Level.ALL);

        final Logger router = Logger.getLogger(ContractRouter.class.getName());
        assertThat(router.isLoggable(Level.INFO)).isFalse();
        assertThat(router.isLoggable(Level.WARNING)).isTrue();
    }

    @Test
    void the_shaded_jar_starts_through_the_entry_point() throws IOException {
        final String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

        assertThat(pom).contains("<mainClass>" + PovmChaincode.class.getName() + "</mainClass>");
    }
}
