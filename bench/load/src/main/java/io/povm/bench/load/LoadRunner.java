// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hyperledger.fabric.client.Contract;

/**
 * Runs one {@link LoadPlan}: at a fixed offered rate (open loop: the {@code i}-th transaction is due at {@code i /
 * rate} seconds and its latency counts from then, so a queue in front of a saturated network shows as latency, not as
 * a lower offered rate), or as fast as {@code concurrency} closed-loop threads go. Transactions go round-robin over
 * the clients' identities; nothing is retried.
 */
public final class LoadRunner {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final List<Contract> clients;
    private final Workload workload;
    /** Numbers the transactions across every run of this runner, so that job ids stay distinct between runs. */
    private final AtomicLong sequence = new AtomicLong();

    private final CpuMeter cpu;

    public LoadRunner(final List<Contract> clients, final Workload workload) {
        this(clients, workload, () -> 0);
    }

    /** @param cpu the network's CPU milliseconds so far, read before and after each run */
    public LoadRunner(final List<Contract> clients, final Workload workload, final CpuMeter cpu) {
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.clients = List.copyOf(clients);
        this.workload = Objects.requireNonNull(workload, "workload");
        if (this.clients.isEmpty()) {
            throw new IllegalArgumentException("at least one client is needed");
        }
    }

    public LoadResult run(final LoadPlan plan) {
        final Tally tally = new Tally();
        final long first = sequence.get();
        final long cpuBefore = cpu.millis();
        final ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency(), namedThreads(plan.name()));
        final long start = System.nanoTime();
        final long end = start + plan.duration().toNanos();
        if (plan.maxRate()) {
            for (int i = 0; i < plan.concurrency(); i++) {
                pool.execute(() -> closedLoop(tally, end));
            }
        } else {
            openLoop(plan.rate(), pool, tally, start, end);
        }
        pool.shutdown();
        awaitOrAbandon(pool, plan);
        tally.close(sequence.get() - first);
        final double seconds = (System.nanoTime() - start) / (double) NANOS_PER_SECOND;
        return LoadResult.of(plan, tally, seconds, (cpu.millis() - cpuBefore) / 1000.0);
    }

    private void closedLoop(final Tally tally, final long end) {
        while (System.nanoTime() < end) {
            final long n = sequence.getAndIncrement();
            final long sent = System.nanoTime();
            tally.add(new Outcome(send(n), System.nanoTime() - sent));
        }
    }

    private void openLoop(
            final double rate, final ExecutorService pool, final Tally tally, final long start, final long end) {
        for (long i = 0; ; i++) {
            final long due = start + (long) (i * NANOS_PER_SECOND / rate);
            if (due >= end) {
                return;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            final long n = sequence.getAndIncrement();
            pool.execute(() -> {
                tally.add(new Outcome(send(n), System.nanoTime() - due));
            });
        }
    }

    /** Waits up to the plan's drain time for the transactions in flight, then interrupts what still runs. */
    private static void awaitOrAbandon(final ExecutorService pool, final LoadPlan plan) {
        try {
            if (pool.awaitTermination(plan.drain().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    /** @return the status of the {@code n}-th transaction; a client-side exception is counted, not lost */
    private String send(final long n) {
        try {
            return workload.run(client(n), n);
        } catch (RuntimeException e) {
            return "CLIENT_ERROR:" + e.getClass().getSimpleName();
        }
    }

    private Contract client(final long n) {
        return clients.get((int) (n % clients.size()));
    }

    /** The CPU milliseconds used so far by the processes a run is charged for. */
    @FunctionalInterface
    public interface CpuMeter {
        long millis();
    }

    private static java.util.concurrent.ThreadFactory namedThreads(final String name) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, "load-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
