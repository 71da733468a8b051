// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

/**
 * Where the randomness that picks a job's workers comes from. Every endorser must get the same seed, and neither the
 * submitter nor any single org may be able to choose or predict it. The multiparty beacon (a later issue) is the
 * source meant for production; until then {@link InterimTxSeedSource} stands in and is grindable.
 */
@FunctionalInterface
public interface SeedSource {
    /**
     * @param jobId the job being assigned
     * @return at least 32 bytes of seed for this job's assignment draw
     */
    byte[] assignmentSeed(String jobId);
}
