// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

/** Why a job could not be run at all (a refused image is an outcome, not an error: see {@link RefusalReason}). */
public enum JobErrorCode {
    /** The request itself is malformed: an input name, size or count out of range. */
    INVALID_REQUEST,
    /** The worker could not write the inputs to its temporary directory. */
    INPUT_STAGING_FAILED,
    /** The Docker engine failed while checking the image or running the container. */
    ENGINE_FAILURE
}
