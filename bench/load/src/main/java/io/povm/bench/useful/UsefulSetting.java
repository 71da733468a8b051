// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.useful;

import io.povm.api.Redundancy;
import java.util.Locale;

/**
 * One P4 setting: jobs of about {@code seconds} of CPU each, under a redundancy, {@code jobs} of them submitted at once
 * so that the workers' slots stay full. Written {@code SECONDSs-REDUNDANCYxJOBS}, e.g. {@code 1s-k3x6}: {@code k1},
 * {@code k3} (k-vote over that many replicas) or {@code a3} (adaptive: one replica, three when spot-checked).
 */
public record UsefulSetting(double seconds, String redundancy, int jobs) {
    public UsefulSetting {
        if (!(seconds > 0 && seconds <= 300)) {
            throw new IllegalArgumentException("seconds must be more than 0 and at most 300; got " + seconds);
        }
        if (!redundancy.matches("[ka](1|3|5)")) {
            throw new IllegalArgumentException("redundancy must be k1, k3, k5, a3 or a5; got '" + redundancy + "'");
        }
        if (jobs < 1 || jobs > 200) {
            throw new IllegalArgumentException("jobs must be 1 to 200; got " + jobs);
        }
    }

    /** @return the setting {@code text} names, e.g. {@code 10s-k3x4} */
    public static UsefulSetting parse(final String text) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)s-([a-z][0-9])x([0-9]+)")
                .matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "a setting is SECONDSs-REDUNDANCYxJOBS, e.g. 1s-k3x6 or 10s-a3x4; got '" + text + "'");
        }
        return new UsefulSetting(Double.parseDouble(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
    }

    /** @return the setting's name without the job count, e.g. {@code 10s-k3} */
    public String name() {
        final String s = seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
        return String.format(Locale.ROOT, "%ss-%s", s, redundancy);
    }

    /** @return the redundancy the jobs are submitted with */
    public Redundancy toRedundancy() {
        final int replicas = redundancy.charAt(1) - '0';
        return redundancy.charAt(0) == 'k' ? Redundancy.kVote(replicas) : Redundancy.adaptive(replicas);
    }
}
