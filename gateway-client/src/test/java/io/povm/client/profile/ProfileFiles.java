// SPDX-License-Identifier: Apache-2.0
package io.povm.client.profile;

import io.povm.client.TestIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a profile and the identity files it names into a directory, as network/network.sh does. */
public final class ProfileFiles {
    private ProfileFiles() {}

    /** @return the profile file {@code <dir>/profiles/<name>.json}, naming files under {@code <dir>/crypto/<name>} */
    public static Path write(final Path runDir, final String name, final String endpoint) throws IOException {
        final Path crypto = Files.createDirectories(runDir.resolve("crypto").resolve(name));
        final TestIdentity tls = TestIdentity.create("tlsca." + name);
        final TestIdentity user = TestIdentity.create("User1@" + name);
        final Path tlsRoot = tls.writeCertificate(crypto.resolve("tlsca.pem"));
        final Path cert = user.writeCertificate(crypto.resolve("cert.pem"));
        final Path key = user.writePrivateKey(crypto.resolve("priv_sk"));
        final Path profiles = Files.createDirectories(runDir.resolve("profiles"));
        return Files.writeString(
                profiles.resolve(name + ".json"),
                "{\"mspId\":\"Org1MSP\",\"peerEndpoint\":\"" + endpoint
                        + "\",\"peerHostAlias\":\"peer0.org1.povm.test\","
                        + "\"tlsRootCertPath\":\"" + tlsRoot + "\",\"certificatePath\":\"" + cert + "\","
                        + "\"privateKeyPath\":\"" + key + "\",\"channel\":\"povm\",\"chaincode\":\"povm\"}");
    }
}
