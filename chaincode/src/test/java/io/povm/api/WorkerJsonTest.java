// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The stored worker and its parts are deterministic JSON that reads back to equal values. */
class WorkerJsonTest {
    private static final Worker.Change REGISTERED =
            new Worker.Change("2027-01-02T03:04:05.678Z", "x509::admin", "tx-1");

    private static Worker worker() {
        return Worker.registered(
                WorkerKey.of("Org1MSP", "w1"), "x509::w1", Workers.ORG1_USER2_CERT, Workers.offer(), REGISTERED);
    }

    @Test
    void writes_fields_in_the_documented_order_without_absent_ones() {
        final String json = PovmJson.write(worker());

        assertThat(json)
                .startsWith("{\"key\":\"Org1MSP/w1\",\"msp\":\"Org1MSP\",\"name\":\"w1\",\"state\":\"ACTIVE\","
                        + "\"fabricId\":\"x509::w1\",\"offer\":{\"slas\":[\"standard@1\"],\"slots\":2,"
                        + "\"total\":{\"cpuMillis\":4000,\"memoryMiB\":8192,\"diskMiB\":40960},"
                        + "\"reserved\":{\"cpuMillis\":1000,\"memoryMiB\":2048,\"diskMiB\":10240},"
                        + "\"attestationKeyPem\":\"-----BEGIN PUBLIC KEY-----\\n")
                .contains("\"stake\":{\"cpu\":768000,\"memory\":196608,\"disk\":30720,\"total\":995328},"
                        + "\"registeredAt\":\"2027-01-02T03:04:05.678Z\",\"registeredBy\":\"x509::admin\","
                        + "\"registerTxId\":\"tx-1\",\"updatedAt\":\"2027-01-02T03:04:05.678Z\","
                        + "\"updatedBy\":\"x509::admin\",\"updateTxId\":\"tx-1\",\"certificatePem\":")
                .doesNotContain("freeSlots", "lastHeartbeatAt");
    }

    @Test
    void reads_back_equal_after_every_kind_of_change() {
        final Worker changed = worker().withState(
                        WorkerState.PAUSED, new Worker.Change("2027-01-03T00:00:00.000Z", "x509::w1", "tx-2"))
                .withHeartbeat("2027-01-03T00:00:01.000Z", OptionalInt.of(1))
                .withOffer(Workers.offer(List.of("gold@2", "standard@1"), 4), REGISTERED);

        assertThat(PovmJson.read(PovmJson.write(changed), Worker.class)).isEqualTo(changed);
        assertThat(changed.freeSlots()).hasValue(1);
        assertThat(changed.lastHeartbeatAt()).contains("2027-01-03T00:00:01.000Z");
    }

    @Test
    void keeps_slas_sorted_whatever_order_they_were_given_in() {
        assertThat(Workers.offer(List.of("standard@1", "gold@2", "basic@1"), 1).slas())
                .containsExactly("basic@1", "gold@2", "standard@1");
    }

    @Test
    void caps_reported_free_slots_when_the_offer_shrinks() {
        final Worker fewer = worker().withHeartbeat("2027-01-03T00:00:01.000Z", OptionalInt.of(2))
                .withOffer(Workers.offer(List.of("standard@1"), 1), REGISTERED);

        assertThat(fewer.freeSlots()).hasValue(1);
    }

    @Test
    void a_heartbeat_without_free_slots_keeps_the_last_count_and_the_last_update() {
        final Worker first = worker().withHeartbeat("2027-01-03T00:00:01.000Z", OptionalInt.of(2));

        final Worker second = first.withHeartbeat("2027-01-03T00:00:02.000Z", OptionalInt.empty());

        assertThat(second.freeSlots()).hasValue(2);
        assertThat(second.lastUpdate()).isEqualTo(REGISTERED);
    }

    @Test
    void refuses_a_stored_worker_whose_key_or_stake_does_not_match() {
        final String json = PovmJson.write(worker());

        assertThatThrownBy(() -> PovmJson.read(json.replace("\"Org1MSP/w1\"", "\"Org2MSP/w1\""), Worker.class))
                .isInstanceOfSatisfying(
                        PovmException.class, e -> assertThat(e.error().field()).isEqualTo("key"));
        assertThatThrownBy(() -> PovmJson.read(json.replace("\"cpu\":768000", "\"cpu\":1"), Worker.class))
                .isInstanceOf(PovmException.class);
    }

    @Test
    void a_page_counts_its_workers() {
        final WorkerPage page = new WorkerPage(List.of(worker()), "");

        assertThat(PovmJson.read(PovmJson.write(page), WorkerPage.class)).isEqualTo(page);
        assertThat(page.count()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
    }
}
