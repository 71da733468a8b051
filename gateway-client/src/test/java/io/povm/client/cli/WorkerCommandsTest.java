// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Resources;
import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.api.WorkerOffer;
import io.povm.api.WorkerPage;
import io.povm.api.WorkerRegistration;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.TestWorkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The {@code povm worker} commands against a mocked WorkerClient: arguments, output, errors and hints. */
class WorkerCommandsTest {
    private final CliHarness cli = new CliHarness();
    private final Worker w1 = TestWorkers.worker(TestWorkers.W1);

    @TempDir
    Path dir;

    @Nested
    class ListWorkers {

        @Test
        void prints_one_row_per_worker_and_how_to_get_the_next_page() {
            when(cli.workers.list(Optional.of("Org1MSP"), Optional.of(WorkerState.ACTIVE), 50, ""))
                    .thenReturn(new WorkerPage(List.of(w1), "next"));

            assertThat(cli.run("worker", "list", "--org", "Org1MSP", "--state", "active"))
                    .isZero();

            assertThat(cli.out())
                    .contains("KEY", "STATE", "SLAS", "SLOTS", "FREE", "STAKE", "LAST HEARTBEAT")
                    .containsPattern("(?m)^Org1MSP/w1 +ACTIVE +standard@1 +2 +- +995328 +-$")
                    .contains("more workers: povm worker list --org Org1MSP --state ACTIVE --page-size 50"
                            + " --bookmark 'next'");
        }

        @Test
        void all_pages_as_one_json_page() {
            when(cli.workers.list(Optional.empty(), Optional.empty(), 1, ""))
                    .thenReturn(new WorkerPage(List.of(w1), "b"));
            final Worker w2 = TestWorkers.worker(WorkerKey.of("Org2MSP", "w2"));
            when(cli.workers.list(Optional.empty(), Optional.empty(), 1, "b"))
                    .thenReturn(new WorkerPage(List.of(w2), ""));

            assertThat(cli.run("worker", "list", "--all", "--page-size", "1", "-o", "json"))
                    .isZero();

            assertThat(PovmJson.read(cli.out().strip(), WorkerPage.class).workers())
                    .containsExactly(w1, w2);
        }

        @Test
        void a_malformed_org_is_a_usage_error_before_connecting() {
            assertThat(cli.run("worker", "list", "--org", "Org 1")).isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("--org must be an MSP id");
            assertThat(cli.profilesOpened).isEmpty();
        }
    }

    @Nested
    class Show {

        @Test
        void a_bare_name_means_a_worker_of_the_profiles_org() {
            cli.mspId = "Org1MSP";
            when(cli.workers.get(TestWorkers.W1)).thenReturn(w1);

            assertThat(cli.run("worker", "show", "w1", "--profile", "org1")).isZero();

            assertThat(cli.out())
                    .contains("key         Org1MSP/w1")
                    .contains("state       ACTIVE")
                    .contains("stake       995328 (cpu 768000, memory 196608, disk 30720)")
                    .contains("reserved    1000 millicores, 2048 MiB memory, 10240 MiB disk");
            assertThat(cli.profilesOpened).containsExactly("org1");
        }

        @Test
        void json_output_parses_back_to_the_worker() {
            when(cli.workers.get(WorkerKey.of("Org2MSP", "w1"))).thenReturn(w1);

            assertThat(cli.run("worker", "show", "Org2MSP/w1", "-o", "json")).isZero();

            assertThat(PovmJson.read(cli.out().strip(), Worker.class)).isEqualTo(w1);
        }

        @Test
        void a_malformed_key_is_a_usage_error() {
            assertThat(cli.run("worker", "show", "Org1MSP/w/1")).isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("KEY must be MSP/NAME");
        }

        @Test
        void not_found_hints_at_worker_list() {
            when(cli.workers.get(TestWorkers.W1))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.NOT_FOUND, "workerKey", "worker 'Org1MSP/w1' does not exist"),
                            null));

            assertThat(cli.run("worker", "show", "w1")).isEqualTo(ExitCodes.NOT_FOUND);

            assertThat(cli.err()).contains("hint: list the workers with: povm worker list");
        }
    }

    @Nested
    class Register {

        private String[] flags(final String... extra) throws IOException {
            final Path cert = Files.writeString(dir.resolve("cert.pem"), TestWorkers.CERTIFICATE_PEM);
            final Path key = Files.writeString(dir.resolve("att.pem"), TestWorkers.ATTESTATION_KEY_PEM);
            final List<String> args = new ArrayList<>(List.of(
                    "worker",
                    "register",
                    "--name",
                    "w1",
                    "--cert",
                    cert.toString(),
                    "--slas",
                    "standard@1,gold@2",
                    "--slots",
                    "2",
                    "--cpu-millis",
                    "4000",
                    "--memory-mib",
                    "8192",
                    "--disk-mib",
                    "40960",
                    "--attestation-key",
                    key.toString()));
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }

        private WorkerRegistration sent() {
            final ArgumentCaptor<WorkerRegistration> registration = ArgumentCaptor.forClass(WorkerRegistration.class);
            verify(cli.workers).register(registration.capture());
            return registration.getValue();
        }

        @Test
        void flags_make_the_registration_with_nothing_reserved_by_default() throws IOException {
            when(cli.workers.register(any())).thenReturn(w1);

            assertThat(cli.run(flags())).isZero();

            assertThat(sent())
                    .isEqualTo(new WorkerRegistration(
                            "w1",
                            TestWorkers.CERTIFICATE_PEM,
                            new WorkerOffer(
                                    List.of("standard@1", "gold@2"),
                                    2,
                                    new Resources(4000, 8192, 40960),
                                    new Resources(0, 0, 0),
                                    TestWorkers.ATTESTATION_KEY_PEM)));
            assertThat(cli.out()).contains("key         Org1MSP/w1");
        }

        @Test
        void reserved_flags_are_passed_on() throws IOException {
            when(cli.workers.register(any())).thenReturn(w1);

            assertThat(cli.run(flags("--reserved-cpu-millis", "1000", "--reserved-disk-mib", "10")))
                    .isZero();

            assertThat(sent().offer().reserved()).isEqualTo(new Resources(1000, 0, 10));
        }

        @Test
        void a_registration_file_is_read_as_is() throws IOException {
            when(cli.workers.register(any())).thenReturn(w1);
            final Path file =
                    Files.writeString(dir.resolve("worker.json"), PovmJson.write(TestWorkers.registration("w7")));

            assertThat(cli.run("worker", "register", "-f", file.toString(), "-o", "json"))
                    .isZero();

            assertThat(sent()).isEqualTo(TestWorkers.registration("w7"));
        }

        @Test
        void a_missing_flag_is_a_usage_error_naming_it() throws IOException {
            final Path cert = Files.writeString(dir.resolve("cert.pem"), TestWorkers.CERTIFICATE_PEM);

            assertThat(cli.run("worker", "register", "--name", "w1", "--cert", cert.toString(), "--slas", "a@1"))
                    .isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("missing --cpu-millis (or give -f/--file)");
            verifyNoInteractions(cli.workers);
        }

        @Test
        void a_file_and_flags_together_are_a_usage_error() {
            assertThat(cli.run("worker", "register", "-f", "x.json", "--name", "w1"))
                    .isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("give either -f/--file or the flags, not both");
        }

        @Test
        void an_unreadable_certificate_file_is_a_usage_error() {
            assertThat(cli.run(
                            "worker",
                            "register",
                            "--name",
                            "w1",
                            "--cert",
                            dir.resolve("none.pem").toString(),
                            "--slas",
                            "a@1",
                            "--cpu-millis",
                            "1",
                            "--memory-mib",
                            "1",
                            "--disk-mib",
                            "1",
                            "--attestation-key",
                            "k.pem"))
                    .isEqualTo(ExitCodes.USAGE);

            assertThat(cli.err()).contains("cannot read --cert").contains("no such file");
        }

        @Test
        void forbidden_hints_at_who_may_do_what() throws IOException {
            when(cli.workers.register(any()))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.FORBIDDEN, "caller", "Register requires an org admin identity"),
                            null));

            assertThat(cli.run(flags())).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err())
                    .contains("error: FORBIDDEN [caller] Register requires an org admin identity")
                    .contains("hint: org admins (--profile orgN-admin) register");
        }

        @Test
        void a_duplicate_hints_at_update_offer() throws IOException {
            when(cli.workers.register(any()))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.DUPLICATE_ID, "offer", "different offer"), null));

            assertThat(cli.run(flags())).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).contains("hint: a registered worker's offer changes with: povm worker update-offer");
        }
    }

    @Nested
    class UpdateOffer {

        @Test
        void an_offer_file_replaces_the_offer_of_the_named_worker() throws IOException {
            when(cli.workers.updateOffer(any(), any())).thenReturn(w1);
            final Path file = Files.writeString(dir.resolve("offer.json"), PovmJson.write(TestWorkers.offer()));

            assertThat(cli.run("worker", "update-offer", "w1", "-f", file.toString()))
                    .isZero();

            verify(cli.workers).updateOffer(TestWorkers.W1, TestWorkers.offer());
        }

        @Test
        void an_offer_file_with_a_duplicate_key_is_rejected_naming_the_key_before_connecting() throws IOException {
            final Path file = Files.writeString(
                    dir.resolve("offer.json"),
                    PovmJson.write(TestWorkers.offer()).replaceFirst("\\{", "{\"slots\":64,"));

            assertThat(cli.run("worker", "update-offer", "w1", "-f", file.toString()))
                    .isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).contains("(line 1, column").contains("Duplicate field 'slots'");
            assertThat(cli.profilesOpened).isEmpty();
        }
    }

    @Nested
    class Changes {

        @Test
        void pause_resume_deregister_and_revoke_call_their_transaction() {
            when(cli.workers.pause(TestWorkers.W1)).thenReturn(w1);
            when(cli.workers.resume(TestWorkers.W1)).thenReturn(w1);
            when(cli.workers.deregister(TestWorkers.W1)).thenReturn(w1);
            when(cli.workers.revoke(WorkerKey.of("Org1MSP", "w1"))).thenReturn(w1);

            assertThat(cli.run("worker", "pause", "w1")).isZero();
            assertThat(cli.run("worker", "resume", "w1")).isZero();
            assertThat(cli.run("worker", "deregister", "w1", "-o", "json")).isZero();
            assertThat(cli.run("worker", "revoke", "Org1MSP/w1")).isZero();

            verify(cli.workers).pause(TestWorkers.W1);
            verify(cli.workers).resume(TestWorkers.W1);
            verify(cli.workers).deregister(TestWorkers.W1);
            verify(cli.workers).revoke(TestWorkers.W1);
            assertThat(cli.sessionsClosed).isEqualTo(4);
        }

        @Test
        void invalid_state_hints_that_terminal_workers_never_change() {
            when(cli.workers.resume(TestWorkers.W1))
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.INVALID_STATE, "state", "worker Org1MSP/w1 is REVOKED"), null));

            assertThat(cli.run("worker", "resume", "w1")).isEqualTo(ExitCodes.REJECTED);

            assertThat(cli.err()).contains("hint: DEREGISTERED and REVOKED workers never change again");
        }
    }

    @Nested
    class Whoami {

        @Test
        void shows_the_profiles_own_registration() {
            when(cli.workers.whoami()).thenReturn(w1);

            assertThat(cli.run("worker", "whoami", "--profile", "org1-user2")).isZero();

            assertThat(cli.out()).contains("key         Org1MSP/w1");
        }

        @Test
        void not_found_says_an_admin_registers_the_identity() {
            when(cli.workers.whoami())
                    .thenThrow(PovmClientException.rejected(
                            new PovmError(ErrorCode.NOT_FOUND, "caller", "no worker is registered"), null));

            assertThat(cli.run("worker", "whoami")).isEqualTo(ExitCodes.NOT_FOUND);

            assertThat(cli.err())
                    .contains("hint: an admin of your org registers this identity with: povm worker register");
        }
    }

    @Test
    void the_group_alone_names_its_subcommands() {
        assertThat(cli.run("worker")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).contains("missing subcommand: start, status, list, show, register, update-offer, pause");
    }
}
