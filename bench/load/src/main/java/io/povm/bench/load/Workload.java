// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import org.hyperledger.fabric.client.Contract;

/**
 * One kind of transaction the load generator sends: which chaincode it goes to, and how the {@code sequence}-th one is
 * sent. Implementations classify the end of a transaction with {@link Transactions}, without retrying.
 */
public interface Workload {
    /** @return the chaincode this workload calls, {@code povm} or {@code floor} */
    String chaincode();

    /** Anything the workload reads must exist before load starts (e.g. the job {@code GetJob} reads). */
    default void prepare(final Contract contract) {}

    /** @return the status of the {@code sequence}-th transaction, sent through {@code contract} */
    String run(Contract contract, long sequence);
}
