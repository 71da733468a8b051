// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A raw value before it is checked: the YAML node, where it came from and what relative paths resolve against. */
final class Setting {
    private final JsonNode value;
    private final String origin;
    private final Path base;

    Setting(final JsonNode value, final String origin, final Path base) {
        this.value = value;
        this.origin = origin;
        this.base = base;
    }

    JsonNode value() {
        return value;
    }

    String origin() {
        return origin;
    }

    Path base() {
        return base;
    }

    /** @return the value as text: scalars as written, anything else as its JSON */
    String text() {
        return value.isValueNode() ? value.asText().strip() : value.toString();
    }
}
