// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.chaincode.Caller;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The org admin calling {@code worker:Register}: its MSP, its Fabric id and the issuer of its own certificate, i.e.
 * the CA its MSP authenticated it with.
 *
 * @param msp the admin's MSP id; the worker is registered under it
 * @param id the admin's Fabric id
 * @param issuer the issuer DN of the admin's certificate
 */
public record Registrar(String msp, String id, X500Principal issuer) {
    public Registrar {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
    }

    /** @param certificate the certificate the caller signed the transaction with */
    public static Registrar of(final Caller caller, final X509Certificate certificate) {
        return new Registrar(caller.msp(), caller.id(), certificate.getIssuerX500Principal());
    }
}
