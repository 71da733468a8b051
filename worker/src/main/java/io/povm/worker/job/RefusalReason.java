// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

/** Why the {@link ImageGate} refused a job's image; nothing ran. */
public enum RefusalReason {
    /** The reference is not {@code name@sha256:<64 hex>}. */
    INVALID_REFERENCE,
    /** The repository matches a pattern of the organisation's deny list (deny wins over allow). */
    IMAGE_DENIED,
    /** The allow list is not empty and no pattern of it matches the repository. */
    IMAGE_NOT_ALLOWED,
    /** The engine has neither the pinned image id nor any image of that repository. */
    IMAGE_MISSING,
    /** The engine has the repository, but not with the pinned image id, or the id under another name. */
    DIGEST_MISMATCH
}
