// SPDX-License-Identifier: Apache-2.0
package io.povm.client.attestation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.povm.api.Job;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.Settlement;
import io.povm.api.SlaSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything {@link AttestationVerifier} needs to check a job offline, as read from the ledger: the job, the terms of
 * its SLA, the registered attestation key of every worker that held one of its replicas, and the stored attestations
 * ({@code GetAttestations}) and, once the job settled, its settlement ({@code GetSettlement}), each attestation kept as the exact JSON text the ledger returned so that anyone can re-check (or
 * tamper with) the bytes themselves. Its file form is one JSON document:
 *
 * <pre>{@code
 * {"version":1,"job":{...},"sla":{...},
 *  "attestationKeys":{"Org1MSP/w1":"-----BEGIN PUBLIC KEY-----\n...","Org2MSP/w1":"..."},
 *  "attestations":["{\"attestation\":{\"version\":1,\"jobId\":\"flip-1\",...},\"signature\":\"MEUC...\",...}",...]}
 * }</pre>
 *
 * @param attestationKeys PEM public keys by worker registry key ({@code MSP/NAME})
 * @param attestations the stored reveal texts in the order the ledger returned them (replica order)
 * @param settlement the job's settlement ({@code GetSettlement}), once it settled; its payouts are recomputed
 */
@JsonRootName("evidence")
@JsonPropertyOrder({"version", "job", "sla", "attestationKeys", "attestations", "settlement"})
public record Evidence(
        @JsonProperty("version") Integer version,
        @JsonProperty("job") Job job,
        @JsonProperty("sla") SlaSpec sla,
        @JsonProperty("attestationKeys") Map<String, String> attestationKeys,
        @JsonProperty("attestations") List<String> attestations,
        @JsonProperty("settlement") Settlement settlement) {
    /** The only file version so far. */
    public static final int VERSION = 1;

    public Evidence {
        if (!Integer.valueOf(VERSION).equals(PovmException.requirePresent(version, "evidence.version", "1"))) {
            throw PovmException.invalid("evidence.version", "is " + version + "; must be " + VERSION);
        }
        PovmException.requirePresent(job, "evidence.job", "the job as the ledger holds it");
        PovmException.requirePresent(sla, "evidence.sla", "the terms of the job's SLA");
        attestationKeys = attestationKeys == null ? Map.of() : new TreeMap<>(attestationKeys);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
    }

    /** Evidence without a settlement: the job has not settled, or its settlement is not checked. */
    public Evidence(
            final Integer version,
            final Job job,
            final SlaSpec sla,
            final Map<String, String> attestationKeys,
            final List<String> attestations) {
        this(version, job, sla, attestationKeys, attestations, null);
    }

    /** @return evidence of the current file version */
    public static Evidence of(
            final Job job, final SlaSpec sla, final Map<String, String> keys, final List<String> attestations) {
        return new Evidence(VERSION, job, sla, keys, attestations);
    }

    /** @return the job's settlement, when the evidence holds one */
    public Optional<Settlement> settled() {
        return Optional.ofNullable(settlement);
    }

    /** @return this evidence with the job's settlement, e.g. a tampered one */
    public Evidence withSettlement(final Settlement stored) {
        return new Evidence(version, job, sla, attestationKeys, attestations, stored);
    }

    /**
     * Reads an evidence file strictly.
     *
     * @throws PovmException INVALID_ARGUMENT naming the field that does not read
     */
    public static Evidence fromJson(final String json) {
        return PovmJson.read(json, Evidence.class);
    }

    /** @return the file form: one line of compact JSON */
    public String toJson() {
        return PovmJson.write(this);
    }

    /** @return the registered attestation key (PEM) of a worker, when the evidence holds it */
    public Optional<String> attestationKey(final String workerKey) {
        return Optional.ofNullable(attestationKeys.get(workerKey));
    }

    /** @return this evidence with the stored attestation texts replaced, e.g. to check tampered ones */
    public Evidence withAttestations(final List<String> texts) {
        return new Evidence(version, job, sla, attestationKeys, texts, settlement);
    }
}
