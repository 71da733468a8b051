// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An org's operator identity: the identity its org admin registered to do the org's own duties on the ledger (tick
 * the multiparty clock, post the org's pieces of each beacon round), usually the org's worker daemon. The org's
 * admins act as operators too, without a registration.
 *
 * <pre>{@code
 * {"msp":"Org1MSP","id":"x509::CN=User2@org1.povm.test, ...","registeredBy":"x509::CN=Admin@org1.povm.test, ...",
 *  "at":"2026-12-06T10:00:00.000Z","txId":"..."}
 * }</pre>
 *
 * @param msp the org the identity acts for
 * @param id the identity's Fabric id ({@code x509::<subject>::<issuer>})
 * @param registeredBy the Fabric id of the org admin who registered it
 * @param at when it was registered (the registering transaction's timestamp)
 * @param txId the registering transaction
 */
@JsonPropertyOrder({"msp", "id", "registeredBy", "at", "txId"})
public record Operator(
        @JsonProperty("msp") String msp,
        @JsonProperty("id") String id,
        @JsonProperty("registeredBy") String registeredBy,
        @JsonProperty("at") String at,
        @JsonProperty("txId") String txId) {}
