// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.api.Job;
import io.povm.api.JobPage;
import io.povm.api.JobState;
import io.povm.api.Replica;
import io.povm.api.ReplicaState;
import io.povm.api.Worker;
import io.povm.api.WorkerState;
import io.povm.client.PovmClientException;
import io.povm.client.clock.ClockClient;
import io.povm.worker.attestation.Reveals;
import io.povm.worker.config.ConfigKey;
import io.povm.worker.config.WorkerConfig;
import io.povm.worker.job.ImageGate;
import io.povm.worker.job.ImageLookup;
import io.povm.worker.job.ImageRules;
import io.povm.worker.job.JobRunner;
import io.povm.worker.journal.ReplicaId;
import io.povm.worker.journal.ReplicaRecord;
import io.povm.worker.journal.ReplicaStage;
import io.povm.worker.ledger.AssignmentListener;
import io.povm.worker.ledger.Ledger;
import io.povm.worker.ledger.LedgerBinding;
import io.povm.worker.ledger.PeerConnections;
import io.povm.worker.replica.ReplicaServices;
import io.povm.worker.replica.ReplicaTask;
import io.povm.worker.sandbox.DockerEngine;
import io.povm.worker.sandbox.EngineUnavailableException;
import io.povm.worker.sandbox.SandboxRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker daemon on a real network: finds its replicas through chaincode events (resuming from a checkpoint) and
 * by reconciling with the ledger at start and after a reconnect, runs each in the sandbox on one of its slots,
 * commits to its signed attestation and reveals it once the job's reveal window opens (docs/consensus.md), and keeps
 * its heartbeat and its org's clock ticking. Each heartbeat it also finishes what the journal holds (results to
 * commit, commitments to reveal, replicas accepted but not run), expires other orgs' overdue leases and moves jobs
 * on whose windows closed ({@link JobAdvancer}).
 */
public final class FabricWorkerDaemon implements WorkerDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(FabricWorkerDaemon.class);
    private static final int PAGE = 100;

    /**
     * The daemon of the submitter's org assigns a job when its submission event arrives, so that the orgs' daemons
     * do not race (and conflict) over every job; the others step in after this long.
     */
    static final Duration ASSIGN_FALLBACK = Duration.ofSeconds(15);

    private final DaemonContext context;
    private final WorkerConfig config;
    private final Set<ReplicaId> inFlight = ConcurrentHashMap.newKeySet();
    /** Jobs whose image this org's gate refused: never assigned by this daemon, so not checked again. */

    /** Replicas with a task queued or running, on a slot or the reveal thread: never two tasks for one replica. */
    private final Set<ReplicaId> claimed = ConcurrentHashMap.newKeySet();

    private final ExecutorService slots;
    private final ExecutorService revealer;
    private final ExecutorService assigner;
    private final ScheduledExecutorService ticker;
    private final ScheduledExecutorService beaconTicker;
    private final IdlePacing pacing;
    /**
     * Whether the last sweep saw a job not yet final anywhere on the ledger (or a submission event arrived since):
     * while one is, the daemon writes its heartbeat and tick every interval ({@link IdlePacing}).
     */
    private volatile boolean jobsInFlight = true;
    /** Submission events seen: a sweep that raced one does not declare the ledger idle. */
    private final AtomicLong submissionsSeen = new AtomicLong();

    private BeaconDuty beacon;
    private PeerConnections peers;
    private Ledger ledger;
    private DockerEngine engine;
    private SandboxRunner sandbox;
    private JobRunner runner;
    private ImageGate gate;
    private AssignmentListener listener;
    private Thread listenerThread;
    private String workerKey;
    private ReplicaServices services;
    private volatile boolean draining;

    public FabricWorkerDaemon(final DaemonContext context) {
        this.context = context;
        this.config = context.config();
        this.slots = Executors.newFixedThreadPool(config.slots(), named("replica"));
        this.revealer = Executors.newSingleThreadExecutor(named("reveal"));
        this.assigner = Executors.newSingleThreadExecutor(named("assigner"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("heartbeat"));
        this.beaconTicker = Executors.newSingleThreadScheduledExecutor(named("beacon"));
        this.pacing = new IdlePacing(config.idleInterval());
    }

    private static java.util.concurrent.ThreadFactory named(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return task -> {
            final Thread thread = new Thread(task, "povm-" + prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The labels of this daemon's sandbox containers, which are also what {@link SandboxRunner#removeLeftovers()}
     * removes: the worker and the daemon's data directory. Every network that scripts/workers.sh starts names its
     * workers alike (Org1MSP/w1, ...), so with the worker alone two networks' daemons on one Docker engine removed each
     * other's running job containers at start and stop; the data directory is the daemon's own.
     */
    public static Map<String, String> sandboxLabels(final String workerKey, final Path dataDir) {
        return Map.of(
                "io.povm.worker",
                workerKey.replace('/', '.'),
                "io.povm.data-dir",
                dataDir.toAbsolutePath().normalize().toString());
    }

    @Override
    public void start() {
        engine = DockerEngine.connect(
                URI.create(config.dockerHost()),
                DockerEngine.DEFAULT_CONNECT_TIMEOUT,
                DockerEngine.DEFAULT_RESPONSE_TIMEOUT);
        try {
            engine.ping();
        } catch (EngineUnavailableException e) {
            throw new DaemonStartException(e.getMessage() + " (docker-host in the configuration)", e);
        }
        sandbox = new SandboxRunner(engine, sandboxLabels(config.workerKey(), config.dataDir()));
        final int leftovers = sandbox.removeLeftovers();
        if (leftovers > 0) {
            LOG.warn("removed {} sandbox container(s) a previous run left behind", leftovers);
        }
        gate = new ImageGate(
                ImageLookup.of(engine),
                ImageRules.of(config.images().allow(), config.images().deny()));
        runner = new JobRunner(gate, sandbox, stagingDir());
        peers = PeerConnections.of(config);
        ledger = new Ledger(peers);
        bindToLedger();
        workerKey = register();
        services = new ReplicaServices(
                workerKey,
                ledger,
                runner,
                gate,
                context.journal(),
                context.board(),
                context.metrics(),
                new Reveals(workerKey, config.mspId(), config.attestationKey().privateKey()),
                config.faultyMode());
        if (!config.faultyMode().honest()) {
            LOG.warn(
                    "FAULTY MODE {}: this worker misbehaves on purpose, for tests only (docs/workers.md)",
                    config.faultyMode().configName());
        }
        try {
            heartbeat();
        } catch (PovmClientException e) {
            if (!isTransientAtStart(e)) {
                throw e;
            }
            LOG.warn(
                    "the first heartbeat did not commit ({}); the next one, in {}, writes it again",
                    e.getMessage(),
                    config.heartbeatInterval());
        }
        recoverFromJournal();
        reconcile();
        listener = new AssignmentListener(peers, workerKey, config.checkpointFile(), new Events(), this::blockSeen);
        listenerThread = new Thread(listener, "povm-events");
        listenerThread.setDaemon(true);
        listenerThread.start();
        final long every = config.heartbeatInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::periodic, every, every, TimeUnit.MILLISECONDS);
        config.beaconKeyFile()
                .ifPresentOrElse(
                        keyFile -> {
                            beacon = new BeaconDuty(config, keyFile, ledger, context.clock(), () -> jobsInFlight);
                            beaconTicker.scheduleWithFixedDelay(
                                    beacon::run,
                                    BeaconDuty.EVERY.toMillis(),
                                    BeaconDuty.EVERY.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        },
                        () -> LOG.info("no beacon.key-file configured: this daemon takes no part in beacon rounds"));
        LOG.info("worker {} started with {} slot(s) through peer {}", workerKey, config.slots(), peers.endpoint());
    }

    /**
     * Moves aside the event checkpoint and beacon state of another ledger, and abandons the journal's unsent results
     * made on it: sent to this ledger, they could land on a job that only shares its id.
     */
    private void bindToLedger() {
        final String ledgerId = ledger.identity();
        final LedgerBinding.Outcome outcome = LedgerBinding.bind(
                config.dataDir(), ledgerId, List.of(WorkerConfig.CHECKPOINT_FILE, BeaconDuty.STATE_DIR));
        if (!outcome.changed()) {
            return;
        }
        final int abandoned = context.journal()
                .abandonPending("made on ledger " + outcome.previous().get() + ", not on this one (" + ledgerId + ")");
        LOG.warn(
                "{} holds state of another ledger ({}; the channel was created again): moved {} aside and abandoned"
                        + " {} unsent result(s) of the journal",
                config.dataDir(),
                outcome.previous().get(),
                outcome.moved(),
                abandoned);
    }

    private Path stagingDir() {
        final Path staging = config.dataDir().resolve("staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
        return staging;
    }

    /** @return this identity's worker key; resumes a worker paused by an earlier drain */
    private String register() {
        final Worker me = ledger.workers(workers -> workers.findSelf())
                .orElseThrow(() -> new DaemonStartException("this identity (" + config.certPath()
                        + ") is not a registered worker of " + config.mspId() + "; ask an org admin to run: povm"
                        + " worker register --profile <org>-admin ..."));
        if (!me.key().equals(config.workerKey())) {
            throw new DaemonStartException("this identity is registered as " + me.key() + " but the configuration"
                    + " says " + config.workerKey() + "; set worker-name: " + me.name());
        }
        if (!config.attestationKey().matches(me.offer().attestationKeyPem())) {
            throw new DaemonStartException("the attestation key in " + ConfigKey.ATTESTATION_KEY_FILE.key() + " is"
                    + " not the one registered for worker " + me.key() + " (offer.attestationKeyPem): the chaincode"
                    + " would refuse every reveal. Use the registered key's private half, or register its public half"
                    + " with: povm worker update-offer ... --attestation-key <public.pem>");
        }
        final boolean operator = ledger.members(members -> members.operators(config.mspId())).operators().stream()
                .anyMatch(o -> o.id().equals(me.fabricId()));
        if (!operator) {
            throw new DaemonStartException("this identity is not an operator of " + config.mspId() + ": its clock"
                    + " ticks and beacon pieces would be refused. Ask the org admin to run: povm org add-operator"
                    + " --profile <org>-admin --cert " + config.certPath());
        }
        if (me.state() == WorkerState.PAUSED) {
            ledger.workers(workers -> workers.resume(me.workerKey()));
            LOG.info("resumed worker {}, paused by an earlier drain", me.key());
        } else if (me.state() != WorkerState.ACTIVE) {
            throw new DaemonStartException("worker " + me.key() + " is " + me.state() + "; it cannot take work");
        }
        return me.key();
    }

    /**
     * Whether a failure of the first heartbeat lets the daemon start anyway: a transaction that was endorsed but did not
     * commit, after the client's own retries (an MVCC conflict: the clock tick reads every org's latest tick, so while
     * the other orgs' daemons tick and their beacon duties tick through a round's phases, a restarted daemon's tick can
     * lose several times in a row; BeaconIT's restart saw four). The periodic heartbeat writes it again. A refusal
     * (not the org's operator, an unknown worker) or no reachable peer still stops the start.
     */
    static boolean isTransientAtStart(final PovmClientException e) {
        return e.kind() == PovmClientException.Kind.COMMIT_FAILED;
    }

    /** Writes the heartbeat and the clock tick to the ledger when {@link IdlePacing} says they are due. */
    private void heartbeat() {
        final int free = Math.max(0, config.slots() - inFlight.size());
        final Instant now = Instant.now(context.clock());
        final IdlePacing.Writes due = pacing.due(now, busy(), free);
        if (due.heartbeat()) {
            ledger.workers(workers ->
                    workers.heartbeat(io.povm.api.WorkerKey.parse(workerKey, "worker"), OptionalInt.of(free)));
        }
        if (due.tick()) {
            tick();
        }
        pacing.written(now, due, free);
        context.board().heartbeat();
    }

    /**
     * Ticks the multiparty clock. A tick refused as not later than the org's previous tick (this host's clock behind
     * the time the org last ticked at, e.g. set back, or the daemon restarted on a host whose clock lags) is skipped
     * with a warning: the previous tick stands, and until this clock passes it the daemon works on without ticking.
     * Thrown, it would stop the daemon at start and skip every periodic duty after the heartbeat.
     */
    private void tick() {
        if (ledger.clock(ClockClient::tickOrResumeUnlessBehind).isEmpty()) {
            LOG.warn(
                    "the clock tick was refused: this host's clock ({}) is behind the org's previous tick; the"
                            + " previous tick stands, check this host's clock",
                    Instant.now());
        }
    }

    /** @return whether anything needs a fresh clock: a job not final, a replica of this worker's, a beacon round */
    private boolean busy() {
        return jobsInFlight || !claimed.isEmpty() || beacon != null && beacon.needsClock();
    }

    /**
     * Heartbeat and clock tick, journaled commits and reveals, expiry of other orgs' overdue leases, jobs to advance
     * or finalize, and waiting jobs to assign; with nothing in flight, the ledger writes and reads as {@link
     * IdlePacing} allows.
     */
    private void periodic() {
        if (draining) {
            return;
        }
        try {
            heartbeat();
            recoverFromJournal();
            final Instant now = Instant.now(context.clock());
            if (pacing.sweepDue(now, busy())) {
                final long submissions = submissionsSeen.get();
                new LeaseSweeper(ledger, config.mspId(), now).sweep();
                final int notFinal = new JobAdvancer(ledger, config.mspId(), now).sweep();
                jobsInFlight = notFinal > 0 || submissionsSeen.get() != submissions;
                assignWaitingJobs();
                pacing.swept(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("periodic work failed: {}", e.toString());
        }
    }

    private void recoverFromJournal() {
        final var pending = context.journal().pendingWork();
        for (final ReplicaRecord record : pending.toReveal()) {
            submit(record.id());
        }
        for (final ReplicaRecord record : pending.toCommit()) {
            submit(record.id());
        }
        for (final ReplicaRecord record : pending.accepted()) {
            submit(record.id());
        }
    }

    /** Finds this worker's replicas that wait for it, in case events were missed while it was down. */
    private void reconcile() {
        String bookmark = "";
        do {
            final String from = bookmark;
            final JobPage page = ledger.jobs(jobs -> jobs.listByWorker(workerKey, PAGE, from));
            for (final Job job : page.jobs()) {
                for (final Replica replica : job.replicas()) {
                    if (!replica.workerKey().equals(workerKey)) {
                        continue;
                    }
                    if (replica.isLeased()) {
                        offer(ReplicaId.of(job.id(), replica.index()));
                    } else if (replica.state() == ReplicaState.RESULT_COMMITTED) {
                        submit(ReplicaId.of(job.id(), replica.index()));
                    }
                }
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
    }

    /**
     * Assigns waiting jobs: its own org's (an assignment waits while the orgs' workers are busy) and any that still
     * wait {@link #ASSIGN_FALLBACK} after their submission (their submitter's org has no daemon up).
     */
    private void assignWaitingJobs() {
        final Instant before = Instant.now(context.clock()).minus(ASSIGN_FALLBACK);
        JobListing.forEach(ledger, JobState.SUBMITTED, job -> {
            if (job.submitter().msp().equals(config.mspId())
                    || Instant.parse(job.submittedAt()).isBefore(before)) {
                assigner.submit(() -> assign(job));
            }
        });
    }

    /**
     * Assigns a job, unless this org's own image gate refuses its image: an org only pushes work it would run itself,
     * so jobs nobody can run (an image no engine has) do not cycle through every org's workers.
     */
    private void assign(final Job job) {
        final String jobId = job.id();
        final var decision = gate.check(job.spec().image());
        if (!decision.accepted()) {
            LOG.debug("not assigning job {}: {}", jobId, decision.message());
            return;
        }
        try {
            ledger.jobs(jobs -> jobs.assign(jobId));
            LOG.info("assigned job {}", jobId);
        } catch (RuntimeException e) {
            LOG.debug("job {} not assigned by this worker: {}", jobId, e.getMessage());
        }
    }

    /** Takes a replica on: journaled as accepted (unless known), then queued for a slot. */
    private void offer(final ReplicaId id) {
        if (draining) {
            return;
        }
        context.journal().accept(id); // false when already known, e.g. an event delivered again: submit skips it
        submit(id);
    }

    /**
     * Queues the replica's task unless it is finished or already queued: on a slot when it still has to run, on the
     * reveal thread when its commitment is on the ledger (a reveal takes no slot).
     */
    private void submit(final ReplicaId id) {
        final Optional<ReplicaStage> stage = context.journal().find(id).map(ReplicaRecord::stage);
        if (draining || stage.isEmpty() || stage.get().isFinished()) {
            return;
        }
        final boolean reveal = stage.get() == ReplicaStage.COMMITTED;
        if (!claimed.add(id)) {
            return;
        }
        if (!reveal) {
            inFlight.add(id);
        }
        final Instant at = Instant.now(context.clock());
        (reveal ? revealer : slots).submit(() -> {
            if (!reveal) {
                context.metrics().queueLag(Duration.between(at, Instant.now(context.clock())));
            }
            try {
                new ReplicaTask(id, services).run();
            } finally {
                inFlight.remove(id);
                claimed.remove(id);
            }
        });
    }

    private void blockSeen(final long block) {
        context.board().eventSeen(block);
    }

    @Override
    public void drain(final Duration timeout) {
        draining = true;
        LOG.info("draining: no new replicas; waiting up to {} for {} running", timeout, inFlight.size());
        if (listener != null) {
            listener.stop();
        }
        ticker.shutdownNow();
        beaconTicker.shutdownNow();
        assigner.shutdownNow();
        revealer.shutdownNow();
        slots.shutdown();
        try {
            if (!slots.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                slots.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseUnfinished();
        if (sandbox != null) {
            sandbox.removeLeftovers();
        }
        if (peers != null) {
            peers.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** Gives back every replica still held after the drain wait, so that another org's worker can take it. */
    private void releaseUnfinished() {
        for (final ReplicaId id : Set.copyOf(inFlight)) {
            try {
                ledger.jobs(jobs -> jobs.release(id.jobId(), id.replica(), "worker draining"));
                context.journal().released(id, "drain timeout");
                LOG.info("released replica {} on drain", id);
            } catch (RuntimeException e) {
                context.journal().abandoned(id, "drain timeout; release failed: " + e.getMessage());
            }
        }
    }

    /** What the event listener hands over. */
    private final class Events implements AssignmentListener.Handler {
        @Override
        public void onAssigned(final Job job, final Replica replica) {
            offer(ReplicaId.of(job.id(), replica.index()));
        }

        @Override
        public void onCommitted(final Job job, final Replica replica) {
            submit(ReplicaId.of(job.id(), replica.index()));
        }

        @Override
        public void onSubmitted(final Job job) {
            submissionsSeen.incrementAndGet();
            jobsInFlight = true;
            if (!draining && job.submitter().msp().equals(config.mspId())) {
                assigner.submit(() -> assign(job));
            }
        }

        @Override
        public void onReconnected() {
            reconcile();
        }
    }
}
