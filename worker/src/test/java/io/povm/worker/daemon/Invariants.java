// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.povm.api.CreditAudit;
import io.povm.api.Job;
import io.povm.api.JobState;
import io.povm.api.JobVersion;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Settlement;
import io.povm.api.Sha256;
import io.povm.client.PovmClientException;
import io.povm.client.credit.CreditClient;
import io.povm.client.job.JobClient;
import io.povm.worker.sandbox.SandboxRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold after every fault the reliability suite injects, checked on the ledger, the daemons' journals and
 * the Docker engine; {@link #check} returns every broken invariant in words (empty when all hold):
 *
 * <ol>
 *   <li><b>one final state</b>: every job is FINALIZED, EXPIRED, CANCELLED or FAILED, and its history entered that
 *       state exactly once (a finished job never moves again);
 *   <li><b>right verdict</b>: a finalized job's winning result hash is the hash of the answer recomputed here;
 *   <li><b>credits</b>: {@code credit:Audit} is conserved; a finalized job's settlement pays or returns exactly
 *       what its escrow and deposits held, and a refunded job's settlement returns its escrow;
 *   <li><b>no replica reported twice</b>: in the job's history each replica is committed in one version only, and
 *       no journal holds two COMMITTED or two REVEALED entries for one replica;
 *   <li><b>journals agree with the ledger</b>: every replica a journal says it revealed is revealed on the ledger
 *       (or FAULTED by its reveal, which a faulty worker's copy is),
 *       by that daemon's worker;
 *   <li><b>no sandbox left</b>: no container with the sandbox's label exists once the daemons are idle.
 * </ol>
 */
final class Invariants {
    /** The invariants' short names, as the report's table lists them. */
    static final String NAMES =
            "one final state, right verdict, credits conserved, no replica twice, journals = ledger, no sandbox left";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<JobState> FINAL =
            Set.of(JobState.FINALIZED, JobState.EXPIRED, JobState.CANCELLED, JobState.FAILED);

    private final JobClient jobs;
    private final CreditClient credits;
    private final Map<String, Path> journals;
    private final Map<String, String> workerKeys;

    /**
     * @param journals each org's daemon journal
     * @param workerKeys each org's worker key
     */
    Invariants(
            final JobClient jobs,
            final CreditClient credits,
            final Map<String, Path> journals,
            final Map<String, String> workerKeys) {
        this.jobs = jobs;
        this.credits = credits;
        this.journals = Map.copyOf(journals);
        this.workerKeys = Map.copyOf(workerKeys);
    }

    /**
     * @param answers each job the scenario submitted, with the answer recomputed independently of the workers
     * @return every broken invariant, each naming the job, replica, org or container
     */
    List<String> check(final Map<String, String> answers) throws IOException {
        final List<String> broken = new ArrayList<>();
        final Map<String, Job> finished = new HashMap<>();
        for (final Map.Entry<String, String> entry : answers.entrySet()) {
            final Job job = jobs.get(entry.getKey());
            if (!FINAL.contains(job.state())) {
                broken.add(job.id() + ": still " + job.state() + ", not in a final state");
                continue;
            }
            finished.put(job.id(), job);
            finalOnce(job, broken);
            verdict(job, entry.getValue(), broken);
            settlement(job, broken);
            committedOnce(job, broken);
        }
        final CreditAudit audit = credits.audit();
        if (!audit.conserved()) {
            broken.add("credit:Audit is not conserved: " + audit);
        }
        journals(finished, broken);
        sandboxes(broken);
        return broken;
    }

    private List<Job> versions(final Job job) {
        return jobs.history(job.id()).versions().stream()
                .map(JobVersion::job)
                .flatMap(Optional::stream)
                .toList();
    }

    private void finalOnce(final Job job, final List<String> broken) {
        final long entered =
                versions(job).stream().filter(v -> v.state() == job.state()).count();
        if (entered != 1) {
            broken.add(job.id() + ": " + entered + " versions in " + job.state() + ", expected exactly 1");
        }
    }

    private static void verdict(final Job job, final String answer, final List<String> broken) {
        if (job.state() != JobState.FINALIZED) {
            return;
        }
        final String expected = Sha256.hex(Sha256.hash(answer.getBytes(StandardCharsets.UTF_8)));
        final Optional<String> winner = job.verdict().flatMap(v -> v.winner());
        if (!winner.equals(Optional.of(expected))) {
            broken.add(
                    job.id() + ": verdict " + winner.orElse("none") + ", the recomputed answer hashes to " + expected);
        }
    }

    private void settlement(final Job job, final List<String> broken) {
        if (job.state() == JobState.CANCELLED) {
            return;
        }
        final Settlement settled;
        try {
            settled = credits.settlement(job.id());
        } catch (PovmClientException e) {
            broken.add(job.id() + ": " + job.state() + " but no settlement: " + e.getMessage());
            return;
        }
        final long out = settled.paid() + settled.refunded();
        final long in = settled.escrow() + settled.deposits() + settled.minted();
        if (out != in) {
            broken.add(job.id() + ": settlement moves " + out + " credits out of " + in + " held");
        }
    }

    /**
     * History is newest first: a replica is committed once when, from the oldest version on, it enters
     * RESULT_COMMITTED once and its commitment never changes.
     */
    private void committedOnce(final Job job, final List<String> broken) {
        final List<Job> oldestFirst = new ArrayList<>(versions(job));
        java.util.Collections.reverse(oldestFirst);
        for (final Replica replica : job.replicas()) {
            int entered = 0;
            final Set<String> commitments = new java.util.TreeSet<>();
            ReplicaState before = null;
            for (final Job version : oldestFirst) {
                if (version.replicas().size() <= replica.index()) {
                    continue;
                }
                final Replica then = version.replicas().get(replica.index());
                if (then.state() == ReplicaState.RESULT_COMMITTED && before != ReplicaState.RESULT_COMMITTED) {
                    entered++;
                }
                then.commitment().ifPresent(commitments::add);
                before = then.state();
            }
            if (entered > 1 || commitments.size() > 1) {
                broken.add(job.id() + " replica " + replica.index() + ": committed " + entered + " times, "
                        + commitments.size() + " different commitments");
            }
        }
    }

    private void journals(final Map<String, Job> finished, final List<String> broken) throws IOException {
        for (final Map.Entry<String, Path> journal : journals.entrySet()) {
            if (!Files.exists(journal.getValue())) {
                continue;
            }
            final Map<String, Integer> seen = new HashMap<>();
            for (final String line : Files.readAllLines(journal.getValue())) {
                final JsonNode entry = JSON.readTree(line);
                final Job job = finished.get(entry.path("job").asText());
                final String stage = entry.path("stage").asText();
                if (job == null || !(stage.equals("COMMITTED") || stage.equals("REVEALED"))) {
                    continue;
                }
                final int index = entry.path("replica").asInt();
                final String what = job.id() + " replica " + index + " " + stage;
                if (seen.merge(what, 1, Integer::sum) == 2) {
                    broken.add(journal.getKey() + "'s journal holds " + what + " more than once");
                }
                if (stage.equals("REVEALED")) {
                    final Optional<Replica> onLedger = job.replicas().stream()
                            .filter(r -> r.index() == index)
                            .findFirst();
                    // FAULTED: the ledger took the reveal and found it does not open the commitment (a copy)
                    final boolean agrees = onLedger.isPresent()
                            && onLedger.get().workerKey().equals(workerKeys.get(journal.getKey()))
                            && (onLedger.get().result().isPresent()
                                    || onLedger.get().state() == ReplicaState.FAULTED
                                            && onLedger.get().fault().isPresent());
                    if (!agrees) {
                        broken.add(journal.getKey() + "'s journal says it revealed " + job.id() + " replica " + index
                                + ", the ledger has "
                                + onLedger.map(Replica::toString).orElse("no such replica"));
                    }
                }
            }
        }
    }

    private static void sandboxes(final List<String> broken) throws IOException {
        final Process ps = new ProcessBuilder(
                        "docker", "ps", "--all", "--quiet", "--filter", "label=" + SandboxRunner.LABEL)
                .redirectErrorStream(true)
                .start();
        final String left = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (ps.waitFor() != 0) {
                broken.add("docker ps failed: " + left);
            } else if (!left.isEmpty()) {
                broken.add("sandbox containers left behind: " + left.replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing containers", e);
        }
    }
}
