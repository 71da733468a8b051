// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import io.povm.api.Attestation;
import io.povm.api.AttestationSignature;
import io.povm.api.ContainerConfig;
import io.povm.api.Job;
import io.povm.api.JobAttestations;
import io.povm.api.JobState;
import io.povm.api.MerkleTree;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.ReplicaResult;
import io.povm.api.ReplicaState;
import io.povm.api.Reveal;
import io.povm.api.Sha256;
import io.povm.api.SlaLimit;
import io.povm.api.SlaSpec;
import io.povm.api.Verdict;
import io.povm.client.TestJobs;
import io.povm.client.TestSlas;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 3-replica k-vote job whose workers, each with its own P-256 attestation key, revealed honestly signed
 * attestations: replicas 0 and 1 agree on "heads", replica 2 answers "tails". The evidence is what the ledger would
 * hold, the stored attestations as the chaincode writes them.
 */
public final class SignedJob {
    public static final String JOB_ID = "flip-1";
    public static final List<String> WORKERS = List.of("Org1MSP/w1", "Org2MSP/w1", "Org3MSP/w1");
    static final List<String> OUTPUTS = List.of("{\"flips\":\"heads\"}\n", "{\"flips\":\"heads\"}\n", "tails");

    public final SlaSpec sla = TestSlas.spec("standard", 1);
    public final List<KeyPair> keys = new ArrayList<>();
    final List<Reveal> reveals = new ArrayList<>();
    final List<Replica> replicas = new ArrayList<>();
    public Job job;

    public SignedJob() {
        for (int i = 0; i < WORKERS.size(); i++) {
            keys.add(p256());
        }
        final Job submitted = TestJobs.job(JOB_ID);
        for (int i = 0; i < WORKERS.size(); i++) {
            final String worker = WORKERS.get(i);
            final ReplicaResult result = result(i);
            final String nonce = HexFormat.of().formatHex(Sha256.hash(("nonce-" + i).getBytes(StandardCharsets.UTF_8)));
            final Attestation attestation =
                    Attestation.of(submitted, i, worker, msp(worker), ContainerConfig.forSla(sla), result, nonce);
            reveals.add(new Reveal(
                    attestation,
                    AttestationSignature.sign(attestation, keys.get(i).getPrivate()),
                    OUTPUTS.get(i),
                    leaves(i)));
            replicas.add(new Replica(i, worker, msp(worker), ReplicaState.RESULT_COMMITTED)
                    .committed(attestation.commitment())
                    .revealed(result));
        }
        job = resolved(submitted, replicas, verdict());
    }

    /** @return the job's stored attestations, as GetAttestations returns them */
    public JobAttestations attestations() {
        return new JobAttestations(JOB_ID, reveals);
    }

    /** @return the evidence a reader would fetch for the job */
    public Evidence evidence() {
        final Map<String, String> pems = new LinkedHashMap<>();
        for (int i = 0; i < WORKERS.size(); i++) {
            pems.put(WORKERS.get(i), pem(keys.get(i)));
        }
        final List<String> texts = new ArrayList<>();
        reveals.forEach(r -> texts.add(PovmJson.write(r)));
        return Evidence.of(job, sla, pems, texts);
    }

    Verdict verdict() {
        final String heads = result(0).resultHash();
        final String tails = result(2).resultHash();
        return new Verdict(
                Verdict.SOFT,
                heads,
                "2026-11-20T10:10:00.000Z",
                List.of(
                        new Verdict.Answer(heads, List.of(WORKERS.get(0), WORKERS.get(1))),
                        new Verdict.Answer(tails, List.of(WORKERS.get(2)))),
                List.of(WORKERS.get(0), WORKERS.get(1)),
                List.of(WORKERS.get(2)),
                List.of(),
                List.of(),
                List.of(),
                "2 of 3 replicas agree (k-vote needs 2)");
    }

    static Job resolved(final Job submitted, final List<Replica> replicas, final Verdict verdict) {
        return submitted
                .withReplicas(replicas)
                .withState(JobState.RESOLVED_SOFT, "2026-11-20T10:10:00.000Z", Optional.empty())
                .withResolution(submitted
                        .resolution()
                        .withRevealBy("2026-11-20T10:09:00.000Z")
                        .withVerdict(verdict, Optional.of("2026-11-20T10:11:00.000Z")));
    }

    static ReplicaResult result(final int replica) {
        final byte[] output = OUTPUTS.get(replica).getBytes(StandardCharsets.UTF_8);
        final List<byte[]> leafValues = new ArrayList<>();
        leaves(replica).forEach(leaf -> leafValues.add(HexFormat.of().parseHex(leaf)));
        return ReplicaResult.builder()
                .resultHash(Sha256.hex(Sha256.hash(output)))
                .exitCode(0)
                .limitHit(SlaLimit.NONE)
                .wallMillis(812 + replica)
                .cpuMillis(640 + replica)
                .peakMemoryBytes(1_048_576)
                .outputBytes(output.length)
                .checkpointRoot(Sha256.hex(MerkleTree.root(leafValues)))
                .checkpoints(leafValues.size())
                .output(Optional.of(OUTPUTS.get(replica)))
                .build();
    }

    static List<String> leaves(final int replica) {
        final List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final String payload = "checkpoint " + i + (replica == 2 && i == 2 ? " tails" : "");
            leaves.add(Sha256.hex(Sha256.hash(payload.getBytes(StandardCharsets.UTF_8))));
        }
        return leaves;
    }

    static String msp(final String workerKey) {
        return workerKey.substring(0, workerKey.indexOf('/'));
    }

    public static KeyPair p256() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(final KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
