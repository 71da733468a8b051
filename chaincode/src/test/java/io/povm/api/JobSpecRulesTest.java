// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecRulesTest {

    private static JobSpec readAndValidate(final String json) {
        return JobSpecValidator.validate(PovmJson.read(json, JobSpec.class));
    }

    @Test
    void accepts_the_documented_example() {
        final JobSpec spec = readAndValidate(Specs.VALID_JSON);

        assertThat(spec.id()).isEqualTo("flip-1");
        assertThat(spec.image()).isEqualTo(Specs.IMAGE);
        assertThat(spec.command()).containsExactly("coinflip", "--k", "5");
        assertThat(spec.env()).containsExactly(Map.entry("SEED", "7"));
        assertThat(spec.sla()).isEqualTo("standard@1");
        assertThat(spec.redundancy()).isEqualTo(Redundancy.kVote(3));
        assertThat(spec.inputs()).isEmpty();
        assertThat(spec.resources()).isEmpty();
        assertThat(spec.deadline()).isEqualTo(Specs.DEADLINE);
    }

    @Test
    void accepts_a_spec_without_env_as_one_with_no_variables() {
        final JobSpec spec = readAndValidate(Specs.edited(s -> s.remove("env")));

        assertThat(spec.env()).isEmpty();
        assertThat(PovmJson.write(spec)).contains("\"env\":{}");
    }

    @Test
    void accepts_the_limits_themselves() {
        final String json = Specs.edited(s -> {
            s.put("id", "A" + "b".repeat(63));
            s.put("image", "registry.local:5000/team/app.v2_x-y@sha256:" + Specs.DIGEST);
            s.putArray("command").add("k".repeat(4096));
            Specs.env(s).put("_" + "X".repeat(127), "v".repeat(4096));
            s.put("sla", "a".repeat(32) + "@999999");
            Specs.redundancy(s).put("replicas", 15);
            Specs.inputs(s).addObject().put("name", "n".repeat(64)).put("data", InvalidSpecs.base64Of(16_384));
            s.putObject("resources").put("cpuMillis", 1_000_000).put("memoryMiB", 4 * 1024 * 1024);
            s.put("deadline", "2026-11-20T11:00:00.999Z");
        });

        assertThat(readAndValidate(json).redundancy().replicas()).hasValue(15);
    }

    @ParameterizedTest(name = "{0} is rejected at [{2}]")
    @MethodSource("io.povm.api.InvalidSpecs#rules")
    void rejects_each_broken_rule_naming_the_field(final String what, final String json, final String field) {
        final PovmException error = catchThrowableOfType(PovmException.class, () -> readAndValidate(json));

        assertThat(error).as(what).isNotNull();
        assertThat(error.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.error().field()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith("INVALID_ARGUMENT [" + field + "] ");
    }

    @Test
    void names_the_accepted_fields_when_one_is_unknown() {
        final PovmException error = catchThrowableOfType(
                PovmException.class, () -> readAndValidate(Specs.edited(s -> s.put("colour", "red"))));

        assertThat(error.getMessage())
                .isEqualTo(
                        "INVALID_ARGUMENT [colour] unknown field; accepted: id, image, command, env, inputs, resources,"
                                + " sla, redundancy, deadline");
    }

    @Test
    void reports_a_syntax_error_at_the_spec_with_its_position() {
        final PovmException error =
                catchThrowableOfType(PovmException.class, () -> readAndValidate(Specs.VALID_JSON.substring(0, 40)));

        assertThat(error.getMessage()).startsWith("INVALID_ARGUMENT [spec] not valid JSON (line 1, column 41): ");
    }

    @Test
    void reports_a_duplicate_key_as_a_syntax_error() {
        final PovmException error = catchThrowableOfType(
                PovmException.class, () -> readAndValidate("{\"id\":\"a\"," + Specs.VALID_JSON.substring(1)));

        assertThat(error.getMessage())
                .startsWith("INVALID_ARGUMENT [spec] not valid JSON")
                .contains("'id'");
    }

    @Test
    void says_what_type_a_field_must_have() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> readAndValidate(Specs.edited(s -> Specs.redundancy(s).put("replicas", "3"))));

        assertThat(error.getMessage())
                .isEqualTo("INVALID_ARGUMENT [redundancy.replicas] must be a whole number, without quotes or fraction");
    }

    @Test
    void says_what_an_image_must_look_like() {
        final PovmException error = catchThrowableOfType(
                PovmException.class, () -> readAndValidate(Specs.edited(s -> s.put("image", "povm/coinflip"))));

        assertThat(error.getMessage())
                .isEqualTo(
                        "INVALID_ARGUMENT [image] must be pinned by a sha256 digest: name@sha256:<64 lowercase hex>");
    }

    @Test
    void says_which_modes_are_accepted() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> readAndValidate(Specs.edited(s -> Specs.redundancy(s).put("mode", "majority"))));

        assertThat(error.error().reason()).contains("accepted modes: k-vote, iterative");
    }

    @Test
    void reports_a_missing_field_by_name_when_built_in_java() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> Specs.builder().command((List<String>) null).build());

        assertThat(error.error().field()).isEqualTo("command");
        assertThat(error.error().reason()).startsWith("required; ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 7, 9, 11, 13, 15})
    void accepts_every_odd_replica_count_up_to_15(final int replicas) {
        final JobSpec spec = Specs.builder()
                .command("coinflip")
                .env(null)
                .redundancy(Redundancy.kVote(replicas))
                .build();

        assertThat(JobSpecValidator.validate(spec)).isSameAs(spec);
    }

    @Test
    void accepts_iterative_redundancy_within_its_ranges() {
        final JobSpec spec = readAndValidate(Specs.edited(s -> Specs.iterative(s)));

        assertThat(spec.redundancy()).isEqualTo(Redundancy.iterative(2, 2, 7));
        assertThat(spec.redundancy().initialReplicas()).isEqualTo(2);
        assertThat(spec.redundancy().maxReplicas()).isEqualTo(7);
        assertThat(spec.redundancy().describe()).isEqualTo("iterative:d=2,min=2,cap=7");
        assertThat(PovmJson.write(spec.redundancy()))
                .isEqualTo("{\"mode\":\"iterative\",\"margin\":2,\"minReplicas\":2,\"cap\":7}");
    }

    @ParameterizedTest(name = "d={0} min={1} cap={2}")
    @org.junit.jupiter.params.provider.CsvSource({"1,1,1", "5,5,15", "3,4,4", "1,1,15"})
    void accepts_iterative_edges(final int margin, final int min, final int cap) {
        assertThat(JobSpecValidator.validate(Specs.builder()
                                .redundancy(Redundancy.iterative(margin, min, cap))
                                .build())
                        .redundancy()
                        .cap())
                .hasValue(cap);
    }

    @Test
    void says_why_min_replicas_must_reach_the_margin() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> JobSpecValidator.validate(Specs.builder()
                        .redundancy(Redundancy.iterative(3, 2, 7))
                        .build()));

        assertThat(error.getMessage())
                .isEqualTo("INVALID_ARGUMENT [redundancy.minReplicas] is 2; must be from the margin (3) to 15: fewer"
                        + " replicas than d can never lead by d");
    }

    @Test
    void accepts_inline_and_referenced_inputs_in_the_given_order() {
        final String hash = "cd".repeat(32);
        final JobSpec spec = readAndValidate(Specs.edited(s -> {
            Specs.inputs(s).addObject().put("name", "seed.txt").put("data", "Nwo=");
            Specs.inputs(s)
                    .addObject()
                    .put("name", "corpus.tar")
                    .put("sha256", hash)
                    .put("url", "https://data.example/corpus.tar")
                    .put("sizeBytes", 1_048_576);
        }));

        assertThat(spec.inputs())
                .containsExactly(
                        JobInput.inline("seed.txt", "Nwo="),
                        JobInput.reference("corpus.tar", hash, "https://data.example/corpus.tar", 1_048_576));
        assertThat(PovmJson.write(spec))
                .contains("\"inputs\":[{\"name\":\"seed.txt\",\"data\":\"Nwo=\"},{\"name\":\"corpus.tar\",\"sha256\":\""
                        + hash + "\",\"url\":\"https://data.example/corpus.tar\",\"sizeBytes\":1048576}]");
    }

    @Test
    void writes_declared_resources_and_leaves_out_an_empty_declaration() {
        final JobSpec declared = readAndValidate(
                Specs.edited(s -> s.putObject("resources").put("cpuMillis", 500).put("memoryMiB", 256)));
        final JobSpec empty = readAndValidate(Specs.edited(s -> s.putObject("resources")));

        assertThat(PovmJson.write(declared)).contains("\"resources\":{\"cpuMillis\":500,\"memoryMiB\":256},");
        assertThat(declared.resources().orElseThrow().cpuMillis()).hasValue(500);
        assertThat(empty.resources()).isEmpty();
        assertThat(PovmJson.write(empty)).isEqualTo(Specs.VALID_JSON);
    }

    @ParameterizedTest(name = "a deadline {0} after the submission is accepted")
    @ValueSource(strings = {"PT60S", "PT1H", "P7D"})
    void accepts_a_deadline_from_60_seconds_to_7_days_after_the_submission(final String offset) {
        final java.time.Instant submitted = java.time.Instant.parse("2026-11-20T10:00:00Z");
        final String deadline = submitted.plus(java.time.Duration.parse(offset)).toString();

        assertThat(JobSpecValidator.checkDeadline(
                        Specs.builder().deadline(deadline).build(), submitted))
                .isEqualTo(java.time.Instant.parse(deadline));
    }

    @ParameterizedTest(name = "a deadline {0} after the submission is rejected")
    @ValueSource(strings = {"PT59.999S", "PT0S", "PT-1H", "P7DT0.001S", "P30D"})
    void rejects_a_deadline_outside_the_window_naming_it(final String offset) {
        final java.time.Instant submitted = java.time.Instant.parse("2026-11-20T10:00:00Z");
        final String deadline = submitted.plus(java.time.Duration.parse(offset)).toString();

        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> JobSpecValidator.checkDeadline(
                        Specs.builder().deadline(deadline).build(), submitted));

        assertThat(error.error().field()).isEqualTo("deadline");
        assertThat(error.error().reason())
                .contains("the submission at 2026-11-20T10:00:00Z")
                .contains("must be 60 s to 7 days after it (2026-11-20T10:01:00Z to 2026-11-27T10:00:00Z)");
    }

    @Test
    void says_how_far_a_past_deadline_lies_before_the_submission() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> JobSpecValidator.checkDeadline(
                        Specs.builder().deadline("2026-11-20T09:00:00Z").build(),
                        java.time.Instant.parse("2026-11-20T10:00:00Z")));

        assertThat(error.getMessage())
                .startsWith("INVALID_ARGUMENT [deadline] is 2026-11-20T09:00:00Z, 3600 s before the submission at");
    }

    @Test
    void checks_the_size_of_the_text_in_utf8_bytes() {
        final String justFits = "é".repeat(JobSpecValidator.MAX_SPEC_BYTES / 2);
        final String tooLarge = justFits + "x";

        assertThat(JobSpecValidator.checkSize(justFits)).isSameAs(justFits);
        final PovmException error =
                catchThrowableOfType(PovmException.class, () -> JobSpecValidator.checkSize(tooLarge));
        assertThat(error.getMessage())
                .isEqualTo("INVALID_ARGUMENT [spec] is 65537 bytes; at most 65536 bytes (64 KiB) accepted");
    }

    @Test
    void keeps_its_collections_unmodifiable() {
        final JobSpec spec = readAndValidate(Specs.VALID_JSON);

        assertThat(spec.command()).isUnmodifiable();
        assertThat(spec.env()).isUnmodifiable();
    }

    @Test
    void leaves_command_and_env_values_and_input_data_out_of_its_string_form() {
        final JobSpec spec = readAndValidate(Specs.edited(s -> {
            Specs.env(s).put("TOKEN", "s3cret");
            Specs.inputs(s).addObject().put("name", "key").put("data", "c2VjcmV0S2V5");
        }));

        assertThat(spec.toString())
                .doesNotContain("s3cret")
                .doesNotContain("c2VjcmV0S2V5")
                .doesNotContain("coinflip\"")
                .contains("flip-1");
    }
}
