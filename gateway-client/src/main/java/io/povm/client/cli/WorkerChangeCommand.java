// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Worker;
import io.povm.api.WorkerKey;
import io.povm.client.worker.WorkerClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A command that moves one worker to another state: pause, resume, deregister, revoke. */
abstract class WorkerChangeCommand extends WorkerClientCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "MSP/NAME, or a NAME of the profile's org.")
    private String key;

    WorkerChangeCommand(final CliContext context) {
        super(context);
    }

    @Override
    final void prepare() {
        checkKey(key);
    }

    @Override
    final void run(final WorkerSession session, final PrintWriter out) {
        final Worker worker = change(session.workers(), resolve(key, session));
        if (common().output() == OutputFormat.JSON) {
            printJson(worker, out);
        } else {
            WorkerTable.detail(worker, out);
        }
    }

    abstract Worker change(WorkerClient workers, WorkerKey key);

    @Command(
            name = "pause",
            header = "Pause a worker: it takes no new work.",
            mixinStandardHelpOptions = true,
            description = {
                "Pause a worker: it takes no new work.",
                "As the worker itself or an admin of its org; ACTIVE → PAUSED."
            },
            footer = {
                "",
                "Examples:",
                "  povm worker pause w1 --profile org1-user2",
                "  povm worker pause Org1MSP/w1 --profile org1-admin"
            })
    static final class Pause extends WorkerChangeCommand {
        Pause(final CliContext context) {
            super(context);
        }

        @Override
        Worker change(final WorkerClient workers, final WorkerKey key) {
            return workers.pause(key);
        }
    }

    @Command(
            name = "resume",
            header = "Resume a paused worker.",
            mixinStandardHelpOptions = true,
            description = {"Resume a paused worker.", "As the worker itself or an admin of its org; PAUSED → ACTIVE."},
            footer = {"", "Examples:", "  povm worker resume w1 --profile org1-user2"})
    static final class Resume extends WorkerChangeCommand {
        Resume(final CliContext context) {
            super(context);
        }

        @Override
        Worker change(final WorkerClient workers, final WorkerKey key) {
            return workers.resume(key);
        }
    }

    @Command(
            name = "deregister",
            header = "Deregister a worker for good.",
            mixinStandardHelpOptions = true,
            description = {
                "Deregister a worker for good, as itself or its org admin.",
                "DEREGISTERED is terminal: the identity cannot be registered again."
            },
            footer = {"", "Examples:", "  povm worker deregister w1 --profile org1-user2"})
    static final class Deregister extends WorkerChangeCommand {
        Deregister(final CliContext context) {
            super(context);
        }

        @Override
        Worker change(final WorkerClient workers, final WorkerKey key) {
            return workers.deregister(key);
        }
    }

    @Command(
            name = "revoke",
            header = "Revoke a worker of your own org for good.",
            mixinStandardHelpOptions = true,
            description = {
                "Revoke a worker of your own org for good, as its org admin.",
                "E.g. when its key is compromised. REVOKED is terminal; an admin of",
                "another org can never revoke it."
            },
            footer = {"", "Examples:", "  povm worker revoke Org1MSP/w1 --profile org1-admin"})
    static final class Revoke extends WorkerChangeCommand {
        Revoke(final CliContext context) {
            super(context);
        }

        @Override
        Worker change(final WorkerClient workers, final WorkerKey key) {
            return workers.revoke(key);
        }
    }
}
