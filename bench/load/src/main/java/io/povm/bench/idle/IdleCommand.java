// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.idle;

import io.povm.bench.Json;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code povm-bench idle}: what the network costs while nobody uses it, over a window. */
@Command(
        name = "idle",
        mixinStandardHelpOptions = true,
        description = "Measures CPU-seconds per minute of every process of the network and ledger bytes per minute")
public final class IdleCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-dir", required = true, description = "the network's run directory (pids/, data/)")
    private Path runDir;

    @Option(names = "--seconds", defaultValue = "60", description = "how long to watch")
    private double seconds;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    private Path out;

    @Override
    public Integer call() throws InterruptedException {
        final Path proc = Path.of("/proc");
        final IdleSnapshot start = IdleSnapshot.take(runDir, proc);
        Thread.sleep(Math.round(seconds * 1000));
        final IdleResult result = IdleResult.between(start, IdleSnapshot.take(runDir, proc));
        Json.write(out, result);
        spec.commandLine()
                .getErr()
                .printf(
                        Locale.ROOT,
                        "[bench] P8 idle over %.0f s: Fabric %.2f CPU-s/min, povm %.2f CPU-s/min (%.2f x Fabric), "
                                + "%.1f%% of one core; ledger bytes/min %s%n",
                        result.seconds(),
                        result.fabricCpuSecondsPerMinute(),
                        result.povmCpuSecondsPerMinute(),
                        result.povmOverFabric(),
                        100 * result.shareOfOneCore(),
                        result.ledgerBytesPerMinute());
        return 0;
    }
}
