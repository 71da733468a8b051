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
        });

        assertThat(readAndValidate(json).redundancy().replicas()).isEqualTo(15);
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
                        "INVALID_ARGUMENT [colour] unknown field; accepted: id, image, command, env, sla, redundancy");
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
                () -> readAndValidate(Specs.edited(s -> Specs.redundancy(s).put("mode", "iterative"))));

        assertThat(error.error().reason()).contains("accepted modes: k-vote");
    }

    @Test
    void reports_a_missing_field_by_name_when_built_in_java() {
        final PovmException error = catchThrowableOfType(
                PovmException.class,
                () -> new JobSpec("flip-1", Specs.IMAGE, null, Map.of(), "standard@1", Redundancy.kVote(3)));

        assertThat(error.error().field()).isEqualTo("command");
        assertThat(error.error().reason()).startsWith("required; ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 7, 9, 11, 13, 15})
    void accepts_every_odd_replica_count_up_to_15(final int replicas) {
        final JobSpec spec =
                new JobSpec("flip-1", Specs.IMAGE, List.of("coinflip"), null, "standard@1", Redundancy.kVote(replicas));

        assertThat(JobSpecValidator.validate(spec)).isSameAs(spec);
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
    void leaves_command_and_env_values_out_of_its_string_form() {
        final JobSpec spec = readAndValidate(Specs.edited(s -> Specs.env(s).put("TOKEN", "s3cret")));

        assertThat(spec.toString())
                .doesNotContain("s3cret")
                .doesNotContain("coinflip\"")
                .contains("flip-1");
    }
}
