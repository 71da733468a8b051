// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The member organizations of the povm network, by MSP id: whom "a majority of orgs" is counted against. A majority
 * is {@code threshold = floor(n / 2) + 1} of the {@code n} members. Set once by {@code org:Bootstrap}; a majority of
 * the members adds another org ({@code org:ProposeMember}, {@code org:ApproveMember}).
 *
 * <pre>{@code
 * {"msps":["Org1MSP","Org2MSP","Org3MSP"],"threshold":2,"bootstrappedBy":{"msp":"Org1MSP","id":"x509::..."},
 *  "bootstrappedAt":"2026-11-20T10:00:00.123Z","bootstrapTxId":"3f1c..."}
 * }</pre>
 *
 * <p>The MSP ids are kept sorted, so the same set given in any order is stored as the same bytes.
 */
@JsonRootName("members")
@JsonPropertyOrder({"msps", "threshold", "bootstrappedBy", "bootstrappedAt", "bootstrapTxId"})
public final class Members {
    /** Most member orgs the registry holds. */
    public static final int MAX_MEMBERS = 32;

    static final String MSP_ID_ACCEPTED = "1 to 64 characters from A-Z a-z 0-9 . -";
    static final String LIST_ACCEPTED = "a JSON array of 1 to " + MAX_MEMBERS + " distinct MSP ids, e.g."
            + " [\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"]";

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    @JsonProperty("msps")
    private final List<String> msps;

    @JsonProperty("threshold")
    private final int threshold;

    @JsonProperty("bootstrappedBy")
    private final Submitter bootstrappedBy;

    @JsonProperty("bootstrappedAt")
    private final String bootstrappedAt;

    @JsonProperty("bootstrapTxId")
    private final String bootstrapTxId;

    /**
     * @param msps the member MSP ids, each once, in any order
     * @param bootstrappedBy the org admin who set them
     * @throws PovmException INVALID_ARGUMENT [msps] when the list breaks a rule of {@link #checkMspIds}
     */
    public Members(
            final Collection<String> msps,
            final Submitter bootstrappedBy,
            final String bootstrappedAt,
            final String bootstrapTxId) {
        this.msps = checkMspIds(msps, "msps");
        this.threshold = majorityOf(this.msps.size());
        this.bootstrappedBy = PovmException.requirePresent(bootstrappedBy, "bootstrappedBy", "who set the members");
        this.bootstrappedAt = PovmException.requirePresent(bootstrappedAt, "bootstrappedAt", "ISO-8601 UTC time");
        this.bootstrapTxId = PovmException.requirePresent(bootstrapTxId, "bootstrapTxId", "the transaction id");
    }

    @JsonCreator
    static Members fromJson(
            @JsonProperty("msps") final List<String> msps,
            @JsonProperty("threshold") final Integer threshold,
            @JsonProperty("bootstrappedBy") final Submitter bootstrappedBy,
            @JsonProperty("bootstrappedAt") final String bootstrappedAt,
            @JsonProperty("bootstrapTxId") final String bootstrapTxId) {
        final Members members = new Members(
                PovmException.requirePresent(msps, "msps", LIST_ACCEPTED),
                bootstrappedBy,
                bootstrappedAt,
                bootstrapTxId);
        if (threshold != null && threshold != members.threshold) {
            throw PovmException.invalid(
                    "threshold", "must be floor(n/2)+1 = " + members.threshold + " for " + members.size() + " members");
        }
        return members;
    }

    /** @return the votes a majority of {@code members} orgs needs: floor(members / 2) + 1 */
    public static int majorityOf(final int members) {
        return members / 2 + 1;
    }

    /**
     * Checks a list of member MSP ids: 1 to {@value #MAX_MEMBERS} entries, each {@value #MSP_ID_ACCEPTED}, none twice.
     *
     * @param field the field named in errors, e.g. {@code mspIds}; entries are named {@code field[i]}
     * @return the ids sorted
     * @throws PovmException INVALID_ARGUMENT naming the list or the entry that breaks a rule
     */
    public static List<String> checkMspIds(final Collection<String> given, final String field) {
        PovmException.requirePresent(given, field, LIST_ACCEPTED);
        if (given.isEmpty() || given.size() > MAX_MEMBERS) {
            throw PovmException.invalid(field, "has " + given.size() + " entries; must be " + LIST_ACCEPTED);
        }
        final List<String> ids = new ArrayList<>(given);
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            final String id = PovmException.requirePresent(ids.get(i), field + "[" + i + "]", MSP_ID_ACCEPTED);
            if (!MSP_ID.matcher(id).matches()) {
                throw PovmException.invalid(
                        field + "[" + i + "]", Quote.prefix(id) + " must be " + MSP_ID_ACCEPTED + ", e.g. Org1MSP");
            }
            if (!seen.add(id)) {
                throw PovmException.invalid(
                        field + "[" + i + "]", Quote.prefix(id) + " is listed twice; list each member org once");
            }
        }
        ids.sort(null);
        return List.copyOf(ids);
    }

    /**
     * @return these members and {@code msp}, with the same bootstrap record; the threshold follows the new count
     * @throws PovmException INVALID_ARGUMENT [msps] when {@code msp} is a member already or the list would be too long
     */
    public Members withMember(final String msp) {
        final List<String> next = new ArrayList<>(msps);
        next.add(msp);
        return new Members(next, bootstrappedBy, bootstrappedAt, bootstrapTxId);
    }

    /** @return the member MSP ids, sorted */
    public List<String> msps() {
        return msps;
    }

    public int size() {
        return msps.size();
    }

    /** @return the votes a majority needs: floor(n / 2) + 1 */
    public int threshold() {
        return threshold;
    }

    public boolean contains(final String msp) {
        return msps.contains(msp);
    }

    /** @return how many of the given MSP ids are members (others do not count) */
    public int countMembers(final Collection<String> candidates) {
        return (int) candidates.stream().distinct().filter(msps::contains).count();
    }

    public Submitter bootstrappedBy() {
        return bootstrappedBy;
    }

    public String bootstrappedAt() {
        return bootstrappedAt;
    }

    public String bootstrapTxId() {
        return bootstrapTxId;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Members)) {
            return false;
        }
        final Members that = (Members) other;
        return msps.equals(that.msps)
                && bootstrappedBy.equals(that.bootstrappedBy)
                && bootstrappedAt.equals(that.bootstrappedAt)
                && bootstrapTxId.equals(that.bootstrapTxId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msps, bootstrappedBy, bootstrappedAt, bootstrapTxId);
    }

    @Override
    public String toString() {
        return "Members{msps=" + msps + ", threshold=" + threshold + ", bootstrappedBy=" + bootstrappedBy.msp()
                + ", bootstrappedAt=" + bootstrappedAt + "}";
    }
}
