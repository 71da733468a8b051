// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Draws the workers of a job's replicas: k workers of k distinct orgs (fewer only when fewer orgs have an eligible
 * worker, and then it says so). A pure function of the eligible candidates, the excluded orgs and the seed: the
 * candidates are put in a stable order first, orgs are drawn by a partial Fisher-Yates shuffle and one worker per
 * drawn org uniformly, all with {@link SeededDraw}, so every endorser computes the same assignment.
 */
public final class Assigner {
    private Assigner() {}

    /**
     * @param eligible workers that may take a replica (any order, no duplicates)
     * @param replicas how many replicas need a worker, at least 1
     * @param excludedOrgs orgs that must not be drawn, e.g. the orgs already running this job's other replicas
     * @param seed the assignment seed, see {@link SeedSource}
     */
    public static Assignment assign(
            final Collection<Candidate> eligible,
            final int replicas,
            final Set<String> excludedOrgs,
            final byte[] seed) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        final Map<String, List<Candidate>> byOrg = eligible.stream()
                .filter(c -> !excludedOrgs.contains(c.msp()))
                .sorted(Candidate.ORDER)
                .collect(Collectors.groupingBy(Candidate::msp, TreeMap::new, Collectors.toList()));
        final List<String> orgs = new ArrayList<>(byOrg.keySet());
        final int drawn = Math.min(replicas, orgs.size());
        final SeededDraw draw = new SeededDraw(seed);
        final List<Candidate> workers = new ArrayList<>(drawn);
        for (int i = 0; i < drawn; i++) {
            final int j = i + (int) draw.below(orgs.size() - i);
            final String org = orgs.get(j);
            orgs.set(j, orgs.get(i));
            orgs.set(i, org);
            final List<Candidate> ofOrg = byOrg.get(org);
            workers.add(ofOrg.get((int) draw.below(ofOrg.size())));
        }
        return new Assignment(replicas, workers, drawn == replicas ? null : shortfall(replicas, byOrg, excludedOrgs));
    }

    private static String shortfall(
            final int replicas, final Map<String, List<Candidate>> byOrg, final Set<String> excludedOrgs) {
        final String which = byOrg.isEmpty() ? "none" : String.join(", ", byOrg.keySet());
        final String excluded = excludedOrgs.isEmpty() ? "" : "; excluded orgs: " + String.join(", ", excludedOrgs);
        return String.format(
                "only %d of %d replicas assigned: replicas need workers of distinct orgs and %d org(s) have an"
                        + " eligible worker (%s)%s",
                byOrg.size(), replicas, byOrg.size(), which, excluded);
    }
}
