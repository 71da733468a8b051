// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.povm.api.CustomerRecord;
import io.povm.api.WorkerPage;
import io.povm.client.clock.ClockClient;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.org.MembersClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code povm} in-process against a mocked {@link JobClient}, {@link SlaClient} and {@link WorkerClient},
 * capturing stdout, stderr and the exit code.
 */
final class CliHarness {
    static final String GENERATED_ID = "job-0000abcd";
    /** "Now" for relative deadlines. */
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00.750Z");

    final JobClient jobs = mock(JobClient.class);
    final SlaClient slas = mock(SlaClient.class);
    final WorkerClient workers = mock(WorkerClient.class);
    final CreditClient credits = mock(CreditClient.class);
    final MembersClient members = mock(MembersClient.class);
    final ClockClient clock = mock(ClockClient.class);
    /** The scripts the commands ran, each as its path and arguments, e.g. {@code network/network.sh up}. */
    final List<String> scriptsRun = new ArrayList<>();
    /** What a script prints on stdout, by its path and arguments; nothing when absent. */
    final Map<String, String> scriptOutput = new HashMap<>();
    /** The exit code of every script run. */
    int scriptExitCode;
    /** The pauses {@code job watch} asked for. */
    final List<Duration> sleeps = new ArrayList<>();
    /** "Now"; {@code job watch}'s pauses move it on. */
    Instant now = NOW;
    /** The MSP id of every profile a worker command opens. */
    String mspId = "Org1MSP";

    final Map<String, String> env = new HashMap<>();
    final List<String> profilesOpened = new ArrayList<>();
    String stdin = "";
    RuntimeException failToOpen;
    int sessionsClosed;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CliHarness() {
        // what a SUBMITTED job's diagnosis reads, unless a test says otherwise: no workers, a clean standing
        when(workers.list(any(), any(), anyInt(), anyString())).thenReturn(new WorkerPage(List.of(), ""));
        when(jobs.customerRecord(anyString(), anyString()))
                .thenAnswer(call -> new CustomerRecord(call.getArgument(0), call.getArgument(1), 0, 0));
    }

    int run(final String... args) {
        out = new StringWriter();
        err = new StringWriter();
        final CliContext context = new CliContext(
                        env,
                        profile -> {
                            profilesOpened.add(profile);
                            if (failToOpen != null) {
                                throw failToOpen;
                            }
                            return new JobSession(jobs, () -> sessionsClosed++);
                        },
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        () -> GENERATED_ID)
                .withClock(new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(final java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now;
                    }
                })
                .withSlaClients(profile -> {
                    profilesOpened.add(profile);
                    if (failToOpen != null) {
                        throw failToOpen;
                    }
                    return new SlaSession(slas, () -> sessionsClosed++);
                })
                .withWorkerClients(profile -> {
                    profilesOpened.add(profile);
                    if (failToOpen != null) {
                        throw failToOpen;
                    }
                    return new WorkerSession(workers, mspId, () -> sessionsClosed++);
                })
                .withCreditClients(profile -> {
                    profilesOpened.add(profile);
                    if (failToOpen != null) {
                        throw failToOpen;
                    }
                    return new CreditSession(credits, () -> sessionsClosed++);
                })
                .withLedgers(profile -> {
                    profilesOpened.add(profile);
                    if (failToOpen != null) {
                        throw failToOpen;
                    }
                    return new NetworkLedgerSession(members, clock, () -> sessionsClosed++);
                })
                .withScripts((script, scriptArgs, scriptOut, scriptErr) -> {
                    final String line = (script + " " + String.join(" ", scriptArgs)).strip();
                    scriptsRun.add(line);
                    scriptOut.print(scriptOutput.getOrDefault(line, ""));
                    scriptOut.flush();
                    return scriptExitCode;
                })
                .withSleeper(pause -> {
                    sleeps.add(pause);
                    now = now.plus(pause);
                });
        final CommandLine cli = PovmCli.commandLine(context, List.of(args));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
