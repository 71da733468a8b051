// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The registered operator identities of one org, sorted by the digest of their id ({@code org:GetOperators}).
 *
 * @param msp the org
 * @param operators its registered operators; its admins act as operators without being listed
 */
@JsonPropertyOrder({"msp", "operators"})
public record OperatorList(@JsonProperty("msp") String msp, @JsonProperty("operators") List<Operator> operators) {
    public OperatorList {
        operators = List.copyOf(operators);
    }
}
