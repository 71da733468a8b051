// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

/**
 * Marks a leaf command whose output is the progress of processes it starts or stops, for people ({@code network up},
 * {@code worker start}), rather than data. Every other leaf command prints data and takes {@code -o json}: {@code
 * CommandTreeTest} walks the whole command tree and fails for a leaf that neither takes {@code -o} nor carries this
 * mark, so a new command cannot forget either. Public so that a command of another package (e.g. a dashboard
 * server) can carry it.
 */
public interface PlainOutputCommand {}
