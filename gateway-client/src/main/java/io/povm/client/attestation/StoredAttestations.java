// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.povm.api.JobAttestations;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@code GetAttestations} response ({@link JobAttestations}) into the exact text of each stored reveal, so that
 * the evidence keeps the bytes the ledger returned instead of this client's re-serialisation of them.
 */
final class StoredAttestations {
    private static final JsonFactory JSON = new JsonFactory();

    private StoredAttestations() {}

    /**
     * @return the text of each element of {@code reveals}, in order, character for character
     * @throws PovmException INVALID_ARGUMENT [attestations] when the response is not the job's attestations
     */
    static List<String> split(final String response, final String jobId) {
        final JobAttestations parsed = PovmJson.read(response, JobAttestations.class);
        if (!parsed.jobId().equals(jobId)) {
            throw PovmException.invalid(
                    "attestations.jobId",
                    "the ledger returned the attestations of " + parsed.jobId() + ", not " + jobId);
        }
        final List<String> texts = cut(response);
        if (texts.size() != parsed.reveals().size()) {
            throw PovmException.invalid(
                    "attestations.reveals",
                    "found " + texts.size() + " texts for " + parsed.reveals().size() + " reveals");
        }
        return texts;
    }

    static List<String> cut(final String response) {
        final List<String> texts = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(response)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                final boolean reveals = "reveals".equals(parser.currentName());
                final JsonToken value = parser.nextToken();
                if (!reveals) {
                    parser.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    final int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    final int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                    texts.add(response.substring(start, end));
                }
            }
        } catch (IOException e) {
            throw PovmException.invalid("attestations", "cannot be cut into reveals: " + e.getMessage());
        }
        return texts;
    }

    private static void expect(final JsonToken actual, final JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
