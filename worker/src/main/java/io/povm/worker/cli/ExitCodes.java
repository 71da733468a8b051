// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.cli;

/** The exit codes of {@code povm-worker}, for scripts and service managers; the help footer lists them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    /** The configuration is invalid; the message lists each key at fault. */
    public static final int CONFIG = 3;
    /** The configuration is fine but the machine refuses: data directory locked or unwritable, port taken. */
    public static final int ENVIRONMENT = 4;
    /** {@code status}: no daemon answered. */
    public static final int UNREACHABLE = 5;
    /** {@code status}: the daemon answered, but is DRAINING or DOWN. */
    public static final int NOT_UP = 6;

    private ExitCodes() {}
}
