// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One member org's approval of a governance proposal (a mint, a new member): the admin who gave it, when, in which
 * transaction. {@code {"msp":"Org2MSP","id":"x509::...","at":"2026-11-21T10:00:00.000Z","txId":"..."}}
 */
@JsonPropertyOrder({"msp", "id", "at", "txId"})
public record Approval(
        @JsonProperty("msp") String msp,
        @JsonProperty("id") String id,
        @JsonProperty("at") String at,
        @JsonProperty("txId") String txId) {}
