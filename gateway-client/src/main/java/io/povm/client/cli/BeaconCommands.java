// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.beacon.BeaconConfig;
import io.povm.api.beacon.RoundView;
import io.povm.client.PovmClientException;
import io.povm.client.beacon.BeaconClient;
import io.povm.client.beacon.BeaconKeyFile;
import io.povm.client.beacon.RoundSummary;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The leaf commands of {@code povm beacon} and {@code povm lottery}. */
final class BeaconCommands {
    private BeaconCommands() {}

    static RoundView roundOrLatest(final BeaconClient beacon, final Long round) {
        if (round != null) {
            return beacon.round(round);
        }
        return beacon.latest()
                .orElseThrow(() -> PovmClientException.rejected(
                        new io.povm.api.PovmError(
                                io.povm.api.ErrorCode.NOT_FOUND, "round", "no beacon round has been opened yet"),
                        null));
    }

    @Command(
            name = "show",
            header = "Show a beacon round and what it waits for.",
            mixinStandardHelpOptions = true,
            description = {
                "Show a beacon round (default: the latest): its phase and what it waits for,",
                "each org's pieces, the seed, strikes and lottery winners."
            },
            footer = {"", "Examples:", "  povm beacon show", "  povm beacon show 4 -o json"})
    static final class Show extends BeaconClientCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ROUND", description = "the round (default: latest)")
        private Long round;

        Show(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            print(roundOrLatest(beacon, round), out, BeaconTable::round);
        }
    }

    @Command(
            name = "verify",
            header = "Recompute a closed round from the ledger's pieces.",
            mixinStandardHelpOptions = true,
            description = {
                "Recompute a closed round here from the ledger's pieces alone (complaints,",
                "reveals checked against C_0, recovery shares against the Feldman commitments,",
                "Lagrange recovery, seed, strikes, lottery draw) and compare with what is stored.",
                "Exits 7 when the round does not verify."
            },
            footer = {"", "Examples:", "  povm beacon verify 4", "  povm beacon verify 4 -o json"})
    static final class Verify extends BeaconClientCommand {
        @Parameters(index = "0", paramLabel = "ROUND", description = "the round")
        private long round;

        private boolean verified = true;

        Verify(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            final RoundView view = beacon.round(round);
            final List<String> differences = beacon.verifyOffline(view);
            verified = differences.isEmpty();
            final Map<String, Object> report = new LinkedHashMap<>();
            report.put("round", round);
            report.put("verified", verified);
            report.put("seed", view.result() == null ? null : view.result().seed());
            report.put("differences", differences);
            print(report, out, (r, o) -> {
                if (verified) {
                    o.printf(
                            "round %d verifies: seed %s, %d contributions, %d strikes, %d winners%n",
                            round,
                            view.result().seed(),
                            view.result().contributions().size(),
                            view.result().strikes().size(),
                            view.result().lottery().winners().size());
                } else {
                    o.printf("round %d DOES NOT VERIFY:%n", round);
                    differences.forEach(d -> o.println("  " + d));
                }
                o.flush();
            });
        }

        @Override
        int exitCode() {
            return verified ? ExitCodes.OK : ExitCodes.NOT_VERIFIED;
        }
    }

    @Command(
            name = "keygen",
            header = "Create an org's beacon key file.",
            mixinStandardHelpOptions = true,
            description = {
                "Create an org's beacon key file (a P-256 private scalar, mode 0600) unless it",
                "exists, and print its public key. No network needed."
            },
            footer = {"", "Examples:", "  povm beacon keygen --key-file .run/beacon/org1.key"})
    static final class Keygen implements Callable<Integer>, PlainOutputCommand {
        @Spec
        private CommandSpec spec;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        private boolean debug;

        @Option(names = "--key-file", required = true, description = "where the private key is (or is created)")
        private Path keyFile;

        @Override
        public Integer call() {
            final BigInteger key = BeaconKeyFile.createIfAbsent(keyFile);
            spec.commandLine().getOut().println(BeaconKeyFile.publicKey(key));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "register-key",
            header = "Register or rotate your org's beacon public key.",
            mixinStandardHelpOptions = true,
            description = {
                "Register (or rotate) your org's beacon public key; an org admin's profile.",
                "Rounds opened afterwards use it."
            },
            footer = {"", "Examples:", "  povm beacon register-key --key-file .run/beacon/org1.key --profile org1-admin"
            })
    static final class RegisterKey extends BeaconClientCommand {
        @Option(names = "--key-file", required = true, description = "the org's beacon private key file")
        private Path keyFile;

        RegisterKey(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            final String publicKey = BeaconKeyFile.publicKey(BeaconKeyFile.read(keyFile));
            print(beacon.registerKey(publicKey), out, (k, o) -> {
                o.printf("registered beacon key of %s: %s%n", k.msp(), k.publicKey());
                o.flush();
            });
        }
    }

    @Command(
            name = "strikes",
            header = "List the rounds an org was struck in.",
            mixinStandardHelpOptions = true,
            description = {
                "List an org's strikes: rounds it was absent from, withheld its secret in, or",
                "dealt a bad share in. Its workers dropped out of those rounds' lotteries."
            },
            footer = {"", "Examples:", "  povm beacon strikes Org3MSP", "  povm beacon strikes Org3MSP -o json"})
    static final class Strikes extends BeaconClientCommand {
        @Parameters(index = "0", paramLabel = "MSP", description = "the org's MSP id")
        private String msp;

        Strikes(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            print(beacon.strikes(msp), out, (list, o) -> {
                if (list.isEmpty()) {
                    o.printf("%s has no strikes%n", msp);
                }
                list.forEach(s -> o.println("round " + s));
                o.flush();
            });
        }
    }

    @Command(
            name = "config",
            header = "Show the beacon's parameters or propose a change.",
            mixinStandardHelpOptions = true,
            description = {
                "Show the beacon's governance parameters, or propose a change (an org admin;",
                "in force once a majority of member org admins approved it)."
            },
            footer = {
                "",
                "Examples:",
                "  povm beacon config",
                "  povm beacon config -o json",
                "  povm beacon config --propose fast-rounds --phase-seconds 10 --profile org1-admin",
                "  povm beacon config --approve fast-rounds --profile org2-admin"
            })
    static final class Config extends BeaconClientCommand {
        @Option(
                names = "--propose",
                paramLabel = "ID",
                description = "propose the current config with the changes below")
        private String propose;

        @Option(names = "--approve", paramLabel = "ID", description = "approve a proposal")
        private String approve;

        @Option(names = "--phase-seconds")
        private Integer phaseSeconds;

        @Option(names = "--cadence-seconds")
        private Integer cadenceSeconds;

        @Option(names = "--reward")
        private Long reward;

        @Option(names = "--winners")
        private Integer winners;

        @Option(names = "--tickets", description = "povm or cloudpos")
        private String tickets;

        @Option(names = "--assignment", description = "beacon or interim")
        private String assignment;

        @Option(names = "--audit", paramLabel = "NUM/DEN", description = "audit probability, e.g. 1/10")
        private String audit;

        Config(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            if (approve != null) {
                out.println(beacon.approveConfig(approve));
            } else if (propose != null) {
                out.println(beacon.proposeConfig(propose, changed(beacon.config())));
            } else {
                print(beacon.config(), out, (c, o) -> o.println(io.povm.api.PovmJson.write(c)));
            }
            out.flush();
        }

        private BeaconConfig changed(final BeaconConfig c) {
            long num = c.auditNum();
            long den = c.auditDen();
            if (audit != null) {
                final String[] parts = audit.split("/", 2);
                try {
                    num = Long.parseLong(parts[0].trim());
                    den = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1;
                } catch (NumberFormatException e) {
                    throw new picocli.CommandLine.ParameterException(
                            spec().commandLine(), "--audit must be NUM/DEN, e.g. 1/10; got " + audit);
                }
            }
            final long auditNum = num;
            final long auditDen = den;
            return io.povm.client.Replies.checked(() -> new BeaconConfig(
                    phaseSeconds != null ? phaseSeconds : c.phaseSeconds(),
                    cadenceSeconds != null ? cadenceSeconds : c.cadenceSeconds(),
                    reward != null ? reward : c.reward(),
                    winners != null ? winners : c.winners(),
                    tickets != null ? tickets : c.tickets(),
                    c.gammaPermille(),
                    c.heartbeatSeconds(),
                    auditNum,
                    auditDen,
                    assignment != null ? assignment : c.assignment()));
        }
    }

    @Command(
            name = "show",
            header = "Explain and recompute a round's lottery.",
            mixinStandardHelpOptions = true,
            description = {
                "Explain a round's lottery from ledger data alone: the frozen tickets, who was",
                "excluded and why, the seed, each draw's x and the range it fell in, the winner",
                "and the reward; recomputed here and compared with what is stored."
            },
            footer = {"", "Examples:", "  povm lottery show 4", "  povm lottery show -o json"})
    static final class LotteryShow extends BeaconClientCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ROUND", description = "the round (default: latest)")
        private Long round;

        LotteryShow(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            final RoundView view = roundOrLatest(beacon, round);
            final List<String> tickets = beacon.recountTickets(view);
            final List<String> draw = view.result() == null ? List.of() : beacon.verifyOffline(view);
            final List<String> differences = new ArrayList<>(tickets);
            differences.addAll(draw);
            if (common().output() == OutputFormat.JSON) {
                final Map<String, Object> report = new LinkedHashMap<>();
                report.put("round", view.round());
                report.put("phase", view.phase());
                report.put("tickets", view.header().tickets());
                report.put("snapshotHash", view.header().snapshotHash());
                report.put(
                        "lottery", view.result() == null ? null : view.result().lottery());
                report.put("seed", view.result() == null ? null : view.result().seed());
                report.put("verified", view.result() != null && differences.isEmpty());
                report.put("differences", differences);
                printJson(report, out);
            } else {
                BeaconTable.lottery(view, tickets, draw, out);
            }
        }
    }

    @Command(
            name = "history",
            header = "List the latest rounds' lottery winners.",
            mixinStandardHelpOptions = true,
            description = {"List the latest rounds' lottery winners, newest first."},
            footer = {"", "Examples:", "  povm lottery history", "  povm lottery history --last 20 -o json"})
    static final class LotteryHistory extends BeaconClientCommand {
        @Option(names = "--last", defaultValue = "10", description = "how many rounds (default: ${DEFAULT-VALUE})")
        private int last;

        LotteryHistory(final CliContext context) {
            super(context);
        }

        @Override
        void run(final BeaconClient beacon, final PrintWriter out) {
            final List<RoundSummary> rounds = RoundSummary.latest(beacon, last);
            print(Map.of("rounds", rounds), out, (report, o) -> {
                if (rounds.isEmpty()) {
                    o.println("no beacon round has been opened yet");
                }
                o.printf("%-6s %-9s %-24s %-12s %s%n", "ROUND", "PHASE", "CLOSED", "TICKETS", "WINNERS");
                for (final RoundSummary round : rounds) {
                    o.printf(
                            "%-6s %-9s %-24s %-12s %s%n",
                            round.round(),
                            round.phase(),
                            round.closedAt() == null ? "-" : round.closedAt(),
                            round.tickets(),
                            round.winners().isEmpty()
                                    ? "-"
                                    : String.join(
                                            ", ",
                                            round.winners().stream()
                                                    .map(w -> w.workerKey() + " +" + w.amount())
                                                    .toList()));
                }
                o.flush();
            });
        }
    }
}
