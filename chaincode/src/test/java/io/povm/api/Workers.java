// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Worker registry test data: the cryptogen certificates and attestation keys under {@code src/test/resources/worker}
 * (see its README), and a valid offer and registration built from them.
 */
public final class Workers {
    public static final String ORG1_USER1_CERT = resource("org1-user1-cert.pem");
    public static final String ORG1_USER2_CERT = resource("org1-user2-cert.pem");
    public static final String ORG1_ADMIN_CERT = resource("org1-admin-cert.pem");
    public static final String ORG2_USER1_CERT = resource("org2-user1-cert.pem");
    public static final String ORG2_USER2_CERT = resource("org2-user2-cert.pem");
    public static final String ORG2_ADMIN_CERT = resource("org2-admin-cert.pem");
    public static final String P256_KEY = resource("attestation-p256.pem");
    public static final String P384_KEY = resource("attestation-p384.pem");
    public static final String RSA_KEY = resource("attestation-rsa.pem");

    public static final Resources TOTAL = new Resources(4000, 8192, 40960);
    public static final Resources RESERVED = new Resources(1000, 2048, 10240);

    private Workers() {}

    /** @return the documented example offer: standard@1, 2 slots, 4 cores / 8 GiB / 40 GiB, a quarter reserved */
    public static WorkerOffer offer() {
        return new WorkerOffer(List.of("standard@1"), 2, TOTAL, RESERVED, P256_KEY);
    }

    public static WorkerOffer offer(final List<String> slas, final int slots) {
        return new WorkerOffer(slas, slots, TOTAL, RESERVED, P256_KEY);
    }

    /** @return a registration of {@code certificatePem} under {@code name} with {@link #offer()} */
    public static WorkerRegistration registration(final String name, final String certificatePem) {
        return new WorkerRegistration(name, certificatePem, offer());
    }

    public static String resource(final String name) {
        try (InputStream in = Workers.class.getResourceAsStream("/worker/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /worker/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
