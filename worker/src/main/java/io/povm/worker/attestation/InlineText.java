// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.KeyText;
import io.povm.api.ReplicaResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which results travel inline in a reveal: at most {@value ReplicaResult#MAX_INLINE_OUTPUT_BYTES} of valid UTF-8 that the
 * chaincode stores exactly ({@link KeyText#unstorable}).
 */
public final class InlineText {
    private InlineText() {}

    /** @return the result as text when it is short enough to reveal inline and valid UTF-8 */
    public static Optional<String> of(final byte[] result) {
        if (result.length > ReplicaResult.MAX_INLINE_OUTPUT_BYTES) {
            return Optional.empty();
        }
        try {
            final String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(result))
                    .toString();
            // the chaincode refuses text it could not store exactly (a U+FFFD it cannot tell from a decoding error):
            // such a result travels by its hash only, like a long one
            return KeyText.unstorable(text).isPresent() ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
