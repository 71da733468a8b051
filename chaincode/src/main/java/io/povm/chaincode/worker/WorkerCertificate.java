// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.worker;

import io.povm.api.PovmException;
import io.povm.api.WorkerTransactions;
import io.povm.api.WorkerValidator;
import io.povm.chaincode.Caller;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The certificate of a worker identity being registered, and the rules it must meet.
 *
 * <p>What is checked, and why it is enough: chaincode cannot validate a certificate chain against the channel's
 * MSP definitions, so registration checks what it can see (the certificate is a client identity's, not expired,
 * and issued under the same issuer DN as the registering admin's own certificate), and stores the identity's
 * {@link FabricId}. Every later call as the worker is authorized by {@code caller MSP == registered MSP && caller id
 * == registered id}, and Fabric's MSP has authenticated the caller's certificate against that org's CAs before the
 * chaincode runs. So a certificate that is not really the org's (a forged one with a copied issuer DN) can be
 * stored, but it can never act as a worker: only an identity that the org's CA issued, presented under the org's
 * MSP, matches. The issuer rule is what keeps an admin from registering another org's identities (FORBIDDEN).
 */
public final class WorkerCertificate {
    static final String CLIENT_OU = "client";

    private final X509Certificate certificate;

    private WorkerCertificate(final X509Certificate certificate) {
        this.certificate = certificate;
    }

    /** @throws PovmException INVALID_ARGUMENT [certificatePem] when it is not one readable X.509 certificate */
    public static WorkerCertificate parse(final String pem) {
        return new WorkerCertificate(WorkerValidator.parseCertificate(pem, "certificatePem"));
    }

    /** @return the id Fabric will report when this identity signs a transaction */
    public String fabricId() {
        return FabricId.of(certificate);
    }

    /**
     * @param txTime the registering transaction's timestamp
     * @throws PovmException INVALID_ARGUMENT [certificatePem] for a non-client or expired certificate; FORBIDDEN
     *     [certificatePem] when another CA issued it than the admin's own certificate
     */
    void requireRegistrableBy(final Registrar registrar, final Instant txTime) {
        requireRegistrableBy(registrar, txTime, WorkerTransactions.REGISTER);
    }

    /**
     * @param transaction the registering transaction, named in errors
     * @see #requireRegistrableBy(Registrar, Instant)
     */
    public void requireRegistrableBy(final Registrar registrar, final Instant txTime, final String transaction) {
        Objects.requireNonNull(registrar, "registrar");
        final List<String> units = Caller.organizationalUnits(certificate.getSubjectX500Principal());
        if (!units.contains(CLIENT_OU)) {
            throw PovmException.invalid(
                    "certificatePem",
                    "must be a client identity's certificate (OU=" + CLIENT_OU + "), as worker and operator identities"
                            + " are;"
                            + " it has " + describe(units));
        }
        final X500Principal issuer = certificate.getIssuerX500Principal();
        if (!issuer.equals(registrar.issuer())) {
            throw PovmException.forbidden(
                    "certificatePem",
                    transaction + ": an org admin registers only identities of its own org; the"
                            + " certificate is issued by '" + issuer.getName(X500Principal.RFC2253) + "', not by"
                            + " the caller's (" + registrar.msp() + ") CA '"
                            + registrar.issuer().getName(X500Principal.RFC2253) + "'");
        }
        final Instant notAfter = certificate.getNotAfter().toInstant();
        if (txTime.isAfter(notAfter)) {
            throw PovmException.invalid(
                    "certificatePem", "expired at " + notAfter + "; register the identity's current certificate");
        }
    }

    private static String describe(final List<String> units) {
        return units.isEmpty() ? "no OU" : units.stream().map(ou -> "OU=" + ou).collect(Collectors.joining(", "));
    }
}
