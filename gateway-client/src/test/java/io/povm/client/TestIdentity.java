// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/** A throw-away ECDSA P-256 key and self-signed certificate, written as PEM files like Fabric's. */
public final class TestIdentity {
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestIdentity(final KeyPair keyPair, final X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static TestIdentity create(final String commonName) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair keyPair = generator.generateKeyPair();
            final X500Name name = new X500Name("CN=" + commonName);
            final Instant now = Instant.now();
            final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofDays(1))),
                    name,
                    keyPair.getPublic());
            final X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new TestIdentity(keyPair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writeCertificate(final Path file) throws IOException {
        return Files.writeString(file, Identities.toPemString(certificate));
    }

    public Path writePrivateKey(final Path file) throws IOException {
        return Files.writeString(file, Identities.toPemString(keyPair.getPrivate()));
    }
}
