/**
 * The {@code povm-worker} command line: {@code start} runs the daemon, {@code status} asks a running one. Commands
 * take their environment (variables, clock, daemon factory, stop signal) from {@link
 * io.povm.worker.cli.CliEnvironment}, so tests run them without a process.
 */
package io.povm.worker.cli;
