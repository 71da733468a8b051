package io.povm.client.cli;

import io.povm.api.Approval;
import io.povm.api.MemberProposal;
import io.povm.api.Members;
import io.povm.client.org.MembersClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The {@code povm org} subcommands: members, propose, approve, show. */
final class OrgCommands {
    private OrgCommands() {}

    @Command(
            name = "members",
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
