// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

/**
 * Certificate subjects of the identities the access rules tell apart, as cryptogen with NodeOUs writes them: the
 * role is the OU.
 */
public final class Identities {
    private Identities() {}

    /** @return the admin of org N: OU=admin */
    public static String admin(final int org) {
        return "CN=Admin@org" + org + ".povm.test, OU=admin, L=San Francisco, ST=California, C=US";
    }

    /** @return a client (customer) of org N: OU=client */
    public static String client(final int org) {
        return "CN=User1@org" + org + ".povm.test, OU=client, L=San Francisco, ST=California, C=US";
    }

    /** @return a worker of org N: a client identity (OU=client) that its org admin registers as a worker */
    public static String worker(final int org) {
        return "CN=Worker1@org" + org + ".povm.test, OU=client, L=San Francisco, ST=California, C=US";
    }

    /** @return the operator of org N: a client identity (its worker daemon's) that its admin registered as operator */
    public static String operator(final int org) {
        return "CN=User2@org" + org + ".povm.test, OU=client, L=San Francisco, ST=California, C=US";
    }

    /** @return a peer of org N: OU=peer */
    public static String peer(final int org) {
        return "CN=peer0.org" + org + ".povm.test, OU=peer, L=San Francisco, ST=California, C=US";
    }

    /** @return the Fabric id of a subject, as {@code ClientIdentity.getId()} reports it */
    public static String idOf(final String subject) {
        return "x509::" + subject + "::CN=ca";
    }
}
