// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The argument of {@code org:Bootstrap}: a JSON array of member MSP ids, e.g. {@code ["Org1MSP","Org2MSP"]}.
 * {@link #parse(String)} reads and checks it, naming {@code mspIds} or the entry {@code mspIds[i]} in errors.
 */
@JsonRootName("mspIds")
public final class MspIdList {
    /** The field named in errors. */
    public static final String FIELD = "mspIds";

    /** Largest accepted argument, in UTF-8 bytes: 32 ids of 64 characters, quoted, fit easily. */
    public static final int MAX_BYTES = 4096;

    private final List<String> ids;

    private MspIdList(final List<String> ids) {
        this.ids = ids;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MspIdList fromJson(final List<String> ids) {
        return new MspIdList(Members.checkMspIds(ids, FIELD));
    }

    /** @return a checked list of the given ids, sorted */
    public static MspIdList of(final List<String> ids) {
        return new MspIdList(Members.checkMspIds(ids, FIELD));
    }

    /**
     * @throws PovmException INVALID_ARGUMENT [mspIds] or [mspIds[i]] when the text is not such an array
     */
    public static MspIdList parse(final String json) {
        if (json != null && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw PovmException.invalid(
                    FIELD, "is longer than " + MAX_BYTES + " bytes; must be " + Members.LIST_ACCEPTED);
        }
        try {
            return PovmJson.read(json, MspIdList.class);
        } catch (PovmException e) {
            final PovmError error = e.error();
            if (error.field().startsWith("[")) {
                throw new PovmException(new PovmError(error.code(), FIELD + error.field(), error.reason()), e);
            }
            throw e;
        }
    }

    /** @return the MSP ids, sorted */
    @JsonValue
    public List<String> ids() {
        return ids;
    }

    @Override
    public boolean equals(final Object other) {
        return this == other || (other instanceof MspIdList && ids.equals(((MspIdList) other).ids));
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids);
    }

    @Override
    public String toString() {
        return "MspIdList" + ids;
    }
}
