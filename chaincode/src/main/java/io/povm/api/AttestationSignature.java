// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * ECDSA P-256 signatures over an {@link Attestation}'s canonical bytes ({@code SHA256withECDSA}, DER, base64). The
 * worker signs with the private half of the attestation key it registered ({@code offer.attestationKeyPem}); anyone
 * verifies with the registered public key.
 */
public final class AttestationSignature {
    static final String ALGORITHM = "SHA256withECDSA";

    private AttestationSignature() {}

    /** @return the base64 DER signature of the attestation's canonical bytes */
    public static String sign(final Attestation attestation, final PrivateKey key) {
        try {
            final Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(attestation.canonicalBytes());
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the attestation with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** @return whether {@code signature} (base64 DER) is the registered key's signature of the attestation */
    public static boolean verifies(final Attestation attestation, final String signature, final PublicKey key) {
        final byte[] der;
        try {
            der = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            final Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(attestation.canonicalBytes());
            return verifier.verify(der);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
