// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.povm.api.Members;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code povm network status -o json} prints: the nodes parsed from {@code network/network.sh status}, its
 * other lines as they are, and what the ledger says.
 *
 * @param healthy every node runs and the ledger answered
 * @param nodes one per node of the network
 * @param details the script's lines about channels and the chaincode
 * @param ledger the member orgs and clock ticks, or why they could not be read
 */
@JsonPropertyOrder({"healthy", "nodes", "details", "ledger"})
record NetworkStatus(
        @JsonProperty("healthy") boolean healthy,
        @JsonProperty("nodes") List<Node> nodes,
        @JsonProperty("details") List<String> details,
        @JsonProperty("ledger") Ledger ledger) {
    /** A node line of the script: {@code orderer1  4242  7010  running}. */
    private static final Pattern NODE =
            Pattern.compile("(orderer[0-9]+|org[0-9]+-peer|org[0-9]+-cc)\\s+(\\S+)\\s+([0-9]+)\\s+(.+)");

    /** One node: its pid ({@code -} when stopped), port and state. */
    @JsonPropertyOrder({"node", "pid", "port", "state"})
    record Node(
            @JsonProperty("node") String node,
            @JsonProperty("pid") String pid,
            @JsonProperty("port") int port,
            @JsonProperty("state") String state) {}

    /** The ledger's members and clock, or the error that kept them from being read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"members", "ticks", "error"})
    record Ledger(
            @JsonProperty("members") Members members,
            @JsonProperty("ticks") Map<String, String> ticks,
            @JsonProperty("error") String error) {}

    static NetworkStatus parse(final String scriptOutput, final boolean scriptHealthy, final Ledger ledger) {
        final List<Node> nodes = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        scriptOutput.lines().skip(1).forEach(line -> {
            final Matcher node = NODE.matcher(line.strip());
            if (node.matches()) {
                nodes.add(new Node(
                        node.group(1),
                        node.group(2),
                        Integer.parseInt(node.group(3)),
                        node.group(4).strip()));
            } else if (!line.isBlank()) {
                details.add(line.strip());
            }
        });
        return new NetworkStatus(scriptHealthy && ledger.error() == null, nodes, details, ledger);
    }

    /** Prints the ledger part for people; the nodes are the script's own lines. */
    static void printLedger(final NetworkStatus status, final Instant now, final PrintWriter out) {
        final Ledger ledger = status.ledger();
        if (ledger.error() != null) {
            out.println("ledger: cannot read it: " + ledger.error());
            return;
        }
        if (ledger.members() == null) {
            out.println("members: not bootstrapped yet (network/network.sh deploy does it)");
        } else {
            out.printf(
                    "members: %s (majority %d of %d)%n",
                    String.join(", ", ledger.members().msps()),
                    ledger.members().threshold(),
                    ledger.members().size());
        }
        if (ledger.ticks().isEmpty()) {
            out.println("clock: no org has ticked yet (worker daemons tick with their heartbeat)");
        }
        ledger.ticks().forEach((msp, at) -> out.printf("clock %s: %s%s%n", msp, at, age(at, now)));
    }

    private static String age(final String at, final Instant now) {
        try {
            final Duration age = Duration.between(Instant.parse(at), now);
            return age.isNegative() ? "" : " (" + age.toSeconds() + " s ago)";
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
