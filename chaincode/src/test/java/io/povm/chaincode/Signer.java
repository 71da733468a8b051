// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

/**
 * An identity that signs transactions in contract tests: its MSP, its certificate subject (whose OU carries the
 * NodeOU role) and the Fabric id the shim reports for it.
 *
 * @param role who it is in the access-control matrix ({@code docs/access-control-jobs.md})
 */
record Signer(String role, String msp, String subject, String id) {
    /** User1 of Org1, a client: the submitter of the tests' jobs. */
    static final Signer SUBMITTER =
            of("submitter", "Org1MSP", "CN=User1@org1.example.com, OU=client, L=San Francisco, ST=California, C=US");
    /** User2 of Org1: another client of the submitter's org. */
    static final Signer SAME_ORG_CLIENT =
            of("same-org client", "Org1MSP", "CN=User2@org1.example.com, OU=client, L=San Francisco, C=US");
    /** User1 of Org2: a client of another org. */
    static final Signer OTHER_ORG_CLIENT =
            of("other-org client", "Org2MSP", "CN=User1@org2.example.com, OU=client, L=San Francisco, C=US");
    /** The admin of the submitter's org. */
    static final Signer ORG_ADMIN =
            of("org admin", "Org1MSP", "CN=Admin@org1.example.com, OU=admin, L=San Francisco, C=US");
    /**
     * A worker of Org2: a client certificate that an org admin registered as a worker (the worker registry lives in
     * its own contract); for job transactions it is a client that did not submit the job.
     */
    static final Signer WORKER =
            of("worker", "Org2MSP", "CN=worker1@org2.example.com, OU=client, L=San Francisco, C=US");

    private static Signer of(final String role, final String msp, final String subject) {
        final String cn = subject.substring(3, subject.indexOf(','));
        final String org = cn.substring(cn.indexOf('@') + 1);
        return new Signer(role, msp, subject, "x509::CN=" + cn + ",OU=" + ou(subject) + "::CN=ca." + org);
    }

    private static String ou(final String subject) {
        final int start = subject.indexOf("OU=") + 3;
        return subject.substring(start, subject.indexOf(',', start));
    }

    @Override
    public String toString() {
        return role;
    }
}
