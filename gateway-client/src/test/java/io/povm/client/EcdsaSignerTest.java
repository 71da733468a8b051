// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.client.Hash;
import org.junit.jupiter.api.Test;

/** The signer the gateway connection signs with: what Fabric's peers verify, without BouncyCastle's provider. */
class EcdsaSignerTest {
    private static final int SIGNATURES = 64;

    private final KeyPair keys = keyPair("secp256r1");
    private final byte[] digest = Hash.SHA256.apply(HexFormat.of().parseHex("0123456789abcdef"));

    @Test
    void a_signature_verifies_as_ecdsa_over_the_digest_with_the_public_key() throws GeneralSecurityException {
        final byte[] signature = new EcdsaSigner((ECPrivateKey) keys.getPrivate()).sign(digest);

        final Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(digest);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void every_signature_has_the_low_s_that_peers_require() throws GeneralSecurityException {
        // a plain ECDSA signature has a high S half of the time: 64 low ones by chance would be 1 in 2^64
        final EcdsaSigner signer = new EcdsaSigner((ECPrivateKey) keys.getPrivate());
        final BigInteger halfOrder =
                ((ECPrivateKey) keys.getPrivate()).getParams().getOrder().shiftRight(1);

        for (int i = 0; i < SIGNATURES; i++) {
            final byte[] signature = signer.sign(digest);

            assertThat(s(signature)).isLessThanOrEqualTo(halfOrder);
            final Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(keys.getPublic());
            verifier.update(digest);
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    @Test
    void a_p384_key_signs_with_its_own_order() throws GeneralSecurityException {
        final KeyPair p384 = keyPair("secp384r1");
        final byte[] signature = new EcdsaSigner((ECPrivateKey) p384.getPrivate()).sign(digest);

        assertThat(s(signature))
                .isLessThanOrEqualTo(((ECPrivateKey) p384.getPrivate())
                        .getParams()
                        .getOrder()
                        .shiftRight(1));
        final Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(p384.getPublic());
        verifier.update(digest);
        assertThat(verifier.verify(signature)).isTrue();
    }

    private static BigInteger s(final byte[] der) {
        return ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1))
                .getValue();
    }

    private static KeyPair keyPair(final String curve) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
