/**
 * Runs one job command in a locked-down Docker container and reports what happened.
 *
 * <p>{@link io.povm.worker.sandbox.DockerEngine} is the connection to the engine, {@link
 * io.povm.worker.sandbox.SandboxPolicy} the resource and time limits, {@link
 * io.povm.worker.sandbox.SandboxRunner} the create-attach-start-wait-inspect-remove cycle, {@link
 * io.povm.worker.sandbox.CgroupUsage} the exact CPU and memory of each container from a parent cgroup made for it, and
 * {@link io.povm.worker.sandbox.ContainerRun} its outcome.
 *
 * <pre>{@code
 * try (DockerEngine engine = DockerEngine.fromEnvironment()) {
 *     engine.ping();
 *     SandboxRunner runner = new SandboxRunner(engine, Map.of("io.povm.org", "Org1"));
 *     ContainerRun run = runner.run("povm/base:bookworm", List.of("python3", "-c", "print(6 * 7)"),
 *             SandboxPolicy.defaults());
 *     if (run.succeeded()) {
 *         String result = run.stdout();
 *     }
 * }
 * }</pre>
 */
package io.povm.worker.sandbox;
