// SPDX-License-Identifier: Apache-2.0
package io.povm.client;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Signs a digest with an EC private key as Fabric wants it: ECDSA over the digest itself, DER-encoded, with the
 * low S of the two equivalent signatures (peers refuse a high S, which anyone could derive from a valid signature).
 * The signatures of fabric-gateway's {@code Signers.newPrivateKeySigner}, made with the JDK's own provider instead
 * of a {@code BouncyCastleProvider} that the gateway constructs for it: registering that provider's hundreds of
 * algorithms cost a one-read command line ~0.5 s of start-up.
 */
final class EcdsaSigner implements Signer {
    private final ECPrivateKey key;
    private final BigInteger order;
    private final BigInteger halfOrder;

    EcdsaSigner(final ECPrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.order = key.getParams().getOrder();
        this.halfOrder = order.shiftRight(1);
    }

    @Override
    public byte[] sign(final byte[] digest) throws GeneralSecurityException {
        final Signature signature = Signature.getInstance("NONEwithECDSA");
        signature.initSign(key);
        signature.update(digest);
        return lowS(signature.sign());
    }

    /** @return the DER signature with S replaced by order - S when S is above half the order */
    private byte[] lowS(final byte[] der) throws SignatureException {
        try {
            final ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            final BigInteger r =
                    ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            final BigInteger s =
                    ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (s.compareTo(halfOrder) <= 0) {
                return der;
            }
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(order.subtract(s))})
                    .getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            throw new SignatureException("cannot re-encode the ECDSA signature: " + e.getMessage(), e);
        }
    }
}
