// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.povm.worker.sandbox.LocalImage;
import io.povm.worker.sandbox.SandboxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gate's rules, over an in-memory engine. */
class ImageGateTest {
    private static final String ID = "sha256:" + "a".repeat(64);
    private static final String OTHER_ID = "sha256:" + "b".repeat(64);
    private static final String COINFLIP = "povm/coinflip@" + ID;

    /** An engine with a fixed set of images that records whether it was asked. */
    private static final class Engine implements ImageLookup {
        private final List<LocalImage> images;
        private final List<String> asked = new ArrayList<>();

        Engine(final LocalImage... images) {
            this.images = List.of(images);
        }

        @Override
        public Optional<LocalImage> byId(final String imageId) {
            asked.add(imageId);
            return images.stream().filter(i -> i.id().equals(imageId)).findFirst();
        }

        @Override
        public List<LocalImage> byRepository(final String repository) {
            asked.add(repository);
            return images.stream()
                    .filter(i -> i.repositories().contains(repository))
                    .toList();
        }
    }

    private static LocalImage image(final String id, final String... tags) {
        return new LocalImage(id, List.of(tags));
    }

    private static GateDecision check(final ImageLookup engine, final ImageRules rules, final String reference) {
        return new ImageGate(engine, rules).check(reference);
    }

    @Nested
    class Engine_check {
        @Test
        void accepts_the_pinned_id_when_it_is_tagged_in_the_named_repository() {
            final GateDecision decision =
                    check(new Engine(image(ID, "povm/coinflip:latest")), ImageRules.allowAll(), COINFLIP);

            assertThat(decision.accepted()).isTrue();
            assertThat(decision.imageId()).contains(ID);
        }

        @Test
        void refuses_a_repository_present_under_another_id_as_a_digest_mismatch() {
            final GateDecision decision =
                    check(new Engine(image(OTHER_ID, "povm/coinflip:latest")), ImageRules.allowAll(), COINFLIP);

            assertThat(decision.refusal()).contains(RefusalReason.DIGEST_MISMATCH);
            assertThat(decision.message()).contains(OTHER_ID, ID);
        }

        @Test
        void refuses_the_id_of_an_image_with_another_name_as_a_digest_mismatch() {
            final GateDecision decision =
                    check(new Engine(image(ID, "evil/miner:latest")), ImageRules.allowAll(), COINFLIP);

            assertThat(decision.refusal()).contains(RefusalReason.DIGEST_MISMATCH);
            assertThat(decision.message()).contains("evil/miner:latest");
        }

        @Test
        void refuses_an_image_the_engine_does_not_have_as_missing() {
            final GateDecision decision = check(new Engine(), ImageRules.allowAll(), COINFLIP);

            assertThat(decision.refusal()).contains(RefusalReason.IMAGE_MISSING);
            assertThat(decision.message()).contains("build-demo-images.sh");
        }

        @Test
        void turns_an_engine_failure_into_a_job_exception() {
            final ImageLookup broken = new ImageLookup() {
                @Override
                public Optional<LocalImage> byId(final String imageId) {
                    throw new SandboxException("engine down");
                }

                @Override
                public List<LocalImage> byRepository(final String repository) {
                    throw new SandboxException("engine down");
                }
            };

            assertThatThrownBy(() -> check(broken, ImageRules.allowAll(), COINFLIP))
                    .isInstanceOfSatisfying(
                            JobException.class, e -> assertThat(e.code()).isEqualTo(JobErrorCode.ENGINE_FAILURE));
        }
    }

    @Nested
    class Rules {
        private final Engine engine = new Engine(image(ID, "povm/coinflip:latest"));

        @Test
        void deny_wins_over_allow_and_the_engine_is_not_asked() {
            final GateDecision decision =
                    check(engine, ImageRules.of(List.of("povm/*"), List.of("povm/coinflip")), COINFLIP);

            assertThat(decision.refusal()).contains(RefusalReason.IMAGE_DENIED);
            assertThat(engine.asked).isEmpty();
        }

        @Test
        void a_non_empty_allow_list_refuses_what_it_does_not_match() {
            final GateDecision decision = check(engine, ImageRules.of(List.of("acme/*"), List.of()), COINFLIP);

            assertThat(decision.refusal()).contains(RefusalReason.IMAGE_NOT_ALLOWED);
            assertThat(decision.message()).contains("acme/*");
        }

        @Test
        void an_empty_allow_list_allows_what_is_not_denied() {
            assertThat(check(engine, ImageRules.of(List.of(), List.of("evil/**")), COINFLIP)
                            .accepted())
                    .isTrue();
        }

        @Test
        void a_reference_without_a_pinned_id_is_invalid() {
            assertThat(check(engine, ImageRules.allowAll(), "povm/coinflip:latest")
                            .refusal())
                    .contains(RefusalReason.INVALID_REFERENCE);
            assertThat(engine.asked).isEmpty();
        }
    }

    @Nested
    class Patterns {
        @Test
        void a_star_stays_within_one_path_segment() {
            assertThat(ImagePattern.of("povm/*").matches("povm/coinflip")).isTrue();
            assertThat(ImagePattern.of("povm/*").matches("povm/tools/x")).isFalse();
            assertThat(ImagePattern.of("povm/*").matches("povmx/coinflip")).isFalse();
        }

        @Test
        void a_double_star_crosses_segments_and_a_question_mark_is_one_character() {
            assertThat(ImagePattern.of("povm/**").matches("povm/tools/x")).isTrue();
            assertThat(ImagePattern.of("**").matches("localhost:5000/a/b")).isTrue();
            assertThat(ImagePattern.of("povm/coin?lip").matches("povm/coinflip"))
                    .isTrue();
            assertThat(ImagePattern.of("povm/coin?lip").matches("povm/coin/lip"))
                    .isFalse();
        }

        @Test
        void regex_characters_match_themselves() {
            assertThat(ImagePattern.of("a.b").matches("a.b")).isTrue();
            assertThat(ImagePattern.of("a.b").matches("axb")).isFalse();
        }

        @Test
        void a_blank_pattern_is_rejected_with_an_example() {
            assertThatThrownBy(() -> ImagePattern.of(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("povm/*");
        }
    }

    @Nested
    class References {
        @Test
        void parses_repository_and_digest() {
            final ImageReference reference = ImageReference.parse(COINFLIP).orElseThrow();

            assertThat(reference.repository()).isEqualTo("povm/coinflip");
            assertThat(reference.imageId()).isEqualTo(ID);
            assertThat(reference).hasToString(COINFLIP);
        }

        @Test
        void accepts_a_registry_host_with_port() {
            assertThat(ImageReference.parse("localhost:5000/povm/x@" + ID)).isPresent();
            assertThat(ImageReference.parse("registry.example.org/povm/x@" + ID))
                    .isPresent();
            assertThat(ImageReference.parse("Registry:5000/povm/x@" + ID)).isPresent();
        }

        @Test
        void rejects_tags_short_or_uppercase_digests_and_uppercase_names() {
            assertThat(ImageReference.parse("povm/coinflip:latest@" + ID)).isEmpty();
            assertThat(ImageReference.parse("povm/coinflip@sha256:abc")).isEmpty();
            assertThat(ImageReference.parse("povm/coinflip@sha256:" + "A".repeat(64)))
                    .isEmpty();
            assertThat(ImageReference.parse("Povm/coinflip@" + ID)).isEmpty();
        }

        @Test
        void local_image_repositories_drop_the_tag_but_keep_a_registry_port() {
            assertThat(image(ID, "povm/coinflip:latest", "localhost:5000/x:1", "localhost:5000/y")
                            .repositories())
                    .containsExactly("localhost:5000/x", "localhost:5000/y", "povm/coinflip");
        }
    }
}
