// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.api.Job;
import io.povm.api.JobBatch;
import io.povm.api.JobPage;
import io.povm.api.JobSpec;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.client.TestJobs;
import io.povm.client.attestation.SignedJob;
import io.povm.client.job.JobClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class JobsApiTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00.400Z");
    private static final String IMAGE = TestJobs.IMAGE;

    private final JobClient jobs = mock(JobClient.class);
    private final JobsApi api = new JobsApi(
            jobs,
            new CoinFlipSettings(Optional.of(IMAGE), "standard@1", () -> "flip-test"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Job submittedAt(final String id, final String at) {
        return Job.submitted(TestJobs.spec(id), new Submitter("Org1MSP", "x509::CN=User1"), at, "tx-" + id);
    }

    @Nested
    class Listing {
        @Test
        void lists_every_page_newest_first_with_the_total() {
            when(jobs.list(JobClient.MAX_PAGE_SIZE, ""))
                    .thenReturn(new JobPage(List.of(submittedAt("a", "2026-11-21T07:00:00Z")), "next"));
            when(jobs.list(JobClient.MAX_PAGE_SIZE, "next"))
                    .thenReturn(new JobPage(List.of(submittedAt("b", "2026-11-21T07:30:00Z")), ""));

            final ApiResponse response = api.handle(ApiRequest.get(""));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("total").asInt()).isEqualTo(2);
            assertThat(response.body().get("jobs"))
                    .extracting(job -> job.get("spec").get("id").asText())
                    .containsExactly("b", "a");
        }

        @Test
        void keeps_the_newest_hundred() {
            final List<Job> many = new java.util.ArrayList<>();
            for (int i = 0; i < 120; i++) {
                many.add(submittedAt(String.format("job-%03d", i), String.format("2026-11-21T07:%02d:00Z", i % 60)));
            }
            when(jobs.list(JobClient.MAX_PAGE_SIZE, "")).thenReturn(new JobPage(many, ""));

            final JsonNode body = api.handle(ApiRequest.get("")).body();

            assertThat(body.get("total").asInt()).isEqualTo(120);
            assertThat(body.get("jobs")).hasSize(JobsApi.NEWEST);
        }
    }

    @Nested
    class Detail {
        @Test
        void shows_the_job_with_its_stored_attestations_as_the_ledger_returned_them() {
            final SignedJob signed = new SignedJob();
            when(jobs.find(SignedJob.JOB_ID)).thenReturn(Optional.of(signed.job));
            when(jobs.attestationsJson(SignedJob.JOB_ID)).thenReturn(PovmJson.write(signed.attestations()));

            final JsonNode body = api.handle(ApiRequest.get(SignedJob.JOB_ID)).body();

            assertThat(body.get("job").get("state").asText()).isEqualTo("RESOLVED_SOFT");
            assertThat(body.get("job").get("verdict").get("agreed")).hasSize(2);
            assertThat(body.get("attestations").get("reveals")).hasSize(3);
            assertThat(body.get("attestations")
                            .get("reveals")
                            .get(0)
                            .get("attestation")
                            .get("cpuMillis")
                            .asLong())
                    .isEqualTo(640);
        }

        @Test
        void an_unknown_job_is_404() {
            when(jobs.find("nope")).thenReturn(Optional.empty());

            final ApiResponse response = api.handle(ApiRequest.get("nope"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body().get("error").asText()).isEqualTo("no such job nope");
        }
    }

    @Nested
    class Submitting {
        @Test
        void submits_one_coin_flip_job_per_seed_with_k_vote_replicas_and_an_hour_to_run_in_one_batch() {
            when(jobs.submitAll(any(), any()))
                    .thenAnswer(call -> new JobBatch(
                            3,
                            0,
                            null,
                            null,
                            call.<List<JobSpec>>getArgument(0).stream()
                                    .map(TestJobs::job)
                                    .toList()));

            final ApiResponse response =
                    api.handle(ApiRequest.post("", "{\"k\":3,\"seedFrom\":4,\"seedTo\":6,\"replicas\":3}"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body().get("submitted"))
                    .extracting(JsonNode::asText)
                    .containsExactly("flip-test-s4", "flip-test-s5", "flip-test-s6");
            @SuppressWarnings("unchecked")
            final ArgumentCaptor<List<JobSpec>> specs = ArgumentCaptor.forClass(List.class);
            verify(jobs).submitAll(specs.capture(), org.mockito.ArgumentMatchers.eq(""));
            final JobSpec first = specs.getValue().get(0);
            assertThat(first.image()).isEqualTo(IMAGE);
            assertThat(first.command()).containsExactly("povm-coinflip");
            assertThat(first.env()).isEqualTo(Map.of("SEED", "4", "K", "3", "CHECKPOINT_EVERY", "16"));
            assertThat(first.sla()).isEqualTo("standard@1");
            assertThat(first.redundancy().replicas()).hasValue(3);
            assertThat(first.deadline()).isEqualTo("2026-11-21T09:00:00Z");
        }

        @Test
        void refuses_a_k_out_of_range_before_submitting_anything() {
            assertThatThrownBy(() ->
                            api.handle(ApiRequest.post("", "{\"k\":30,\"seedFrom\":1,\"seedTo\":1,\"replicas\":3}")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("k is 30; must be from 1 to 24");
            verify(jobs, never()).submitAll(any(), any());
        }

        @Test
        void refuses_an_even_replica_count_with_the_chaincodes_own_rule() {
            assertThatThrownBy(() ->
                            api.handle(ApiRequest.post("", "{\"k\":3,\"seedFrom\":1,\"seedTo\":2,\"replicas\":2}")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("replicas");
            verify(jobs, never()).submitAll(any(), any());
        }

        @Test
        void refuses_more_than_fifty_seeds_and_fields_that_are_not_whole_numbers() {
            assertThatThrownBy(() ->
                            api.handle(ApiRequest.post("", "{\"k\":3,\"seedFrom\":0,\"seedTo\":50,\"replicas\":3}")))
                    .hasMessage("seeds 0..50 are 51 jobs; at most 50 per sweep");
            assertThatThrownBy(() ->
                            api.handle(ApiRequest.post("", "{\"k\":\"3\",\"seedFrom\":0,\"seedTo\":1,\"replicas\":3}")))
                    .hasMessage("k must be a whole number");
            assertThatThrownBy(() -> api.handle(ApiRequest.post("", "{k:")))
                    .hasMessageStartingWith("the request body is not JSON");
        }

        @Test
        void says_how_to_name_the_image_when_it_does_not_know_it() {
            final JobsApi withoutImage = new JobsApi(
                    jobs, CoinFlipSettings.of(Optional.empty(), "standard@1"), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThatThrownBy(() -> withoutImage.handle(
                            ApiRequest.post("", "{\"k\":3,\"seedFrom\":1,\"seedTo\":1,\"replicas\":3}")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("--coinflip-image");
        }
    }
}
