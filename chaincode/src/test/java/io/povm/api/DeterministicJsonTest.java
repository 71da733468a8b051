// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterministicJsonTest {

    private static JobSpec specWithEnv(final Map<String, String> env) {
        return Specs.builder().env(env).build();
    }

    @Test
    void writes_the_same_bytes_whatever_the_env_insertion_order() {
        final Map<String, String> forward = new LinkedHashMap<>();
        forward.put("ALPHA", "1");
        forward.put("BETA", "2");
        forward.put("GAMMA", "3");
        final Map<String, String> backward = new LinkedHashMap<>();
        backward.put("GAMMA", "3");
        backward.put("BETA", "2");
        backward.put("ALPHA", "1");

        final byte[] one = PovmJson.writeBytes(specWithEnv(forward));
        final byte[] other = PovmJson.writeBytes(specWithEnv(backward));

        assertThat(one).isEqualTo(other);
        assertThat(new String(one, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"env\":{\"ALPHA\":\"1\",\"BETA\":\"2\",\"GAMMA\":\"3\"}");
    }

    @Test
    void writes_fields_in_declared_order_without_whitespace() {
        assertThat(PovmJson.write(specWithEnv(Map.of("SEED", "7")))).isEqualTo(Specs.VALID_JSON);
    }

    @Test
    void reads_back_what_it_writes() {
        final JobSpec spec = PovmJson.read(Specs.VALID_JSON, JobSpec.class);

        assertThat(PovmJson.read(PovmJson.write(spec), JobSpec.class)).isEqualTo(spec);
    }

    @Test
    void normalises_a_spec_given_in_another_field_order() {
        final String shuffled = "{\"deadline\":\"" + Specs.DEADLINE + "\",\"redundancy\":{\"replicas\":3,\"mode\":"
                + "\"k-vote\"},\"sla\":\"standard@1\","
                + "\"env\":{\"SEED\":\"7\"},\"command\":[\"coinflip\",\"--k\",\"5\"],\"image\":\"" + Specs.IMAGE
                + "\",\"id\":\"flip-1\"}";

        assertThat(PovmJson.write(PovmJson.read(shuffled, JobSpec.class))).isEqualTo(Specs.VALID_JSON);
    }

    @Test
    void writes_a_job_with_its_spec_nested_in_order() {
        final Job job = Job.submitted(
                PovmJson.read(Specs.VALID_JSON, JobSpec.class),
                new Submitter("Org1MSP", "x509::CN=User1"),
                "2026-11-20T10:00:00.123Z",
                "tx-1");

        assertThat(PovmJson.write(job))
                .isEqualTo("{\"spec\":" + Specs.VALID_JSON + ",\"state\":\"SUBMITTED\","
                        + "\"submitter\":{\"msp\":\"Org1MSP\",\"id\":\"x509::CN=User1\"},"
                        + "\"submittedAt\":\"2026-11-20T10:00:00.123Z\",\"submitTxId\":\"tx-1\","
                        + "\"stateChangedAt\":\"2026-11-20T10:00:00.123Z\",\"replicas\":[]}");
        assertThat(PovmJson.read(PovmJson.write(job), Job.class)).isEqualTo(job);
    }

    @Test
    void writes_a_changed_job_with_its_reason_and_replicas_in_order() {
        final Job job = Job.submitted(
                        PovmJson.read(Specs.VALID_JSON, JobSpec.class),
                        new Submitter("Org1MSP", "x509::CN=User1"),
                        "2026-11-20T10:00:00.123Z",
                        "tx-1")
                .withState(JobState.CANCELLED, "2026-11-20T10:05:00.000Z", java.util.Optional.of("not needed"))
                .withReplicas(List.of(new Replica(0, "Org2MSP/w1", "Org2MSP", ReplicaState.ASSIGNED)));

        assertThat(PovmJson.write(job))
                .endsWith("\"submitTxId\":\"tx-1\",\"stateChangedAt\":\"2026-11-20T10:05:00.000Z\","
                        + "\"stateReason\":\"not needed\",\"replicas\":[{\"index\":0,\"workerKey\":\"Org2MSP/w1\","
                        + "\"msp\":\"Org2MSP\",\"state\":\"ASSIGNED\"}]}");
        assertThat(PovmJson.read(PovmJson.write(job), Job.class)).isEqualTo(job);
    }

    @Test
    void writes_a_history_newest_first_with_its_count() {
        final Job job = Job.submitted(
                PovmJson.read(Specs.VALID_JSON, JobSpec.class),
                new Submitter("Org1MSP", "x509::CN=User1"),
                "2026-11-20T10:00:00.123Z",
                "tx-1");
        final JobHistory history =
                new JobHistory("flip-1", List.of(new JobVersion("tx-1", "2026-11-20T10:00:00.123Z", false, job)));

        assertThat(PovmJson.write(history))
                .isEqualTo("{\"id\":\"flip-1\",\"versions\":[{\"txId\":\"tx-1\",\"timestamp\":"
                        + "\"2026-11-20T10:00:00.123Z\",\"deleted\":false,\"job\":" + PovmJson.write(job) + "}],"
                        + "\"count\":1}");
        assertThat(PovmJson.read(PovmJson.write(history), JobHistory.class)).isEqualTo(history);
    }

    @Test
    void writes_a_page_with_an_empty_bookmark_and_its_count() {
        assertThat(PovmJson.write(new JobPage(List.of(), ""))).isEqualTo("{\"jobs\":[],\"bookmark\":\"\",\"count\":0}");
    }
}
