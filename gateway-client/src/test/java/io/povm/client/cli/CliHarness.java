package io.povm.client.cli;

import static org.mockito.Mockito.mock;

import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
    /** The MSP id of every profile a worker command opens. */
    String mspId = "Org1MSP";

    final Map<String, String> env = new HashMap<>();
    final List<String> profilesOpened = new ArrayList<>();
    String stdin = "";
    RuntimeException failToOpen;
    int sessionsClosed;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

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
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
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
                });
        final CommandLine cli = PovmCli.commandLine(context);
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
