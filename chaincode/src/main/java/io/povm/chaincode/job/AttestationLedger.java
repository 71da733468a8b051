// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.Reveal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Signed attestations, one key per revealed replica, written once:
 *
 * <pre>
 * ("attestation", jobId, replica) -> the Reveal JSON (attestation, signature, inline output, checkpoint leaves)
 * </pre>
 *
 * Read by replica index from the job's replica list, so no range query is needed.
 */
public final class AttestationLedger {
    static final String ATTESTATION = "attestation";

    private final ChaincodeStub stub;

    public AttestationLedger(final ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    static String key(final String jobId, final int replica) {
        return new CompositeKey(ATTESTATION, jobId, Integer.toString(replica)).toString();
    }

    public void write(final String jobId, final int replica, final Reveal reveal) {
        stub.putState(key(jobId, replica), PovmJson.writeBytes(reveal));
    }

    public Optional<Reveal> find(final String jobId, final int replica) {
        final byte[] value = stub.getState(key(jobId, replica));
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(PovmJson.read(new String(value, StandardCharsets.UTF_8), Reveal.class));
    }

    /** @return the stored reveals of the job's replicas, by replica index */
    public Map<Integer, Reveal> ofJob(final Job job) {
        final Map<Integer, Reveal> reveals = new TreeMap<>();
        for (final Replica replica : job.replicas()) {
            find(job.id(), replica.index()).ifPresent(reveal -> reveals.put(replica.index(), reveal));
        }
        return reveals;
    }
}
