// SPDX-License-Identifier: Apache-2.0
package io.povm.client.it;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.MerkleTree;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.Resources;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.SlaSpec;
import io.povm.api.Worker;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmGateway;
import io.povm.client.job.JobClient;
import io.povm.client.worker.WorkerClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workers that the integration tests play themselves, without Docker: real worker identities of the network
 * (registered, or re-offered, serving one test SLA, with an attestation key the test holds) that acknowledge,
 * commit and reveal signed attestations of whatever answer the test chooses.
 */
final class SyntheticWorkers implements AutoCloseable {
    private final KeyPair keys;
    private final Map<String, JobClient> byWorkerKey = new LinkedHashMap<>();
    private final List<PovmGateway> gateways = new ArrayList<>();
    private final SlaSpec sla;
    private final SecureRandom random = new SecureRandom();
    private final JobClient customer;

    /**
     * @param profiles the worker identities, e.g. {@code org1-user3} (not the daemons' User2, whose reputation the
     *     worker tests rely on); each org's admin registers it or updates its offer to serve {@code sla} only
     */
    SyntheticWorkers(final SlaSpec sla, final List<String> profiles, final JobClient customer)
            throws GeneralSecurityException {
        this.sla = sla;
        this.customer = customer;
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.keys = generator.generateKeyPair();
        for (final String profile : profiles) {
            final String org = profile.substring(0, profile.indexOf('-'));
            final WorkerClient admin = new WorkerClient(connect(org + "-admin").chaincode());
            final PovmGateway self = connect(profile);
            final Optional<Worker> earlier = new WorkerClient(self.chaincode()).findSelf();
            final List<String> slas = List.of(sla.ref().toString());
            final WorkerOffer offer =
                    new WorkerOffer(slas, 4, new Resources(4000, 8192, 40960), new Resources(0, 0, 0), publicKeyPem());
            Worker worker = earlier.isEmpty()
                    ? admin.register(new WorkerRegistration(
                            ItNetwork.uniqueId("sw"), WorkerRegistryIT.certificatePem(profile), offer))
                    : admin.updateOffer(earlier.get().workerKey(), offer);
            if (worker.state() == WorkerState.PAUSED) {
                worker = admin.resume(worker.workerKey());
            }
            byWorkerKey.put(worker.key(), new JobClient(self.chaincode()));
        }
    }

    private PovmGateway connect(final String profile) {
        final PovmGateway gateway = ItNetwork.connect(profile);
        gateways.add(gateway);
        return gateway;
    }

    private String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Waits until every worker's peer (and the customer's) holds this version of the job: each identity talks to its
     * own org's peer, which may commit a block a moment after another org's did.
     *
     * @return {@code job}
     */
    Job synced(final Job job, final JobClient customer) {
        final List<JobClient> clients = new ArrayList<>(byWorkerKey.values());
        clients.add(customer);
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        for (final JobClient client : clients) {
            while (!client.get(job.id()).equals(job)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("job " + job.id() + " did not reach every peer within 20 s");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        return job;
    }

    /** @return the client of the worker holding replica {@code index} */
    JobClient of(final Job job, final int index) {
        return byWorkerKey.get(job.replicas().get(index).workerKey());
    }

    /** Acknowledges every ASSIGNED replica. */
    Job acknowledgeAll(final Job job) {
        synced(job, customer);
        Job current = job;
        for (final Replica r : job.replicas()) {
            if (r.state() == io.povm.api.ReplicaState.ASSIGNED) {
                current = synced(of(current, r.index()).acknowledge(job.id(), r.index()), customer);
            }
        }
        return current;
    }

    /** @return the leaf values of checkpoints {@code label + i}, i below {@code count} */
    static List<String> leaves(final String label, final int count) {
        final List<String> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Sha256.hex(Sha256.hash((label + i).getBytes(StandardCharsets.UTF_8))));
        }
        return leaves;
    }

    /** @return a signed, honest-looking reveal of {@code output} with checkpoint {@code leaves} for a replica */
    Reveal answer(final Job job, final int index, final String output, final List<String> leaves) {
        final Replica replica = job.replicas().get(index);
        final byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        final ReplicaResult result = ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(bytes)))
                .exitCode(0)
                .wallMillis(1200)
                .cpuMillis(900)
                .peakMemoryBytes(4L << 20)
                .outputBytes(bytes.length)
                .checkpointRoot(Sha256.hex(MerkleTree.root(
                        leaves.stream().map(HexFormat.of()::parseHex).toList())))
                .checkpoints(leaves.size())
                .output(Optional.of(output))
                .build();
        final byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        final Attestation attestation = Attestation.of(
                job,
                index,
                replica.workerKey(),
                replica.msp(),
                ContainerConfig.forSla(sla),
                result,
                HexFormat.of().formatHex(nonce));
        return new Reveal(attestation, AttestationSignature.sign(attestation, keys.getPrivate()), output, leaves);
    }

    Job commit(final Job job, final int index, final Reveal reveal) {
        return synced(
                of(job, index).commit(job.id(), index, reveal.attestation().commitment()), customer);
    }

    Job reveal(final Job job, final int index, final Reveal reveal) {
        return synced(of(job, index).reveal(job.id(), index, reveal), customer);
    }

    @Override
    public void close() {
        gateways.forEach(PovmGateway::close);
    }
}
