// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --msp} and {@code --id}: an account, both or neither (the caller's own). */
final class AccountOptions {
    @Option(names = "--msp", paramLabel = "MSP", description = "The account's MSP id, e.g. Org2MSP.")
    private String msp;

    @Option(
            names = "--id",
            paramLabel = "FABRIC_ID",
            description = "The account's Fabric id, x509::<subject>::<issuer> (povm credit balance -o json prints"
                    + " yours).")
    private String id;

    /** @throws ParameterException when only one of the two is given, or {@code required} and neither is */
    void check(final CommandSpec spec, final boolean required) {
        final boolean hasMsp = msp != null && !msp.isBlank();
        final boolean hasId = id != null && !id.isBlank();
        if (hasMsp != hasId || (required && !hasMsp)) {
            throw new ParameterException(
                    spec.commandLine(),
                    required
                            ? "--msp and --id are both required: the receiving account"
                            : "give both --msp and --id, or neither for your own account");
        }
    }

    String msp() {
        return msp == null ? "" : msp;
    }

    String id() {
        return id == null ? "" : id;
    }
}
