// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

/**
 * Where an SLA is in its governance: {@code PROPOSED -> ACTIVE -> DEPRECATED}, each step taken when a majority of
 * the member orgs has voted for it. The terms never change; new terms are a new version.
 */
public enum SlaState {
    /** Proposed by an org admin; waits for a majority of member orgs to approve it. Jobs may not use it yet. */
    PROPOSED,
    /** Approved by a majority of member orgs; jobs may reference it and workers may serve it. */
    ACTIVE,
    /** Retired by a majority of member orgs; new jobs may no longer reference it. Final. */
    DEPRECATED
}
