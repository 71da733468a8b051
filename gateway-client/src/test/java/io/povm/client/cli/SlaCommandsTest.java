// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Sla;
import io.povm.api.SlaPage;
import io.povm.api.SlaRef;
import io.povm.api.SlaSpec;
import io.povm.api.SlaState;
import io.povm.api.SlaStatus;
import io.povm.api.SlaVote;
import io.povm.api.SlaVotes;
import io.povm.api.Submitter;
import io.povm.client.PovmClientException;
import io.povm.client.TestSlas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code povm sla} commands against a mocked {@link io.povm.client.sla.SlaClient}. */
class SlaCommandsTest {
    private static final String[] TERM_FLAGS = {
        "--cpu-millis", "2000", "--memory-mib", "2048", "--disk-mib", "10240", "--max-wall-seconds", "3600",
        "--min-benchmark-ops", "50000", "--price", "10", "--max-input-bytes", "1048576", "--max-output-bytes", "1048576"
    };

    private final CliHarness cli = new CliHarness();

    private static SlaVotes votes() {
        final Members members =
                new Members(List.of("Org1MSP", "Org2MSP", "Org3MSP"), new Submitter("Org1MSP", "x"), "t", "tx");
        return new SlaVotes(
                SlaRef.parse("standard@1", "r"),
                SlaState.ACTIVE,
                members,
                List.of(new SlaVote("Org1MSP", "a1", "t1", "tx1"), new SlaVote("Org2MSP", "a2", "t2", "tx2")),
                List.of());
    }

    private static String[] args(final String... first) {
        final String[] all = new String[first.length + TERM_FLAGS.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(TERM_FLAGS, 0, all, first.length, TERM_FLAGS.length);
        return all;
    }

    @Nested
    class List_ {
        @Test
        void prints_one_row_per_sla() {
            when(cli.slas.list(50, ""))
                    .thenReturn(
                            new SlaPage(List.of(TestSlas.active("basic", 1), TestSlas.proposed("standard", 2)), ""));

            assertThat(cli.run("sla", "list")).isZero();

            assertThat(cli.out().lines())
                    .hasSize(3)
                    .first()
                    .asString()
                    .startsWith("SLA         STATE     CPU    MEMORY  DISK     MAX WALL  PRICE/VM-S  PROPOSER");
            assertThat(cli.out()).contains("basic@1     ACTIVE    2000m  2048Mi  10240Mi  3600s     10");
        }

        @Test
        void filters_by_a_state_given_in_any_case() {
            when(cli.slas.list(SlaState.ACTIVE, 50, "")).thenReturn(new SlaPage(List.of(), ""));

            assertThat(cli.run("sla", "list", "--state", "active")).isZero();

            assertThat(cli.out()).isEqualTo(String.format("no SLAs%n"));
        }

        @Test
        void an_unknown_state_is_a_usage_error_listing_the_states() {
            assertThat(cli.run("sla", "list", "--state", "retired")).isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("PROPOSED, ACTIVE, DEPRECATED");
            assertThat(cli.profilesOpened).isEmpty();
        }

        @Test
        void all_follows_the_bookmarks_and_prints_one_json_document() {
            when(cli.slas.list(SlaState.PROPOSED, 1, ""))
                    .thenReturn(new SlaPage(List.of(TestSlas.proposed("a", 1)), "k1"));
            when(cli.slas.list(SlaState.PROPOSED, 1, "k1"))
                    .thenReturn(new SlaPage(List.of(TestSlas.proposed("b", 1)), ""));

            assertThat(cli.run("sla", "list", "--state", "PROPOSED", "--page-size", "1", "--all", "-o", "json"))
                    .isZero();

            final SlaPage all = PovmJson.read(cli.out().strip(), SlaPage.class);
            assertThat(all.slas()).extracting(s -> s.ref().toString()).containsExactly("a@1", "b@1");
        }

        @Test
        void a_partial_page_prints_how_to_get_the_next_one() {
            when(cli.slas.list(SlaState.ACTIVE, 1, ""))
                    .thenReturn(new SlaPage(List.of(TestSlas.active("a", 1)), "\u0000sla-state\u0000x"));

            assertThat(cli.run("sla", "list", "--state", "active", "--page-size", "1"))
                    .isZero();

            assertThat(cli.out()).contains("more SLAs: povm sla list --state active --page-size 1 --bookmark 'b64:");
        }
    }

    @Nested
    class Show {
        @Test
        void prints_the_terms_and_the_votes() {
            when(cli.slas.get("standard@1")).thenReturn(TestSlas.active("standard", 1));
            when(cli.slas.votes("standard@1")).thenReturn(votes());

            assertThat(cli.run("sla", "show", "standard@1")).isZero();

            assertThat(cli.out())
                    .contains("sla           standard@1")
                    .contains("state         ACTIVE")
                    .contains("cpu           2000 millicores")
                    .contains("network       none")
                    .contains("price         10 credits per VM-second")
                    .contains("activated at  2026-11-20T10:01:00.000Z")
                    .contains("members       Org1MSP, Org2MSP, Org3MSP (majority: 2)")
                    .contains("approvals     2 of 2 needed: Org1MSP at t1, Org2MSP at t2")
                    .contains("deprecation   0 of 2 needed: none");
        }

        @Test
        void json_output_is_the_stored_sla() {
            when(cli.slas.get("standard@1")).thenReturn(TestSlas.active("standard", 1));

            assertThat(cli.run("sla", "show", "standard@1", "-o", "json")).isZero();

            assertThat(PovmJson.read(cli.out().strip(), Sla.class)).isEqualTo(TestSlas.active("standard", 1));
        }

        @Test
        void votes_with_json_output_is_the_votes_document() {
            when(cli.slas.votes("standard@1")).thenReturn(votes());

            assertThat(cli.run("sla", "show", "standard@1", "--votes", "-o", "json"))
                    .isZero();

            assertThat(PovmJson.read(cli.out().strip(), SlaVotes.class)).isEqualTo(votes());
        }

        @Test
        void a_missing_sla_hints_at_the_sla_list() {
            when(cli.slas.get("standard@9"))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.NOT_FOUND, "ref", "SLA standard@9 does not exist"), null));

            assertThat(cli.run("sla", "show", "standard@9")).isEqualTo(ExitCodes.NOT_FOUND);

            assertThat(cli.err())
                    .isEqualTo(String.format("error: NOT_FOUND [ref] SLA standard@9 does not exist%n"
                            + "hint: list the SLAs with: povm sla list%n"));
        }
    }

    @Nested
    class Propose {
        @TempDir
        Path dir;

        @Test
        void proposes_the_terms_given_as_flags() {
            final SlaSpec expected = TestSlas.spec("standard", 2);
            when(cli.slas.propose(expected))
                    .thenReturn(Sla.proposed(expected, new Submitter("Org1MSP", "a"), "t", "x"));

            assertThat(cli.run(args("sla", "propose", "standard@2", "--profile", "org1-admin")))
                    .isZero();

            verify(cli.slas).propose(expected);
            assertThat(cli.profilesOpened).containsExactly("org1-admin");
            assertThat(cli.out()).contains("state         PROPOSED");
        }

        @Test
        void an_optional_pids_limit_flag_becomes_the_slas_pids_limit() {
            final SlaSpec stated = TestSlas.spec("standard", 2);
            final SlaSpec expected = new SlaSpec(
                    stated.name(),
                    stated.version(),
                    io.povm.api.VmTerms.builder()
                            .cpuMillis(2000)
                            .memoryMiB(2048)
                            .diskMiB(10240)
                            .maxWallSeconds(3600)
                            .minBenchmarkOpsPerSec(50_000)
                            .pricePerVmSecond(10)
                            .pidsLimit(128)
                            .build(),
                    stated.job());
            when(cli.slas.propose(expected))
                    .thenReturn(Sla.proposed(expected, new Submitter("Org1MSP", "a"), "t", "x"));

            assertThat(cli.run(args("sla", "propose", "standard@2", "--profile", "org1-admin", "--pids-limit", "128")))
                    .isZero();

            verify(cli.slas).propose(expected);
        }

        @Test
        void proposes_the_terms_of_a_file_and_prints_json() throws IOException {
            final SlaSpec expected = TestSlas.spec("standard", 1);
            final Path file = dir.resolve("standard-1.json");
            Files.writeString(file, PovmJson.write(expected), StandardCharsets.UTF_8);
            when(cli.slas.propose(expected)).thenReturn(TestSlas.proposed("standard", 1));

            assertThat(cli.run("sla", "propose", "-f", file.toString(), "-o", "json"))
                    .isZero();

            assertThat(PovmJson.read(cli.out().strip(), Sla.class)).isEqualTo(TestSlas.proposed("standard", 1));
        }

        @Test
        void reads_the_terms_from_stdin() {
            final SlaSpec expected = TestSlas.spec("standard", 1);
            cli.stdin = PovmJson.write(expected);
            when(cli.slas.propose(expected)).thenReturn(TestSlas.proposed("standard", 1));

            assertThat(cli.run("sla", "propose", "-f", "-")).isZero();
        }

        @Test
        void each_missing_term_flag_is_a_usage_error_naming_it() {
            for (int i = 0; i < TERM_FLAGS.length; i += 2) {
                final String[] without = new String[TERM_FLAGS.length];
                System.arraycopy(TERM_FLAGS, 0, without, 0, TERM_FLAGS.length);
                final String flag = without[i];
                without[i] = "--network";
                without[i + 1] = "none";
                final String[] all = new String[without.length + 3];
                all[0] = "sla";
                all[1] = "propose";
                all[2] = "standard@2";
                System.arraycopy(without, 0, all, 3, without.length);

                assertThat(cli.run(all)).as(flag).isEqualTo(ExitCodes.USAGE);
                assertThat(cli.err()).as(flag).contains("missing " + flag);
            }
            verify(cli.slas, never()).propose(any());
        }

        @Test
        void a_file_and_flags_together_are_a_usage_error() {
            assertThat(cli.run("sla", "propose", "-f", "x.json", "standard@2")).isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("give either -f/--file or NAME@VERSION and the term flags, not both");
        }

        @Test
        void an_unknown_field_in_the_file_is_rejected_by_name_before_connecting() throws IOException {
            final Path file = dir.resolve("bad.json");
            Files.writeString(
                    file, PovmJson.write(TestSlas.spec("standard", 1)).replace("{\"name\"", "{\"gpus\":1,\"name\""));

            assertThat(cli.run("sla", "propose", "-f", file.toString())).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).startsWith("error: INVALID_ARGUMENT [gpus] unknown field; accepted: name, version");
            assertThat(cli.profilesOpened).isEmpty();
        }

        @Test
        void a_file_with_a_duplicate_key_is_rejected_naming_the_key_and_its_place_before_connecting()
                throws IOException {
            final Path file = dir.resolve("twice.json");
            Files.writeString(
                    file, PovmJson.write(TestSlas.spec("standard", 1)).replace("{\"name\"", "{\"version\":9,\"name\""));

            assertThat(cli.run("sla", "propose", "-f", file.toString())).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).contains("(line 1, column").contains("Duplicate field 'version'");
            assertThat(cli.profilesOpened).isEmpty();
        }

        @Test
        void a_missing_file_is_a_usage_error() {
            assertThat(cli.run("sla", "propose", "-f", dir.resolve("none.json").toString()))
                    .isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("no such file");
        }

        @Test
        void a_client_profile_is_refused_with_a_hint_to_use_an_admin_profile() {
            when(cli.slas.propose(any()))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(
                                    ErrorCode.FORBIDDEN,
                                    "caller",
                                    "sla:Propose requires an org admin identity (OU=admin); caller has OU=client"),
                            null));

            assertThat(cli.run(args("sla", "propose", "standard@2"))).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err())
                    .contains("error: FORBIDDEN [caller] sla:Propose requires an org admin identity")
                    .contains("hint: SLA governance needs the admin profile of a member org, e.g. --profile"
                            + " org1-admin");
        }
    }

    @Nested
    class Votes {
        @Test
        void approve_prints_where_the_sla_stands() {
            when(cli.slas.approve("standard@1")).thenReturn(TestSlas.status("standard@1", SlaState.ACTIVE, 2));

            assertThat(cli.run("sla", "approve", "standard@1", "--profile", "org2-admin"))
                    .isZero();

            assertThat(cli.out())
                    .contains("state         ACTIVE")
                    .contains("approvals     2 of 2 needed")
                    .contains("members       3");
            assertThat(cli.sessionsClosed).isEqualTo(1);
        }

        @Test
        void deprecate_prints_the_status_as_json() {
            final SlaStatus status = new SlaStatus(SlaRef.parse("standard@1", "r"), SlaState.ACTIVE, 2, 1, 2, 3);
            when(cli.slas.deprecate("standard@1")).thenReturn(status);

            assertThat(cli.run("sla", "deprecate", "standard@1", "-o", "json")).isZero();

            assertThat(PovmJson.read(cli.out().strip(), SlaStatus.class)).isEqualTo(status);
        }

        @Test
        void a_vote_the_state_does_not_allow_hints_at_show() {
            when(cli.slas.deprecate("standard@1"))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.INVALID_STATE, "ref", "SLA standard@1 is PROPOSED"), null));

            assertThat(cli.run("sla", "deprecate", "standard@1")).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).contains("hint: see the SLA's state and votes with: povm sla show NAME@VERSION");
        }

        @Test
        void the_reference_is_required() {
            assertThat(cli.run("sla", "approve")).isEqualTo(ExitCodes.USAGE);
            verify(cli.slas, never()).approve(anyString());
        }
    }

    @Test
    void the_group_alone_is_a_usage_error_naming_its_subcommands() {
        assertThat(cli.run("sla")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("missing subcommand: list, show, propose, approve, deprecate");
        verify(cli.slas, never()).list(anyInt(), anyString());
    }
}
