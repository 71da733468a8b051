// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

/** How a command prints its result. */
enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** The exact JSON the chaincode stores, one document. */
    JSON
}
