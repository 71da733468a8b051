// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.attestation;

import io.povm.api.PovmException;
import io.povm.api.WorkerValidator;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The private half of the attestation key a worker registered ({@code offer.attestationKeyPem}), read from the PEM
 * file openssl writes ({@code openssl ecparam -name prime256v1 -genkey -noout}: SEC1 {@code EC PRIVATE KEY}; PKCS#8
 * {@code PRIVATE KEY} is read too). Only P-256 keys are accepted, as the chaincode verifies with SHA256withECDSA on
 * P-256.
 *
 * <pre>{@code
 * AttestationKey key = AttestationKey.read(Path.of("org1-attestation.key"));
 * key.requireRegistered(worker.offer().attestationKeyPem());   // refuses to start with a key nobody can verify
 * String signature = AttestationSignature.sign(attestation, key.privateKey());
 * }</pre>
 */
public final class AttestationKey {
    /** What the key file must hold. */
    public static final String ACCEPTED =
            "a PEM EC private key on P-256 (prime256v1), e.g. from openssl ecparam -name prime256v1 -genkey -noout";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AttestationKey(final PrivateKey privateKey, final PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * @throws InvalidKeyFileException naming what is wrong when the file cannot be read, holds no EC private key,
     *     or holds one on another curve
     */
    public static AttestationKey read(final Path file) {
        Objects.requireNonNull(file, "file");
        final Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            parsed = pem.readObject();
        } catch (IOException e) {
            throw new InvalidKeyFileException(file + " cannot be read as PEM: " + e.getMessage(), e);
        }
        final PrivateKeyInfo info;
        if (parsed instanceof PEMKeyPair) {
            info = ((PEMKeyPair) parsed).getPrivateKeyInfo();
        } else if (parsed instanceof PrivateKeyInfo) {
            info = (PrivateKeyInfo) parsed;
        } else {
            throw new InvalidKeyFileException(file + " holds "
                    + (parsed == null
                            ? "no PEM object"
                            : "a " + parsed.getClass().getSimpleName())
                    + ", not a private key");
        }
        return fromPrivateKeyInfo(file, info);
    }

    private static AttestationKey fromPrivateKeyInfo(final Path file, final PrivateKeyInfo info) {
        final AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new InvalidKeyFileException(file + " holds a " + algorithm.getAlgorithm() + " key, not an EC key");
        }
        final ASN1Encodable curve = curve(file, info);
        if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
            throw new InvalidKeyFileException(file + " holds an EC key on curve "
                    + (curve == null ? "(none named)" : curveName(curve)) + ", not P-256 (prime256v1)");
        }
        final PrivateKey privateKey;
        try {
            privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw new InvalidKeyFileException(file + " holds an unreadable EC key: " + e.getMessage(), e);
        }
        return new AttestationKey(privateKey, publicKeyOf(((java.security.interfaces.ECPrivateKey) privateKey).getS()));
    }

    /** @return the curve the algorithm identifier names, else the one the SEC1 structure names, else null */
    private static ASN1Encodable curve(final Path file, final PrivateKeyInfo info) {
        final ASN1Encodable named = info.getPrivateKeyAlgorithm().getParameters();
        if (named != null && !(named instanceof ASN1Null)) {
            return named;
        }
        try {
            return ECPrivateKey.getInstance(info.parsePrivateKey()).getParametersObject();
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidKeyFileException(file + " holds an unreadable EC key: " + e.getMessage(), e);
        }
    }

    private static String curveName(final ASN1Encodable curve) {
        if (curve instanceof ASN1ObjectIdentifier) {
            final String name = ECNamedCurveTable.getName((ASN1ObjectIdentifier) curve);
            return name == null ? curve.toString() : name;
        }
        return "(explicit parameters)";
    }

    /** @return Q = d x G on P-256, as a JCA public key */
    private static PublicKey publicKeyOf(final BigInteger d) {
        final X9ECParameters p256 = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
        final byte[] point = p256.getG().multiply(d).normalize().getEncoded(false);
        try {
            final SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1), point);
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the P-256 public key of the attestation key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return whether this key's public half is the key in {@code registeredPem} (a PEM public key) */
    public boolean matches(final String registeredPem) {
        try {
            final PublicKey registered = WorkerValidator.parseAttestationKey(registeredPem, "offer.attestationKeyPem");
            return Arrays.equals(registered.getEncoded(), publicKey.getEncoded());
        } catch (PovmException e) {
            return false;
        }
    }

    /** The key file does not hold a usable attestation key. */
    public static final class InvalidKeyFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidKeyFileException(final String message) {
            super(message);
        }

        InvalidKeyFileException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }
}
