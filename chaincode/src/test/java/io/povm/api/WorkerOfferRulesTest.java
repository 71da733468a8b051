// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of WorkerValidator, one per case, each asserting the code and the field it names. */
class WorkerOfferRulesTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    private static PovmError errorOf(final Runnable check) {
        final PovmException e = catchThrowableOfType(PovmException.class, check::run);
        assertThat(e).as("the check fails with a PovmException").isNotNull();
        return e.error();
    }

    private static ObjectNode tree(final Object value) {
        try {
            return (ObjectNode) TREES.readTree(PovmJson.write(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String edited(final Consumer<ObjectNode> edit) {
        final ObjectNode registration = tree(Workers.registration("w1", Workers.ORG1_USER2_CERT));
        edit.accept(registration);
        return registration.toString();
    }

    private static ObjectNode offer(final ObjectNode registration) {
        return (ObjectNode) registration.get("offer");
    }

    private static PovmError readAndValidate(final String json) {
        return errorOf(() -> WorkerValidator.validate(PovmJson.read(json, WorkerRegistration.class)));
    }

    static Stream<Arguments> brokenRegistrations() {
        return Stream.of(
                Arguments.of("no name", edited(r -> r.remove("name")), "name"),
                Arguments.of("a name with a slash", edited(r -> r.put("name", "w/1")), "name"),
                Arguments.of("a name of 65 chars", edited(r -> r.put("name", "w".repeat(65))), "name"),
                Arguments.of("no certificate", edited(r -> r.remove("certificatePem")), "certificatePem"),
                Arguments.of(
                        "a certificate that is no PEM", edited(r -> r.put("certificatePem", "MIIB")), "certificatePem"),
                Arguments.of(
                        "a public key where the certificate belongs",
                        edited(r -> r.put("certificatePem", Workers.P256_KEY)),
                        "certificatePem"),
                Arguments.of(
                        "two certificates",
                        edited(r -> r.put("certificatePem", Workers.ORG1_USER2_CERT + Workers.ORG1_USER1_CERT)),
                        "certificatePem"),
                Arguments.of(
                        "a certificate with broken base64",
                        edited(r -> r.put("certificatePem", Workers.ORG1_USER2_CERT.replace("MII", "M*I"))),
                        "certificatePem"),
                Arguments.of(
                        "a certificate with a damaged body",
                        edited(r -> r.put("certificatePem", Workers.ORG1_USER2_CERT.replace("MII", "MIA"))),
                        "certificatePem"),
                Arguments.of("no offer", edited(r -> r.remove("offer")), "offer"),
                Arguments.of("no SLAs", edited(r -> offer(r).putArray("slas")), "offer.slas"),
                Arguments.of("no slas field", edited(r -> offer(r).remove("slas")), "offer.slas"),
                Arguments.of(
                        "17 SLAs",
                        edited(r -> {
                            final ArrayNode slas = offer(r).putArray("slas");
                            for (int i = 1; i <= 17; i++) {
                                slas.add("s" + i + "@1");
                            }
                        }),
                        "offer.slas"),
                Arguments.of(
                        "an SLA without version",
                        edited(r -> offer(r).putArray("slas").add("standard")),
                        "offer.slas"),
                Arguments.of(
                        "an SLA twice",
                        edited(r -> offer(r).putArray("slas").add("gold@1").add("gold@1")),
                        "offer.slas"),
                Arguments.of("a null SLA", edited(r -> offer(r).putArray("slas").addNull()), "offer.slas[0]"),
                Arguments.of("0 slots", edited(r -> offer(r).put("slots", 0)), "offer.slots"),
                Arguments.of("65 slots", edited(r -> offer(r).put("slots", 65)), "offer.slots"),
                Arguments.of("no slots", edited(r -> offer(r).remove("slots")), "offer.slots"),
                Arguments.of("slots as text", edited(r -> offer(r).put("slots", "2")), "offer.slots"),
                Arguments.of("fractional slots", edited(r -> offer(r).put("slots", 2.5)), "offer.slots"),
                Arguments.of("no total", edited(r -> offer(r).remove("total")), "offer.total"),
                Arguments.of(
                        "no total cpu",
                        edited(r -> ((ObjectNode) offer(r).get("total")).remove("cpuMillis")),
                        "offer.total.cpuMillis"),
                Arguments.of(
                        "no reserved disk",
                        edited(r -> ((ObjectNode) offer(r).get("reserved")).remove("diskMiB")),
                        "offer.reserved.diskMiB"),
                Arguments.of(
                        "zero total cpu",
                        edited(r -> ((ObjectNode) offer(r).get("total")).put("cpuMillis", 0)),
                        "offer.total.cpuMillis"),
                Arguments.of(
                        "more than 1000 cores",
                        edited(r -> ((ObjectNode) offer(r).get("total")).put("cpuMillis", 1_000_001)),
                        "offer.total.cpuMillis"),
                Arguments.of(
                        "more than 64 TiB memory",
                        edited(r -> ((ObjectNode) offer(r).get("total")).put("memoryMiB", 64L * 1024 * 1024 + 1)),
                        "offer.total.memoryMiB"),
                Arguments.of(
                        "more than 1 PiB disk",
                        edited(r -> ((ObjectNode) offer(r).get("total")).put("diskMiB", 1024L * 1024 * 1024 + 1)),
                        "offer.total.diskMiB"),
                Arguments.of(
                        "more reserved cpu than total",
                        edited(r -> ((ObjectNode) offer(r).get("reserved")).put("cpuMillis", 4001)),
                        "offer.reserved.cpuMillis"),
                Arguments.of(
                        "more reserved memory than total",
                        edited(r -> ((ObjectNode) offer(r).get("reserved")).put("memoryMiB", 8193)),
                        "offer.reserved.memoryMiB"),
                Arguments.of(
                        "negative reserved disk",
                        edited(r -> ((ObjectNode) offer(r).get("reserved")).put("diskMiB", -1)),
                        "offer.reserved.diskMiB"),
                Arguments.of(
                        "an unknown resource",
                        edited(r -> ((ObjectNode) offer(r).get("total")).put("gpus", 1)),
                        "offer.total.gpus"),
                Arguments.of(
                        "no attestation key",
                        edited(r -> offer(r).remove("attestationKeyPem")),
                        "offer.attestationKeyPem"),
                Arguments.of(
                        "an RSA attestation key",
                        edited(r -> offer(r).put("attestationKeyPem", Workers.RSA_KEY)),
                        "offer.attestationKeyPem"),
                Arguments.of(
                        "a P-384 attestation key",
                        edited(r -> offer(r).put("attestationKeyPem", Workers.P384_KEY)),
                        "offer.attestationKeyPem"),
                Arguments.of(
                        "a certificate where the attestation key belongs",
                        edited(r -> offer(r).put("attestationKeyPem", Workers.ORG1_USER2_CERT)),
                        "offer.attestationKeyPem"));
    }

    @ParameterizedTest(name = "{0} is rejected at [{2}]")
    @MethodSource("brokenRegistrations")
    void rejects_a_broken_rule_naming_the_field(final String what, final String json, final String field) {
        final PovmError error = readAndValidate(json);

        assertThat(error.code()).as(what).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).as(what + ": " + error.reason()).isEqualTo(field);
    }

    @Nested
    class Accepted {

        @Test
        void the_documented_example() {
            final WorkerRegistration registration = Workers.registration("w1", Workers.ORG1_USER2_CERT);

            assertThat(WorkerValidator.validate(registration)).isEqualTo(registration);
        }

        @Test
        void reserved_equal_to_total_and_the_limits_of_slots_and_slas() {
            final List<String> slas = Stream.iterate(1, i -> i + 1)
                    .limit(16)
                    .map(i -> "s" + i + "@" + i)
                    .toList();
            final WorkerOffer offer = new WorkerOffer(slas, 64, Workers.TOTAL, Workers.TOTAL, Workers.P256_KEY);

            assertThat(WorkerValidator.validateOffer(offer).stake().total()).isZero();
        }

        @Test
        void keys_and_certificates_with_other_line_breaks_as_the_same_canonical_pem() {
            final String oneLineKey = Workers.P256_KEY.replace("\n", "").replace("-----MF", "-----\nMF");
            final String crlfCertificate = Workers.ORG1_USER2_CERT.replace("\n", "\r\n");
            final WorkerRegistration messy = new WorkerRegistration(
                    "w1",
                    crlfCertificate,
                    new WorkerOffer(List.of("standard@1"), 2, Workers.TOTAL, Workers.RESERVED, oneLineKey));

            assertThat(WorkerValidator.validate(messy)).isEqualTo(Workers.registration("w1", Workers.ORG1_USER2_CERT));
        }
    }

    @Test
    void names_the_accepted_form_of_an_sla() {
        final PovmError error = errorOf(() -> WorkerValidator.validateOffer(Workers.offer(List.of("Gold@1"), 1)));

        assertThat(error.toMessage()).startsWith("INVALID_ARGUMENT [offer.slas] 'Gold@1' must be name@version");
    }

    @Test
    void says_what_reserved_may_be() {
        final PovmError error = errorOf(() -> WorkerValidator.validateOffer(
                new WorkerOffer(List.of("standard@1"), 1, Workers.TOTAL, new Resources(5000, 0, 0), Workers.P256_KEY)));

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [offer.reserved.cpuMillis] is 5000; must be a whole number from 0 to"
                        + " 4000 millicores, at most total");
    }

    @Test
    void refuses_a_registration_larger_than_16_kib_before_parsing_it() {
        final PovmError error = errorOf(() -> WorkerValidator.checkSize("x".repeat(16 * 1024 + 1), "registration"));

        assertThat(error.field()).isEqualTo("registration");
        assertThat(error.reason()).contains("at most 16384 bytes");
    }

    @Test
    void names_an_unknown_field_of_the_registration() {
        final PovmError error = readAndValidate(edited(r -> r.put("owner", "me")));

        assertThat(error.toMessage())
                .isEqualTo("INVALID_ARGUMENT [owner] unknown field; accepted: name, certificatePem, offer");
    }
}
