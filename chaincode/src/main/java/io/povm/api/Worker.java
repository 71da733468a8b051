// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registered worker as the ledger holds it: its key ({@code MSP/NAME}), its {@link WorkerState}, the Fabric id of
 * its identity (the only identity that may act as this worker), its offer and CloudPoS stake, its last heartbeat,
 * who registered and last changed it, and its certificate.
 *
 * <pre>{@code
 * {"key":"Org1MSP/w1","msp":"Org1MSP","name":"w1","state":"ACTIVE",
 *  "fabricId":"x509::CN=User2@org1.povm.test,OU=client,...::CN=ca.org1.povm.test,...",
 *  "offer":{...},"stake":{"cpu":768000,"memory":196608,"disk":30720,"total":995328},
 *  "freeSlots":2,"lastHeartbeatAt":"2026-11-20T10:05:00.000Z",
 *  "registeredAt":"2026-11-20T10:00:00.123Z","registeredBy":"x509::CN=Admin@org1.povm.test,...","registerTxId":"3f1c...",
 *  "updatedAt":"2026-11-20T10:00:00.123Z","updatedBy":"x509::CN=Admin@org1.povm.test,...","updateTxId":"3f1c...",
 *  "certificatePem":"-----BEGIN CERTIFICATE-----\n..."}
 * }</pre>
 *
 * <p>{@code freeSlots} and {@code lastHeartbeatAt} are absent until the worker's first heartbeat. {@code updated*}
 * names the last Register, UpdateOffer or state change; heartbeats do not touch it. Changes build new objects.
 */
@JsonRootName("worker")
@JsonPropertyOrder({
    "key",
    "msp",
    "name",
    "state",
    "fabricId",
    "offer",
    "stake",
    "freeSlots",
    "lastHeartbeatAt",
    "registeredAt",
    "registeredBy",
    "registerTxId",
    "updatedAt",
    "updatedBy",
    "updateTxId",
    "certificatePem"
})
public final class Worker {
    @JsonProperty("key")
    private final String key;

    @JsonProperty("msp")
    private final String msp;

    @JsonProperty("name")
    private final String name;

    @JsonProperty("state")
    private final WorkerState state;

    @JsonProperty("fabricId")
    private final String fabricId;

    @JsonProperty("offer")
    private final WorkerOffer offer;

    @JsonProperty("stake")
    private final Stake stake;

    @JsonProperty("freeSlots")
    private final Integer freeSlots;

    @JsonProperty("lastHeartbeatAt")
    private final String lastHeartbeatAt;

    @JsonProperty("registeredAt")
    private final String registeredAt;

    @JsonProperty("registeredBy")
    private final String registeredBy;

    @JsonProperty("registerTxId")
    private final String registerTxId;

    @JsonProperty("updatedAt")
    private final String updatedAt;

    @JsonProperty("updatedBy")
    private final String updatedBy;

    @JsonProperty("updateTxId")
    private final String updateTxId;

    @JsonProperty("certificatePem")
    private final String certificatePem;

    /**
     * When, by whom and in which transaction something changed.
     *
     * @param at the transaction timestamp, ISO-8601 UTC with millis
     * @param by the Fabric id of the identity that signed the transaction
     * @param txId the transaction's id
     */
    public record Change(String at, String by, String txId) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(txId, "txId");
        }
    }

    private Worker(
            final WorkerKey key,
            final WorkerState state,
            final String fabricId,
            final WorkerOffer offer,
            final Integer freeSlots,
            final String lastHeartbeatAt,
            final Change registered,
            final Change updated,
            final String certificatePem) {
        this.key = key.toString();
        this.msp = key.msp();
        this.name = key.name();
        this.state = state;
        this.fabricId = fabricId;
        this.offer = offer;
        this.stake = offer.stake();
        this.freeSlots = freeSlots;
        this.lastHeartbeatAt = lastHeartbeatAt;
        this.registeredAt = registered.at();
        this.registeredBy = registered.by();
        this.registerTxId = registered.txId();
        this.updatedAt = updated.at();
        this.updatedBy = updated.by();
        this.updateTxId = updated.txId();
        this.certificatePem = certificatePem;
    }

    /**
     * @return a newly registered, {@link WorkerState#ACTIVE} worker
     * @param offer a validated offer
     */
    public static Worker registered(
            final WorkerKey key,
            final String fabricId,
            final String certificatePem,
            final WorkerOffer offer,
            final Change registration) {
        return new Worker(
                Objects.requireNonNull(key, "key"),
                WorkerState.ACTIVE,
                Objects.requireNonNull(fabricId, "fabricId"),
                Objects.requireNonNull(offer, "offer"),
                null,
                null,
                Objects.requireNonNull(registration, "registration"),
                registration,
                Objects.requireNonNull(certificatePem, "certificatePem"));
    }

    @JsonCreator
    static Worker fromJson(
            @JsonProperty("key") final String key,
            @JsonProperty("msp") final String msp,
            @JsonProperty("name") final String name,
            @JsonProperty("state") final WorkerState state,
            @JsonProperty("fabricId") final String fabricId,
            @JsonProperty("offer") final WorkerOffer offer,
            @JsonProperty("stake") final Stake stake,
            @JsonProperty("freeSlots") final Integer freeSlots,
            @JsonProperty("lastHeartbeatAt") final String lastHeartbeatAt,
            @JsonProperty("registeredAt") final String registeredAt,
            @JsonProperty("registeredBy") final String registeredBy,
            @JsonProperty("registerTxId") final String registerTxId,
            @JsonProperty("updatedAt") final String updatedAt,
            @JsonProperty("updatedBy") final String updatedBy,
            @JsonProperty("updateTxId") final String updateTxId,
            @JsonProperty("certificatePem") final String certificatePem) {
        final WorkerKey workerKey = WorkerKey.of(msp, name);
        if (!workerKey.toString().equals(key)) {
            throw PovmException.invalid("key", "must be msp/name: " + workerKey);
        }
        PovmException.requirePresent(offer, "offer", "the worker's offer");
        if (!offer.stake().equals(stake)) {
            throw PovmException.invalid("stake", "must be the offer's stake " + offer.stake());
        }
        return new Worker(
                workerKey,
                PovmException.requirePresent(state, "state", "the worker's state"),
                PovmException.requirePresent(fabricId, "fabricId", "the worker identity's Fabric id"),
                offer,
                freeSlots,
                lastHeartbeatAt,
                new Change(
                        PovmException.requirePresent(registeredAt, "registeredAt", "ISO-8601 UTC time"),
                        PovmException.requirePresent(registeredBy, "registeredBy", "the registering admin's id"),
                        PovmException.requirePresent(registerTxId, "registerTxId", "a transaction id")),
                new Change(
                        PovmException.requirePresent(updatedAt, "updatedAt", "ISO-8601 UTC time"),
                        PovmException.requirePresent(updatedBy, "updatedBy", "the changing identity's id"),
                        PovmException.requirePresent(updateTxId, "updateTxId", "a transaction id")),
                PovmException.requirePresent(certificatePem, "certificatePem", "the worker's certificate, PEM"));
    }

    /** @return the same worker in another state */
    public Worker withState(final WorkerState newState, final Change change) {
        return new Worker(
                workerKey(),
                Objects.requireNonNull(newState, "newState"),
                fabricId,
                offer,
                freeSlots,
                lastHeartbeatAt,
                registration(),
                Objects.requireNonNull(change, "change"),
                certificatePem);
    }

    /** @return the same worker with another (validated) offer; a reported free slot count is capped at its slots */
    public Worker withOffer(final WorkerOffer newOffer, final Change change) {
        Objects.requireNonNull(newOffer, "newOffer");
        return new Worker(
                workerKey(),
                state,
                fabricId,
                newOffer,
                freeSlots == null ? null : Math.min(freeSlots, newOffer.slots()),
                lastHeartbeatAt,
                registration(),
                Objects.requireNonNull(change, "change"),
                certificatePem);
    }

    /**
     * @param at the heartbeat's transaction time
     * @param reportedFreeSlots the free slots the worker reports; empty keeps the last reported count
     */
    public Worker withHeartbeat(final String at, final OptionalInt reportedFreeSlots) {
        return new Worker(
                workerKey(),
                state,
                fabricId,
                offer,
                reportedFreeSlots.isPresent() ? Integer.valueOf(reportedFreeSlots.getAsInt()) : freeSlots,
                Objects.requireNonNull(at, "at"),
                registration(),
                new Change(updatedAt, updatedBy, updateTxId),
                certificatePem);
    }

    public WorkerKey workerKey() {
        return WorkerKey.of(msp, name);
    }

    /** @return {@code MSP/NAME} */
    public String key() {
        return key;
    }

    public String msp() {
        return msp;
    }

    public String name() {
        return name;
    }

    public WorkerState state() {
        return state;
    }

    /** @return the worker identity's id as Fabric reports it: {@code x509::<subject>::<issuer>} */
    public String fabricId() {
        return fabricId;
    }

    public WorkerOffer offer() {
        return offer;
    }

    public Stake stake() {
        return stake;
    }

    /** @return the free slots the worker last reported, if it has sent a heartbeat with them */
    public OptionalInt freeSlots() {
        return freeSlots == null ? OptionalInt.empty() : OptionalInt.of(freeSlots);
    }

    public Optional<String> lastHeartbeatAt() {
        return Optional.ofNullable(lastHeartbeatAt);
    }

    public Change registration() {
        return new Change(registeredAt, registeredBy, registerTxId);
    }

    public Change lastUpdate() {
        return new Change(updatedAt, updatedBy, updateTxId);
    }

    public String certificatePem() {
        return certificatePem;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Worker)) {
            return false;
        }
        final Worker that = (Worker) other;
        return key.equals(that.key)
                && state == that.state
                && fabricId.equals(that.fabricId)
                && offer.equals(that.offer)
                && Objects.equals(freeSlots, that.freeSlots)
                && Objects.equals(lastHeartbeatAt, that.lastHeartbeatAt)
                && registration().equals(that.registration())
                && lastUpdate().equals(that.lastUpdate())
                && certificatePem.equals(that.certificatePem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, state, fabricId, offer, freeSlots, lastHeartbeatAt, registeredAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Worker{key=" + key + ", state=" + state + ", offer=" + offer + ", stake=" + stake.total() + "}";
    }
}
