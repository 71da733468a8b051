// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key pairs for tests: attestation keys are P-256, as {@code offer.attestationKeyPem} requires. */
public final class TestKeys {
    private TestKeys() {}

    /** @return a fresh P-256 key pair */
    public static KeyPair p256() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
