// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import io.povm.worker.sandbox.ContainerRun;
import io.povm.worker.sandbox.ContainerSpec;
import io.povm.worker.sandbox.ImageNotFoundException;
import io.povm.worker.sandbox.SandboxException;
import io.povm.worker.sandbox.SandboxRunner;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link JobRequest}: the {@link ImageGate} first, then the inputs staged read-only at {@value #INPUT_DIR},
 * then the command in the sandbox under the request's limits, from the image id the gate accepted.
 *
 * <pre>{@code
 * ImageGate gate = new ImageGate(ImageLookup.of(engine), ImageRules.of(List.of("povm/*"), List.of()));
 * JobRunner runner = new JobRunner(gate, new SandboxRunner(engine), Path.of(System.getProperty("java.io.tmpdir")));
 * JobOutcome outcome = runner.run(request);
 * }</pre>
 */
public final class JobRunner {
    /** Where the inline inputs appear in the container, read-only; also in the variable {@value #INPUT_ENV}. */
    public static final String INPUT_DIR = "/povm/in";

    public static final String INPUT_ENV = "POVM_INPUTS";

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ImageGate gate;
    private final SandboxRunner sandbox;
    private final Path stagingDir;

    /**
     * @param stagingDir where input directories are created (and deleted); the engine must see it
     */
    public JobRunner(final ImageGate gate, final SandboxRunner sandbox, final Path stagingDir) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.stagingDir = Objects.requireNonNull(stagingDir, "stagingDir").toAbsolutePath();
    }

    /**
     * @throws JobException when the inputs cannot be staged or the engine fails; a refused image is an outcome
     */
    public JobOutcome run(final JobRequest request) {
        Objects.requireNonNull(request, "request");
        final GateDecision decision = gate.check(request.image());
        if (!decision.accepted()) {
            return JobOutcome.refused(decision);
        }
        final String imageId = decision.imageId().orElseThrow();
        final ContainerRun run;
        try (InputStage inputs = InputStage.write(stagingDir, request.inputs())) {
            final ContainerSpec spec = ContainerSpec.builder(imageId, request.command())
                    .env(request.env())
                    .env(INPUT_ENV, INPUT_DIR)
                    .readOnlyMount(INPUT_DIR, inputs.dir())
                    .build();
            run = sandbox.run(spec, request.limits());
        } catch (ImageNotFoundException e) {
            return JobOutcome.refused(GateDecision.refused(
                    RefusalReason.IMAGE_MISSING, "image " + imageId + " was removed after the gate accepted it"));
        } catch (SandboxException e) {
            throw new JobException(JobErrorCode.ENGINE_FAILURE, "could not run " + request.image() + ": " + e, e);
        }
        final JobOutcome outcome = JobOutcome.ran(
                decision, Measurements.of(run, request.limits()), CheckpointLog.parse(run.stdoutBytes()));
        LOG.info("job on {} finished: {}", request.image(), outcome);
        return outcome;
    }
}
