// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The id Fabric gives an X.509 identity, computed from its certificate alone, so that a worker registered by
 * certificate is recognised when it later signs a transaction itself.
 *
 * <p>fabric-chaincode-shim 2.5.10's {@code ClientIdentity} builds {@code getId()} as {@code "x509::" +
 * cert.getSubjectDN().getName() + "::" + cert.getIssuerDN().getName()} on a certificate from the JDK's {@code
 * CertificateFactory}; this class makes exactly the same calls in the same JVM, hence the same text (e.g. {@code
 * x509::CN=User2@org1.povm.test, OU=client, L=San Francisco, ST=California, C=US::CN=ca.org1.povm.test, ...}).
 * {@code FabricIdTest} pins this against the shim's own class.
 */
public final class FabricId {
    private FabricId() {}

    /** @return {@code x509::<subject DN>::<issuer DN>} as the shim's {@code ClientIdentity.getId()} returns it */
    @SuppressWarnings("deprecation") // getSubjectDN/getIssuerDN: the shim uses them; their text is the id
    public static String of(final X509Certificate certificate) {
        return "x509::" + certificate.getSubjectDN().getName() + "::"
                + certificate.getIssuerDN().getName();
    }

    /** @return the SHA-256 of the id's UTF-8 bytes, lowercase hex: a fixed-size key attribute for any id */
    public static String digest(final String fabricId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(fabricId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
