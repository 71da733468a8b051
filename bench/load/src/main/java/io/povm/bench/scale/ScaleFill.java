// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.scale;

import io.povm.api.JobSpec;
import io.povm.api.PovmTransactions;
import io.povm.bench.load.Workloads;
import io.povm.client.PovmClientException;
import io.povm.client.job.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the ledger with P5's jobs: {@code SubmitJobs} batches of {@value PovmTransactions#MAX_BATCH}, one customer per
 * thread, each thread's batches one after the other (a customer's concurrent batches would conflict on its account).
 * The jobs are those of P1 ({@link Workloads#spec}): an image no engine has, under an SLA the worker daemons do not
 * serve, a deadline a day ahead; no worker takes them, and they stay SUBMITTED until they expire.
 */
final class ScaleFill {
    private static final int ATTEMPTS = 3;

    private final List<JobClient> customers;
    private final String sla;
    private final String run;
    private final AtomicLong nextBatch = new AtomicLong();
    private final AtomicInteger failedBatches = new AtomicInteger();
    private final List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());

    ScaleFill(final List<JobClient> customers, final String sla, final String run) {
        this.customers = customers;
        this.sla = sla;
        this.run = run;
    }

    /** @return how many jobs were added (a multiple of the batch, at least {@code jobs}, unless batches failed) */
    long fill(final long jobs) throws InterruptedException {
        final long batches = (jobs + PovmTransactions.MAX_BATCH - 1) / PovmTransactions.MAX_BATCH;
        final long last = nextBatch.get() + batches;
        final AtomicLong added = new AtomicLong();
        final ExecutorService pool = Executors.newFixedThreadPool(customers.size(), r -> {
            final Thread t = new Thread(r, "p5-fill");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<?>> running = new ArrayList<>();
            for (JobClient customer : customers) {
                running.add(pool.submit(() -> {
                    for (long b = nextBatch.getAndIncrement(); b < last; b = nextBatch.getAndIncrement()) {
                        added.addAndGet(batch(customer, b));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the fill failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        nextBatch.set(last);
        return added.get();
    }

    private int batch(final JobClient customer, final long number) {
        final List<JobSpec> specs = new ArrayList<>(PovmTransactions.MAX_BATCH);
        for (int i = 0; i < PovmTransactions.MAX_BATCH; i++) {
            specs.add(Workloads.spec(id(number * PovmTransactions.MAX_BATCH + i), sla));
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                customer.submitAll(specs, "");
                specs.forEach(s -> ids.add(s.id()));
                return specs.size();
            } catch (PovmClientException e) {
                failedBatches.incrementAndGet();
            }
        }
        return 0;
    }

    String id(final long sequence) {
        return "p5-" + run + "-" + sequence;
    }

    /** @return the ids filled so far */
    List<String> ids() {
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    int failedBatches() {
        return failedBatches.get();
    }
}
