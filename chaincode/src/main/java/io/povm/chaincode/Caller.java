// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.PovmException;
import io.povm.api.Submitter;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;

/**
 * The identity that signed the transaction: its MSP, its Fabric id and the organizational units of its X.509
 * subject. With NodeOUs enabled the role (client, admin, peer, orderer) is one of those OUs; Fabric offers no
 * other role accessor.
 */
public final class Caller {
    static final String CLIENT = "client";
    static final String ADMIN = "admin";

    private final String msp;
    private final String id;
    private final List<String> organizationalUnits;

    Caller(final String msp, final String id, final List<String> organizationalUnits) {
        this.msp = msp;
        this.id = id;
        this.organizationalUnits = List.copyOf(organizationalUnits);
    }

    /** @throws PovmException FORBIDDEN [caller] when the identity has no readable X.509 certificate */
    public static Caller of(final ClientIdentity identity) {
        final X509Certificate certificate = identity.getX509Certificate();
        if (certificate == null) {
            throw PovmException.forbidden("caller", "an X.509 identity is required");
        }
        return new Caller(
                identity.getMSPID(), identity.getId(), organizationalUnits(certificate.getSubjectX500Principal()));
    }

    /** @return the OU values of the subject, in the order they are written (most significant last) */
    public static List<String> organizationalUnits(final X500Principal subject) {
        final List<String> units = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                final Attribute ou = rdn.toAttributes().get("OU");
                if (ou != null) {
                    final NamingEnumeration<?> values = ou.getAll();
                    while (values.hasMore()) {
                        units.add(String.valueOf(values.next()));
                    }
                }
            }
        } catch (InvalidNameException e) {
            throw PovmException.forbidden("caller", "the certificate subject cannot be read");
        } catch (NamingException e) {
            throw PovmException.forbidden("caller", "the certificate subject's OUs cannot be read");
        }
        Collections.reverse(units);
        return units;
    }

    /**
     * @throws PovmException FORBIDDEN [caller] naming the rule, e.g. {@code SubmitJob requires a client identity
     *     (OU=client); caller has OU=admin}
     */
    public void requireClient(final String transaction) {
        requireRole(transaction, CLIENT, "a client identity");
    }

    /**
     * @throws PovmException FORBIDDEN [caller] naming the rule, e.g. {@code ProposeSla requires an org admin identity
     *     (OU=admin); caller has OU=client}
     */
    public void requireAdmin(final String transaction) {
        requireRole(transaction, ADMIN, "an org admin identity");
    }

    /** @return whether the caller is an org admin (its certificate subject carries {@code OU=admin}) */
    public boolean isAdmin() {
        return organizationalUnits.contains(ADMIN);
    }

    private void requireRole(final String transaction, final String role, final String what) {
        if (!organizationalUnits.contains(role)) {
            throw PovmException.forbidden(
                    "caller", transaction + " requires " + what + " (OU=" + role + "); caller has " + describeUnits());
        }
    }

    /** @return the caller's MSP id, e.g. Org1MSP */
    public String msp() {
        return msp;
    }

    /** @return the caller's Fabric identity id ({@code x509::<subject>::<issuer>}) */
    public String id() {
        return id;
    }

    public Submitter submitter() {
        return new Submitter(msp, id);
    }

    private String describeUnits() {
        if (organizationalUnits.isEmpty()) {
            return "no OU";
        }
        return organizationalUnits.stream().map(ou -> "OU=" + ou).collect(Collectors.joining(", "));
    }
}
