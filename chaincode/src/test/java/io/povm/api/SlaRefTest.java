// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaRefTest {

    @Test
    void parses_name_and_version() {
        final SlaRef ref = SlaRef.parse("gpu-large@12", "ref");

        assertThat(ref.name()).isEqualTo("gpu-large");
        assertThat(ref.version()).isEqualTo(12);
        assertThat(ref).hasToString("gpu-large@12").isEqualTo(SlaRef.of("gpu-large", 12));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(
            strings = {
                "",
                "standard",
                "standard@",
                "@1",
                "standard@0",
                "standard@01",
                "standard@1000000",
                "Std@1",
                "-std@1",
                "std@1@2",
                "std@ 1",
                "std@1 "
            })
    void rejects_anything_but_name_at_version_naming_the_given_field(final String text) {
        final PovmException e = catchThrowableOfType(PovmException.class, () -> SlaRef.parse(text, "ref"));

        assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.error().field()).isEqualTo("ref");
        assertThat(e.error().reason()).contains("name@version, e.g. standard@1");
    }

    @Test
    void accepts_what_a_job_spec_accepts_as_its_sla() {
        final String longest = "a".repeat(32) + "@999999";

        assertThat(SlaRef.parse(longest, "sla").version()).isEqualTo(999_999);
        assertThat(JobSpecValidator.validate(PovmJson.read(Specs.edited(s -> s.put("sla", longest)), JobSpec.class))
                        .sla())
                .isEqualTo(longest);
    }

    @Test
    void orders_versions_as_numbers() {
        final List<SlaRef> refs = new ArrayList<>(List.of(
                SlaRef.parse("standard@10", "r"), SlaRef.parse("basic@3", "r"), SlaRef.parse("standard@2", "r")));

        Collections.sort(refs);

        assertThat(refs).extracting(SlaRef::toString).containsExactly("basic@3", "standard@2", "standard@10");
    }
}
