// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import io.povm.client.PovmGateway;
import io.povm.client.profile.ConnectionProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One gateway connection per client identity, each a profile that {@code network/network.sh} wrote into
 * {@code <run dir>/profiles/<name>.json} ({@code org1}, {@code org2-user2}, ...). Closing closes them all.
 */
public final class Clients implements AutoCloseable {
    private final List<PovmGateway> gateways;

    private Clients(final List<PovmGateway> gateways) {
        this.gateways = gateways;
    }

    public static Clients open(final Path runDir, final List<String> profiles) {
        final List<PovmGateway> opened = new ArrayList<>();
        try {
            for (String name : profiles) {
                final Path file = runDir.resolve("profiles").resolve(name + ".json");
                opened.add(PovmGateway.connect(ConnectionProfile.load(file, System.getenv())));
            }
            return new Clients(opened);
        } catch (RuntimeException e) {
            opened.forEach(PovmGateway::close);
            throw e;
        }
    }

    /** @return each client's contract for {@code chaincode} on its profile's channel */
    public List<org.hyperledger.fabric.client.Contract> contracts(final String chaincode) {
        return gateways.stream()
                .map(gateway -> gateway.network().getContract(chaincode))
                .toList();
    }

    @Override
    public void close() {
        gateways.forEach(PovmGateway::close);
    }
}
