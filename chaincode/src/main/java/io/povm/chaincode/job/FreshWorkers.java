// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.Job;
import io.povm.api.Replica;
import io.povm.chaincode.assignment.Assigner;
import io.povm.chaincode.assignment.Assignment;
import io.povm.chaincode.assignment.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Draws workers that never held a replica of a job, for iterative redundancy's extra replicas and a dispute's
 * re-run: first from orgs that never held one (independent evidence), then, when those are too few, from any org
 * (still never the same worker twice). Each pass draws distinct orgs; the seed id is the job id and the new replica's
 * index, so each draw is distinct and every endorser draws alike.
 */
final class FreshWorkers {
    private FreshWorkers() {}

    /** @return up to {@code count} replicas for fresh workers, indexed after the job's last replica */
    static List<Replica> draw(final Job job, final ReplicaDraw draw, final int count) {
        final Set<String> heldBy =
                job.replicas().stream().map(Replica::workerKey).collect(Collectors.toSet());
        final Set<String> heldOrgs =
                job.replicas().stream().map(Replica::msp).collect(Collectors.toCollection(TreeSet::new));
        final List<Candidate> fresh = draw.eligible().stream()
                .filter(c -> !heldBy.contains(c.workerKey()))
                .toList();
        final List<Replica> drawn = new ArrayList<>();
        pass(job, draw, fresh, heldOrgs, count, drawn);
        if (drawn.size() < count) {
            final Set<String> taken = drawn.stream().map(Replica::workerKey).collect(Collectors.toSet());
            final Set<String> takenOrgs =
                    drawn.stream().map(Replica::msp).collect(Collectors.toCollection(TreeSet::new));
            final List<Candidate> rest =
                    fresh.stream().filter(c -> !taken.contains(c.workerKey())).toList();
            pass(job, draw, rest, takenOrgs, count - drawn.size(), drawn);
        }
        return drawn;
    }

    private static void pass(
            final Job job,
            final ReplicaDraw draw,
            final List<Candidate> candidates,
            final Set<String> excludedOrgs,
            final int wanted,
            final List<Replica> drawn) {
        if (wanted < 1 || candidates.isEmpty()) {
            return;
        }
        final int first = job.replicas().size() + drawn.size();
        final Assignment assignment = Assigner.assign(
                candidates, wanted, excludedOrgs, draw.seeds().assignmentSeed(ReplicaChange.replicaSeedId(job, first)));
        for (final Candidate worker : assignment.workers()) {
            drawn.add(draw.assign(job.replicas().size() + drawn.size(), worker));
        }
    }
}
