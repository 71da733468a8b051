// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.job;

import io.povm.api.JobSpec;
import io.povm.api.JobSpecValidator;
import io.povm.api.PovmError;
import io.povm.api.PovmException;
import io.povm.api.PovmJson;
import io.povm.api.PovmTransactions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The specs argument of {@code SubmitJobs}: a JSON array of 1 to {@value PovmTransactions#MAX_BATCH} job specs, at
 * most {@value PovmTransactions#MAX_BATCH_BYTES} bytes, each checked as {@code SubmitJob} checks its one spec, with
 * distinct ids. Errors name the element: {@code specs[2].deadline}.
 */
public final class JobBatchSpecs {
    static final String FIELD = "specs";

    private JobBatchSpecs() {}

    /** @return how errors name a field of the spec at {@code index}: {@code specs[index].} */
    public static String prefix(final int index) {
        return FIELD + "[" + index + "].";
    }

    /** @throws PovmException INVALID_ARGUMENT naming the batch, the element or its field */
    public static List<JobSpec> parse(final String specsJson) {
        PovmException.requirePresent(specsJson, FIELD, "a JSON array of job specs");
        final int bytes = specsJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PovmTransactions.MAX_BATCH_BYTES) {
            throw PovmException.invalid(
                    FIELD, "is " + bytes + " bytes; at most " + PovmTransactions.MAX_BATCH_BYTES + " bytes (1 MiB)");
        }
        final List<JobSpec> specs = PovmJson.readList(specsJson, JobSpec.class, FIELD);
        if (specs.isEmpty() || specs.size() > PovmTransactions.MAX_BATCH) {
            throw PovmException.invalid(
                    FIELD,
                    "holds " + specs.size() + " specs; a batch holds 1 to " + PovmTransactions.MAX_BATCH
                            + " (submit more in several batches)");
        }
        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            final JobSpec spec = validate(specs.get(i), i);
            final Integer first = seen.putIfAbsent(spec.id(), i);
            if (first != null) {
                throw PovmException.invalid(
                        prefix(i) + "id",
                        "job " + spec.id() + " is also " + FIELD + "[" + first + "]; each job of a batch needs its own"
                                + " id");
            }
        }
        return specs;
    }

    private static JobSpec validate(final JobSpec spec, final int index) {
        return naming(prefix(index), () -> {
            JobSpecValidator.checkSize(PovmJson.write(spec));
            return JobSpecValidator.validate(spec);
        });
    }

    /**
     * Runs a step of one spec, naming that spec in its refusal: {@code deadline} becomes {@code specs[2].deadline}, the
     * whole spec {@code specs[2]}. An empty prefix (SubmitJob's one spec) leaves the error as it is.
     */
    public static <T> T naming(final String prefix, final Supplier<T> step) {
        try {
            return step.get();
        } catch (PovmException e) {
            if (prefix.isEmpty()) {
                throw e;
            }
            final PovmError error = e.error();
            final String whole = prefix.substring(0, prefix.length() - 1);
            final String field = "spec".equals(error.field()) || PovmError.NO_FIELD.equals(error.field())
                    ? whole
                    : prefix + error.field();
            throw new PovmException(new PovmError(error.code(), field, error.reason()), e);
        }
    }
}
