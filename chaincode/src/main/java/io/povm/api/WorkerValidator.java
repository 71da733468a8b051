// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a {@link WorkerRegistration} and a {@link WorkerOffer} must meet. The chaincode applies them on
 * Register and UpdateOffer; clients apply the same rules before sending anything.
 *
 * <pre>{@code
 * WorkerRegistration registration =
 *         WorkerValidator.validate(PovmJson.read(WorkerValidator.checkSize(text, "registration"), WorkerRegistration.class));
 * }</pre>
 *
 * <p>Validation also normalizes: the certificate and the attestation key come back re-encoded from their parsed
 * form as PEM with 64-character lines, so the same key written with other line breaks is the same offer. Every
 * violation is a {@link PovmException} with code {@link ErrorCode#INVALID_ARGUMENT}, the field concerned
 * ({@code name}, {@code certificatePem}, {@code offer.slas}, {@code offer.reserved.cpuMillis}, ...) and what is
 * accepted. Whether the SLAs exist is not checked here: only their format.
 */
public final class WorkerValidator {
    /** Largest accepted registration or offer, in UTF-8 bytes of its JSON text. */
    public static final int MAX_INPUT_BYTES = 16 * 1024;

    public static final int MAX_SLAS = 16;
    public static final int MAX_SLOTS = 64;
    /** 1000 cores. */
    public static final long MAX_CPU_MILLIS = 1_000_000L;
    /** 64 TiB. */
    public static final long MAX_MEMORY_MIB = 64L * 1024 * 1024;
    /** 1 PiB. */
    public static final long MAX_DISK_MIB = 1024L * 1024 * 1024;

    static final int MAX_CERTIFICATE_CHARS = 8192;
    static final int MAX_KEY_CHARS = 1024;

    static final String CERTIFICATE_ACCEPTED =
            "the worker identity's X.509 certificate, PEM (-----BEGIN CERTIFICATE-----), at most "
                    + MAX_CERTIFICATE_CHARS + " chars";
    static final String ATTESTATION_KEY_ACCEPTED =
            "an EC P-256 public key, PEM (-----BEGIN PUBLIC KEY-----), e.g. from openssl ec -pubout";
    static final String SLAS_ACCEPTED =
            "a JSON array of 1 to " + MAX_SLAS + " distinct SLA references name@version, e.g. [\"standard@1\"]";
    static final String SLOTS_ACCEPTED = "a whole number of VMs from 1 to " + MAX_SLOTS;
    static final String RESOURCES_ACCEPTED = "an object like {\"cpuMillis\":4000,\"memoryMiB\":8192,\"diskMiB\":40960}";

    /** The same form as a job's {@code sla}, see {@link JobSpecValidator}. */
    private static final Pattern SLA = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}@[1-9][0-9]{0,5}");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ECParameterSpec P256 = p256();

    private WorkerValidator() {}

    /**
     * Checks the size of a registration's or an offer's JSON text before it is parsed.
     *
     * @param root the field reported, {@code registration} or {@code offer}
     * @throws PovmException INVALID_ARGUMENT [root] when missing or larger than {@value #MAX_INPUT_BYTES} bytes
     */
    public static String checkSize(final String json, final String root) {
        PovmException.requirePresent(json, root, "a JSON object");
        final int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            throw PovmException.invalid(
                    root, "is " + bytes + " bytes; at most " + MAX_INPUT_BYTES + " bytes (16 KiB) accepted");
        }
        return json;
    }

    /**
     * @return the registration with its certificate and attestation key in canonical PEM form
     * @throws PovmException INVALID_ARGUMENT naming the first field that breaks a rule
     */
    public static WorkerRegistration validate(final WorkerRegistration registration) {
        PovmException.requirePresent(registration, "registration", "a worker registration");
        WorkerKey.validateName(registration.name(), "name");
        final X509Certificate certificate = parseCertificate(registration.certificatePem(), "certificatePem");
        return new WorkerRegistration(
                registration.name(), pem("CERTIFICATE", encoded(certificate)), validateOffer(registration.offer()));
    }

    /**
     * @return the offer with its attestation key in canonical PEM form
     * @throws PovmException INVALID_ARGUMENT naming the first field under {@code offer.} that breaks a rule
     */
    public static WorkerOffer validateOffer(final WorkerOffer offer) {
        PovmException.requirePresent(offer, "offer", "the worker's offer, a JSON object");
        validateSlas(offer.slas());
        if (offer.slots() < 1 || offer.slots() > MAX_SLOTS) {
            throw PovmException.invalid("offer.slots", "is " + offer.slots() + "; must be " + SLOTS_ACCEPTED);
        }
        validateTotal(offer.total());
        validateReserved(offer.reserved(), offer.total());
        final ECPublicKey key = parseAttestationKey(offer.attestationKeyPem(), "offer.attestationKeyPem");
        return offer.withAttestationKeyPem(pem("PUBLIC KEY", key.getEncoded()));
    }

    /**
     * Parses one PEM certificate.
     *
     * @throws PovmException INVALID_ARGUMENT [field] when it is not exactly one readable X.509 certificate
     */
    public static X509Certificate parseCertificate(final String pem, final String field) {
        PovmException.requirePresent(pem, field, CERTIFICATE_ACCEPTED);
        if (pem.length() > MAX_CERTIFICATE_CHARS) {
            throw PovmException.invalid(field, "has " + pem.length() + " chars; must be " + CERTIFICATE_ACCEPTED);
        }
        final byte[] der = decodePem(pem, "CERTIFICATE", field, CERTIFICATE_ACCEPTED);
        try {
            final X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw PovmException.invalid(
                        field, "holds bytes after the certificate; must be " + CERTIFICATE_ACCEPTED);
            }
            return certificate;
        } catch (CertificateException e) {
            throw PovmException.invalid(field, "is not a readable X.509 certificate; must be " + CERTIFICATE_ACCEPTED);
        }
    }

    /**
     * Parses an attestation public key and checks its curve.
     *
     * @throws PovmException INVALID_ARGUMENT [field] unless it is an EC public key on P-256 (secp256r1)
     */
    public static ECPublicKey parseAttestationKey(final String pem, final String field) {
        PovmException.requirePresent(pem, field, ATTESTATION_KEY_ACCEPTED);
        if (pem.length() > MAX_KEY_CHARS) {
            throw PovmException.invalid(field, "has " + pem.length() + " chars; must be " + ATTESTATION_KEY_ACCEPTED);
        }
        final byte[] der = decodePem(pem, "PUBLIC KEY", field, ATTESTATION_KEY_ACCEPTED);
        final PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw PovmException.invalid(field, "is not an EC public key; must be " + ATTESTATION_KEY_ACCEPTED);
        }
        if (!(key instanceof ECPublicKey) || !isP256(((ECPublicKey) key).getParams())) {
            throw PovmException.invalid(field, "is an EC key on another curve; must be " + ATTESTATION_KEY_ACCEPTED);
        }
        return (ECPublicKey) key;
    }

    private static void validateSlas(final List<String> slas) {
        if (slas.isEmpty() || slas.size() > MAX_SLAS) {
            throw PovmException.invalid("offer.slas", "has " + slas.size() + " entries; must be " + SLAS_ACCEPTED);
        }
        for (int i = 0; i < slas.size(); i++) {
            final String sla = slas.get(i);
            if (!SLA.matcher(sla).matches()) {
                throw PovmException.invalid(
                        "offer.slas",
                        Quote.prefix(sla) + " must be name@version, e.g. standard@1: " + JobSpecValidator.SLA_ACCEPTED);
            }
            if (i > 0 && sla.equals(slas.get(i - 1))) {
                throw PovmException.invalid(
                        "offer.slas", "lists " + Quote.prefix(sla) + " twice; must be " + SLAS_ACCEPTED);
            }
        }
    }

    private static void validateTotal(final Resources total) {
        requireRange("offer.total.cpuMillis", total.cpuMillis(), 1, MAX_CPU_MILLIS, "millicores (1000 = one core)");
        requireRange("offer.total.memoryMiB", total.memoryMiB(), 1, MAX_MEMORY_MIB, "MiB");
        requireRange("offer.total.diskMiB", total.diskMiB(), 1, MAX_DISK_MIB, "MiB");
    }

    private static void validateReserved(final Resources reserved, final Resources total) {
        requireRange(
                "offer.reserved.cpuMillis", reserved.cpuMillis(), 0, total.cpuMillis(), "millicores, at most total");
        requireRange("offer.reserved.memoryMiB", reserved.memoryMiB(), 0, total.memoryMiB(), "MiB, at most total");
        requireRange("offer.reserved.diskMiB", reserved.diskMiB(), 0, total.diskMiB(), "MiB, at most total");
    }

    private static void requireRange(
            final String field, final long value, final long min, final long max, final String unit) {
        if (value < min || value > max) {
            throw PovmException.invalid(
                    field, "is " + value + "; must be a whole number from " + min + " to " + max + " " + unit);
        }
    }

    private static byte[] decodePem(final String pem, final String type, final String field, final String accepted) {
        final String begin = "-----BEGIN " + type + "-----";
        final String end = "-----END " + type + "-----";
        final String text = pem.strip();
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw PovmException.invalid(field, "must be " + accepted);
        }
        final String body = text.substring(begin.length(), text.length() - end.length());
        if (body.contains("-----")) {
            throw PovmException.invalid(field, "must hold exactly one PEM block: " + accepted);
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw PovmException.invalid(field, "is not valid base64 between its PEM lines; must be " + accepted);
        }
    }

    /** @return the canonical PEM form: 64-character base64 lines, {@code \n} line ends, a final line end */
    static String pem(final String type, final byte[] der) {
        final String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(final X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw PovmException.invalid("certificatePem", "cannot be encoded again; must be " + CERTIFICATE_ACCEPTED);
        }
    }

    private static boolean isP256(final ECParameterSpec params) {
        return params != null
                && params.getCurve().equals(P256.getCurve())
                && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder())
                && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            final AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no EC P-256 (secp256r1) parameters", e);
        }
    }
}
