// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.api.OrgRecord;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRecord;
import io.povm.client.TestWorkers;
import io.povm.client.worker.WorkerClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkersApiTest {
    private static final WorkerKey W2 = WorkerKey.of("Org2MSP", "w1");

    private final WorkerClient workers = mock(WorkerClient.class);

    @Test
    void lists_every_worker_with_its_track_record_and_each_orgs_reputation() {
        when(workers.list(Optional.empty(), Optional.empty(), WorkerClient.MAX_PAGE_SIZE, ""))
                .thenReturn(new WorkerPage(List.of(TestWorkers.worker(TestWorkers.W1)), "p2"));
        when(workers.list(Optional.empty(), Optional.empty(), WorkerClient.MAX_PAGE_SIZE, "p2"))
                .thenReturn(new WorkerPage(List.of(TestWorkers.worker(W2)), ""));
        when(workers.record(TestWorkers.W1))
                .thenReturn(new WorkerRecord("Org1MSP/w1", new WorkerRecord.Counts(5, 4, 1, 0, 0, 0, 0, 2)));
        when(workers.record(W2)).thenReturn(WorkerRecord.empty("Org2MSP/w1"));
        when(workers.orgRecord("Org1MSP")).thenReturn(new OrgRecord("Org1MSP", 1, 5, 4, 1, 0, 0, 0, 0));
        when(workers.orgRecord("Org2MSP")).thenReturn(OrgRecord.empty("Org2MSP"));

        final ApiResponse response = new WorkersApi(workers).handle(ApiRequest.get(""));

        assertThat(response.status()).isEqualTo(200);
        final JsonNode body = response.body();
        assertThat(body.get("workers")).hasSize(2);
        final JsonNode first = body.get("workers").get(0);
        assertThat(first.get("worker").get("key").asText()).isEqualTo("Org1MSP/w1");
        assertThat(first.get("worker").get("state").asText()).isEqualTo("ACTIVE");
        assertThat(first.get("record").get("agreements").asLong()).isEqualTo(4);
        assertThat(first.get("record").get("streak").asLong()).isEqualTo(2);
        assertThat(body.get("orgs")).extracting(org -> org.get("msp").asText()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(body.get("orgs").get(0).get("disagreements").asLong()).isEqualTo(1);
    }

    @Test
    void answers_only_get() {
        assertThat(new WorkersApi(workers).handle(ApiRequest.post("", "{}")).status())
                .isEqualTo(405);
    }
}
