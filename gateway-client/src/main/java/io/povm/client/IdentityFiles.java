// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import io.povm.client.profile.ConnectionProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;

/** Reads and checks the PEM files a {@link ConnectionProfile} names; every failure names its file. */
final class IdentityFiles {
    private static final byte[] PROBE =
            "povm: does this key belong to this certificate?".getBytes(StandardCharsets.UTF_8);

    private IdentityFiles() {}

    static X509Certificate certificate(final Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return Identities.readX509Certificate(reader);
        } catch (IOException | CertificateException e) {
            throw PovmClientException.identity(
                    "cannot read certificate " + file + ": " + e.getMessage(),
                    "certificatePath must be a PEM X.509 certificate",
                    e);
        }
    }

    static PrivateKey privateKey(final Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return Identities.readPrivateKey(reader);
        } catch (IOException | InvalidKeyException e) {
            throw PovmClientException.identity(
                    "cannot read private key " + file + ": " + e.getMessage(),
                    "privateKeyPath must be a PEM private key",
                    e);
        }
    }

    /** Signs a probe with the key and verifies it with the certificate, as the peer will. */
    static Signer signerFor(final PrivateKey key, final Path keyFile, final X509Certificate cert, final Path certFile) {
        if (!(key instanceof ECPrivateKey)) {
            throw PovmClientException.identity(
                    "private key " + keyFile + " is " + key.getAlgorithm() + "; povm signs with ECDSA keys",
                    null,
                    null);
        }
        final Signer signer = new EcdsaSigner((ECPrivateKey) key);
        try {
            final byte[] digest = Hash.SHA256.apply(PROBE);
            final Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(digest);
            if (verifier.verify(signer.sign(digest))) {
                return signer;
            }
        } catch (GeneralSecurityException e) {
            throw PovmClientException.identity(
                    "private key " + keyFile + " cannot sign for certificate " + certFile + ": " + e.getMessage(),
                    null,
                    e);
        }
        throw PovmClientException.identity(
                "private key " + keyFile + " does not belong to certificate " + certFile,
                "certificatePath and privateKeyPath must be the same user's files",
                null);
    }

    /** Parses the TLS root certificate so that a bad file is reported by name, not as a TLS failure later. */
    static void checkTlsRoot(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new CertificateException("no certificate in the file");
            }
        } catch (IOException | CertificateException e) {
            throw PovmClientException.identity(
                    "cannot read TLS root certificate " + file + ": " + e.getMessage(),
                    "tlsRootCertPath must be the peer organization's PEM TLS CA certificate",
                    e);
        }
    }
}
