// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Members;
import io.povm.api.PovmJson;
import io.povm.api.Specs;
import io.povm.api.Submitter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Keys and stored forms the contract tests pin literally, so that a change of layout shows up as a failing test. */
final class ContractFixtures {
    /** The three member orgs, as org:Bootstrap stores them. */
    static final String MEMBERS_JSON = PovmJson.write(
            new Members(List.of("Org1MSP", "Org2MSP", "Org3MSP"), new Submitter("Org1MSP", "x509::a"), "t", "tx-0"));

    static final String JOB_KEY = "\u0000job\u0000flip-1\u0000";
    static final String SUBMITTED_INDEX_KEY = "\u0000job-by-state\u0000SUBMITTED\u0000flip-1\u0000";
    static final String CANCELLED_INDEX_KEY = "\u0000job-by-state\u0000CANCELLED\u0000flip-1\u0000";
    static final String SUBMITTER_INDEX_KEY = submitterKey(Signer.SUBMITTER, "flip-1");

    /** The stored form of the documented example, submitted by {@link Signer#SUBMITTER} in transaction tx-1. */
    static final String FLIP_1_JOB = "{\"spec\":" + Specs.VALID_JSON + ",\"state\":\"SUBMITTED\","
            + "\"submitter\":{\"msp\":\"Org1MSP\",\"id\":\"" + Signer.SUBMITTER.id() + "\"},"
            + "\"submittedAt\":\"2026-11-20T10:00:00.123Z\",\"submitTxId\":\"tx-1\","
            + "\"stateChangedAt\":\"2026-11-20T10:00:00.123Z\",\"replicas\":[]}";

    /** Five minutes after the example's submission, well before its deadline. */
    static final Instant LATER = Instant.parse("2026-11-20T10:05:00Z");

    private ContractFixtures() {}

    static String submitterKey(final Signer signer, final String jobId) {
        return "\u0000job-by-submitter\u0000" + signer.msp() + "\u0000" + sha256(signer.id()) + "\u0000" + jobId
                + "\u0000";
    }

    static String sha256(final String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
