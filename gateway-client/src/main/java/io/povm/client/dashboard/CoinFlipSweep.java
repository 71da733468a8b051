// SPDX-License-Identifier: Apache-2.0
package io.povm.client.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmException;
import io.povm.api.Redundancy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's "find the luckiest seed": one coin-flip job per seed of a range, each flipping until {@code k} heads
 * in a row, run by {@code replicas} workers of distinct orgs (k-vote redundancy).
 *
 * @param k heads in a row, 1 to {@value #MAX_K}
 * @param seedFrom first seed, 0 or more
 * @param seedTo last seed, at most {@value #MAX_JOBS} seeds after {@code seedFrom}
 * @param replicas replicas per job (the chaincode accepts an odd number from 1 to 15)
 */
record CoinFlipSweep(int k, long seedFrom, long seedTo, int replicas) {
    /** Largest k the dashboard submits: 2^(k+1) - 2 flips are expected, about 33 million at 24. */
    static final int MAX_K = 24;
    /** Most jobs one sweep submits. */
    static final int MAX_JOBS = 50;
    /** How long the workers have for each job. */
    static final Duration DEADLINE = Duration.ofHours(1);
    /** The coin flipper's entry point in the povm/coinflip image. */
    static final String COMMAND = "povm-coinflip";
    /** A checkpoint every this many flips at least; more for larger k, so that a job emits about 128. */
    private static final long MIN_CHECKPOINT_EVERY = 16;

    CoinFlipSweep {
        if (k < 1 || k > MAX_K) {
            throw new BadRequestException("k is " + k + "; must be from 1 to " + MAX_K);
        }
        if (seedFrom < 0 || seedTo < seedFrom) {
            throw new BadRequestException("seeds " + seedFrom + ".." + seedTo + ": need 0 <= seedFrom <= seedTo");
        }
        if (seedTo - seedFrom >= MAX_JOBS) {
            throw new BadRequestException("seeds " + seedFrom + ".." + seedTo + " are " + (seedTo - seedFrom + 1)
                    + " jobs; at most " + MAX_JOBS + " per sweep");
        }
    }

    /**
     * @param body {@code {"k":3,"seedFrom":1,"seedTo":5,"replicas":3}}
     * @throws BadRequestException naming the missing or wrong field
     */
    static CoinFlipSweep fromJson(final JsonNode body) {
        return new CoinFlipSweep((int) integer(body, "k"), integer(body, "seedFrom"), integer(body, "seedTo"), (int)
                integer(body, "replicas"));
    }

    private static long integer(final JsonNode body, final String field) {
        final JsonNode value = body.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new BadRequestException(field + " must be a whole number");
        }
        if (value.asLong() > Integer.MAX_VALUE || value.asLong() < Integer.MIN_VALUE) {
            throw new BadRequestException(field + " is out of range: " + value.asLong());
        }
        return value.asLong();
    }

    /**
     * @param image the coin-flip image, pinned by digest
     * @param sla the SLA the jobs run under, e.g. {@code standard@1}
     * @param idPrefix each job's id is this plus {@code -s<seed>}
     * @param now the deadline is {@link #DEADLINE} after it
     * @return one checked spec per seed, in seed order
     * @throws BadRequestException naming the field the chaincode would refuse
     */
    List<JobSpec> specs(final String image, final String sla, final String idPrefix, final Instant now) {
        final String deadline =
                now.plus(DEADLINE).truncatedTo(ChronoUnit.SECONDS).toString();
        final String every = Long.toString(Math.max(MIN_CHECKPOINT_EVERY, (1L << (k + 1)) / 128));
        final List<JobSpec> specs = new ArrayList<>();
        for (long seed = seedFrom; seed <= seedTo; seed++) {
            final String id = idPrefix + "-s" + seed;
            try {
                specs.add(JobSpecValidator.validate(JobSpec.builder(id)
                        .image(image)
                        .command(COMMAND)
                        .env(Map.of("SEED", Long.toString(seed), "K", Integer.toString(k), "CHECKPOINT_EVERY", every))
                        .sla(sla)
                        .redundancy(Redundancy.kVote(replicas))
                        .deadline(deadline)
                        .build()));
            } catch (PovmException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return specs;
    }
}
