// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** SLA proposals for tests: the valid example of the docs, and edits of it as JSON trees. */
public final class Slas {
    /** The valid example proposal, standard@1, in the exact form PovmJson writes it. */
    public static final String VALID_JSON = "{\"name\":\"standard\",\"version\":1,"
            + "\"vm\":{\"cpuMillis\":2000,\"memoryMiB\":2048,\"diskMiB\":10240,\"maxWallSeconds\":3600,"
            + "\"network\":\"none\",\"minBenchmarkOpsPerSec\":50000,\"pricePerVmSecond\":10},"
            + "\"job\":{\"maxInputBytes\":1048576,\"maxOutputBytes\":1048576}}";

    private static final ObjectMapper TREES = new ObjectMapper();

    private Slas() {}

    /** @return the example's terms, as objects */
    public static SlaSpec spec() {
        return new SlaSpec(
                "standard",
                1,
                VmTerms.builder()
                        .cpuMillis(2000)
                        .memoryMiB(2048)
                        .diskMiB(10240)
                        .maxWallSeconds(3600)
                        .network("none")
                        .minBenchmarkOpsPerSec(50_000)
                        .pricePerVmSecond(10)
                        .build(),
                new JobLimits(1_048_576, 1_048_576));
    }

    /** @return the example under another name and version */
    public static SlaSpec spec(final String name, final int version) {
        final SlaSpec example = spec();
        return new SlaSpec(name, version, example.vm(), example.job());
    }

    public static ObjectNode validTree() {
        try {
            return (ObjectNode) TREES.readTree(VALID_JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the valid proposal's JSON after an edit */
    public static String edited(final Consumer<ObjectNode> edit) {
        final ObjectNode tree = validTree();
        edit.accept(tree);
        return tree.toString();
    }

    public static ObjectNode vm(final ObjectNode sla) {
        return (ObjectNode) sla.get("vm");
    }

    public static ObjectNode job(final ObjectNode sla) {
        return (ObjectNode) sla.get("job");
    }
}
