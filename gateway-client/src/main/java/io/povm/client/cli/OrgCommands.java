// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import io.povm.api.Approval;
import io.povm.api.ErrorCode;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.api.Operator;
import io.povm.api.OperatorList;
import io.povm.client.org.MembersClient;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code povm org} subcommands: members, propose, approve, show, add-operator, remove-operator, operators. */
final class OrgCommands {
    private OrgCommands() {}

    @Command(
            name = "members",
            header = "Show the member orgs and their majority.",
            mixinStandardHelpOptions = true,
            description = {"Show the member orgs and the majority that governance and the", "clock count."},
            footer = {"", "Examples:", "  povm org members", "  povm org members -o json"})
    static final class MemberList extends OrgClientCommand {
        MemberList(final CliContext context) {
            super(context);
        }

        @Override
        void run(final MembersClient members, final PrintWriter out) {
            print(members.members(), out, OrgCommands::members);
        }
    }

    /** A command that takes the MSP id of the org voted on. */
    abstract static class Vote extends OrgClientCommand {
        @Parameters(index = "0", paramLabel = "MSP", description = "The MSP id of the org to add, e.g. Org4MSP.")
        private String msp;

        Vote(final CliContext context) {
            super(context);
        }

        @Override
        final void run(final MembersClient members, final PrintWriter out) {
            print(vote(members, msp), out, OrgCommands::proposal);
        }

        abstract MemberProposal vote(MembersClient members, String msp);
    }

    @Command(
            name = "propose",
            header = "Propose an org as a member.",
            mixinStandardHelpOptions = true,
            description = {
                "Propose an org as a member (needs an org admin profile); your org's",
                "approval counts at once. Proposing it again as the same org shows the",
                "open proposal."
            },
            footer = {"", "Examples:", "  povm org propose Org4MSP --profile org1-admin"})
    static final class Propose extends Vote {
        Propose(final CliContext context) {
            super(context);
        }

        @Override
        MemberProposal vote(final MembersClient members, final String msp) {
            return members.propose(msp);
        }
    }

    @Command(
            name = "approve",
            header = "Approve adding an org for your org.",
            mixinStandardHelpOptions = true,
            description = {
                "Approve adding an org for your org (needs an org admin profile). The",
                "approval that reaches the majority of member orgs adds it."
            },
            footer = {"", "Examples:", "  povm org approve Org4MSP --profile org2-admin"})
    static final class Approve extends Vote {
        Approve(final CliContext context) {
            super(context);
        }

        @Override
        MemberProposal vote(final MembersClient members, final String msp) {
            return members.approve(msp);
        }
    }

    @Command(
            name = "show",
            header = "Show a proposal to add an org.",
            mixinStandardHelpOptions = true,
            description = {"Show the proposal to add an org: who proposed it, who approved, how", "many are needed."},
            footer = {"", "Examples:", "  povm org show Org4MSP", "  povm org show Org4MSP -o json"})
    static final class Show extends Vote {
        Show(final CliContext context) {
            super(context);
        }

        @Override
        MemberProposal vote(final MembersClient members, final String msp) {
            return members.proposal(msp);
        }
    }

    @Command(
            name = "add-operator",
            header = "Register an identity of your org as its operator.",
            mixinStandardHelpOptions = true,
            description = {
                "Register a client identity of your org as its operator (needs your",
                "org admin profile): the identity that ticks the multiparty clock and",
                "posts your org's beacon pieces, usually your worker daemon's. Other",
                "identities of the org, customers included, cannot. Registering it",
                "again shows the stored record."
            },
            footer = {
                "",
                "Examples:",
                "  povm org add-operator --profile org1-admin \\",
                "      --cert .run/crypto/.../User2@org1.povm.test-cert.pem"
            })
    static final class AddOperator extends OperatorChange {
        AddOperator(final CliContext context) {
            super(context);
        }

        @Override
        Operator change(final MembersClient members, final String certificatePem) {
            return members.registerOperator(certificatePem);
        }
    }

    @Command(
            name = "remove-operator",
            header = "Remove an operator of your org.",
            mixinStandardHelpOptions = true,
            description = {
                "Remove an operator of your org (needs your org admin profile); its",
                "ticks and beacon pieces are refused from the next transaction on."
            },
            footer = {"", "Examples:", "  povm org remove-operator --profile org1-admin --cert old-daemon-cert.pem"})
    static final class RemoveOperator extends OperatorChange {
        RemoveOperator(final CliContext context) {
            super(context);
        }

        @Override
        Operator change(final MembersClient members, final String certificatePem) {
            return members.removeOperator(certificatePem);
        }
    }

    /** A command that takes the operator identity's certificate. */
    abstract static class OperatorChange extends OrgClientCommand {
        @Option(
                names = "--cert",
                required = true,
                paramLabel = "PEM",
                description = "The identity's certificate, a PEM file (- for stdin).")
        private String certificate;

        OperatorChange(final CliContext context) {
            super(context);
        }

        @Override
        final void run(final MembersClient members, final PrintWriter out) {
            final String pem = CliFiles.read(spec(), context(), "--cert", certificate);
            print(change(members, pem), out, OrgCommands::operator);
        }

        abstract Operator change(MembersClient members, String certificatePem);

        @Override
        public Optional<String> hint(final ErrorCode code) {
            switch (code) {
                case FORBIDDEN:
                    return Optional.of("operators are named by the admin of their own org, e.g. --profile org1-admin");
                case NOT_FOUND:
                    return Optional.of("see your org's operators with: povm org operators MSP");
                default:
                    return super.hint(code);
            }
        }
    }

    @Command(
            name = "operators",
            header = "List an org's registered operators.",
            mixinStandardHelpOptions = true,
            description = {"List an org's registered operators (its admins act as operators", "without being listed)."},
            footer = {"", "Examples:", "  povm org operators Org1MSP", "  povm org operators Org1MSP -o json"})
    static final class Operators extends OrgClientCommand {
        @Parameters(index = "0", paramLabel = "MSP", description = "The org's MSP id, e.g. Org1MSP.")
        private String msp;

        Operators(final CliContext context) {
            super(context);
        }

        @Override
        void run(final MembersClient members, final PrintWriter out) {
            print(members.operators(msp), out, OrgCommands::operators);
        }
    }

    static void operator(final Operator operator, final PrintWriter out) {
        out.println("operator  " + operator.msp() + " " + operator.id());
        out.println("since     " + operator.at() + " (tx " + operator.txId() + ")");
    }

    static void operators(final OperatorList operators, final PrintWriter out) {
        if (operators.operators().isEmpty()) {
            out.println(operators.msp() + " has no registered operator; its admins act as operators");
            return;
        }
        for (Operator operator : operators.operators()) {
            out.println(operator.id() + "  since " + operator.at());
        }
    }

    static void members(final Members members, final PrintWriter out) {
        out.println("members   " + String.join(", ", members.msps()));
        out.println("majority  " + members.threshold() + " of " + members.size());
    }

    static void proposal(final MemberProposal proposal, final PrintWriter out) {
        out.println("org       " + proposal.msp() + " " + proposal.state());
        out.println("proposed  by " + proposal.proposer().msp() + " at " + proposal.proposedAt());
        out.println("approvals " + proposal.approvals().size() + " of " + proposal.threshold() + " needed");
        for (Approval approval : proposal.approvals()) {
            out.println("  " + approval.msp() + " at " + approval.at());
        }
        if (proposal.executed()) {
            out.println("executed  " + proposal.executedAt());
        }
    }
}
