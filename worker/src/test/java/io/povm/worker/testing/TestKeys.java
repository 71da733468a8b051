// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** EC key pairs and their PEM files, written as openssl writes them. */
public final class TestKeys {
    private TestKeys() {}

    /** @return a fresh key pair on {@code curve}, e.g. secp256r1 (P-256) or secp384r1 */
    public static KeyPair ec(final String curve) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair p256() {
        return ec("secp256r1");
    }

    /**
     * @return the private key as SEC1 {@code EC PRIVATE KEY} PEM naming its curve, as {@code openssl ecparam -genkey}
     *     writes it
     */
    public static String sec1Pem(final KeyPair pair) {
        try {
            final PrivateKeyInfo info =
                    PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
            final ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            final ECPrivateKey named = new ECPrivateKey(
                    256,
                    inner.getKey(),
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())
                            .getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters());
            return pem(new PemObject("EC PRIVATE KEY", named.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the private key as PKCS#8 {@code PRIVATE KEY} PEM, as {@code openssl genpkey} writes it */
    public static String pkcs8Pem(final KeyPair pair) {
        try {
            return pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the public key as {@code PUBLIC KEY} PEM, as {@code openssl ec -pubout} writes it */
    public static String publicPem(final KeyPair pair) {
        return pem(pair.getPublic());
    }

    public static Path write(final Path file, final String pem) {
        try {
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(final Object object) {
        final StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
