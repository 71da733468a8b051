// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.ReplicaResult;
import io.povm.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faulty mode {@code wrong-answer}: turns an honest run's evidence into a wrong one that is still self-consistent.
 * The result changes (the coin flipper's {@code "flips":N} becomes N + 1; any other result gets a line appended),
 * and so do the checkpoint payloads from index {@code checkpoints / 2} on (their {@code "flips":N} becomes N + 1, or a
 * suffix is appended), so that a dispute's bisection finds the first divergence there. The result hash, output
 * size, leaves and root are recomputed: the attestation built from it checks, it is just wrong.
 */
public final class WrongAnswer {
    private static final Pattern FLIPS = Pattern.compile("\"flips\":(\\d+)");

    private WrongAnswer() {}

    public static ReplicaEvidence corrupt(final ReplicaEvidence honest) {
        final byte[] output = alter(honest.output());
        final List<byte[]> payloads = new ArrayList<>(honest.checkpointPayloads());
        for (int i = firstAltered(payloads.size()); i < payloads.size(); i++) {
            payloads.set(i, alter(payloads.get(i)));
        }
        final ReplicaResult was = honest.result();
        final ReplicaEvidence draft = new ReplicaEvidence(was, output, payloads);
        final ReplicaResult wrong = ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(output)))
                .exitCode(was.exitCode())
                .limitHit(was.limitHit())
                .wallMillis(was.wallMillis())
                .cpuMillis(was.cpuMillis())
                .peakMemoryBytes(was.peakMemoryBytes())
                .outputBytes(output.length)
                .checkpointRoot(draft.checkpointRoot())
                .checkpoints(payloads.size())
                .output(InlineText.of(output))
                .build();
        return new ReplicaEvidence(wrong, output, payloads);
    }

    /** @return the index of the first checkpoint the wrong answer alters: half the count, rounded down */
    public static int firstAltered(final int checkpoints) {
        return checkpoints / 2;
    }

    private static byte[] alter(final byte[] bytes) {
        final String text = new String(bytes, StandardCharsets.UTF_8);
        final Matcher flips = FLIPS.matcher(text);
        if (flips.find()) {
            final long wrong = Long.parseLong(flips.group(1)) + 1;
            return (text.substring(0, flips.start(1)) + wrong + text.substring(flips.end(1)))
                    .getBytes(StandardCharsets.UTF_8);
        }
        final byte[] suffix = "wrong\n".getBytes(StandardCharsets.UTF_8);
        final byte[] altered = new byte[bytes.length + suffix.length];
        System.arraycopy(bytes, 0, altered, 0, bytes.length);
        System.arraycopy(suffix, 0, altered, bytes.length, suffix.length);
        return altered;
    }
}
