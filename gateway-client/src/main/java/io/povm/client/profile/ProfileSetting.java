// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

/** One setting of a {@link ConnectionProfile}: its JSON field and the environment variable that overrides it. */
enum ProfileSetting {
    MSP_ID("mspId", "POVM_MSP_ID", false),
    PEER_ENDPOINT("peerEndpoint", "POVM_PEER_ENDPOINT", false),
    PEER_HOST_ALIAS("peerHostAlias", "POVM_PEER_HOST_ALIAS", false),
    TLS_ROOT_CERT("tlsRootCertPath", "POVM_TLS_ROOT_CERT", true),
    CERTIFICATE("certificatePath", "POVM_CERT", true),
    PRIVATE_KEY("privateKeyPath", "POVM_KEY", true),
    CHANNEL("channel", "POVM_CHANNEL", false),
    CHAINCODE("chaincode", "POVM_CHAINCODE", false);

    private final String field;
    private final String variable;
    private final boolean file;

    ProfileSetting(final String field, final String variable, final boolean file) {
        this.field = field;
        this.variable = variable;
        this.file = file;
    }

    /** @return the field name in the profile's JSON */
    String field() {
        return field;
    }

    /** @return the environment variable that overrides the field */
    String variable() {
        return variable;
    }

    /** @return whether the value is the path of a file that must exist */
    boolean isFile() {
        return file;
    }
}
