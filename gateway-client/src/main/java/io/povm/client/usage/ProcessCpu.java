// SPDX-License-Identifier: Apache-2.0
package io.povm.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The CPU time a process had used when it was sampled.
 *
 * @param pid its process id
 * @param cpuMillis user plus system time, in milliseconds
 */
@JsonPropertyOrder({"pid", "cpuMillis"})
public record ProcessCpu(@JsonProperty("pid") long pid, @JsonProperty("cpuMillis") long cpuMillis) {}
