package io.povm.worker.attestation;

import io.povm.api.ReplicaResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Which results travel inline in a reveal: at most {@value ReplicaResult#MAX_INLINE_OUTPUT_BYTES} of valid UTF-8. */
public final class InlineText {
    private InlineText() {}

    /** @return the result as text when it is short enough to reveal inline and valid UTF-8 */
    public static Optional<String> of(final byte[] result) {
        if (result.length > ReplicaResult.MAX_INLINE_OUTPUT_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(result))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
