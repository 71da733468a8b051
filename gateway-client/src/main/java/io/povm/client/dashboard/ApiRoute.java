// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

/** One part of the JSON API, below its path prefix (e.g. {@code /api/jobs}). */
@FunctionalInterface
interface ApiRoute {
    /**
     * @return the answer; ledger failures are thrown as {@code PovmClientException} and bad input as {@link
     *     BadRequestException}, which {@link ApiHandler} turns into error responses
     */
    ApiResponse handle(ApiRequest request);
}
