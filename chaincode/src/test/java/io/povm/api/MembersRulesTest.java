// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembersRulesTest {
    private static final Submitter ADMIN = new Submitter("Org1MSP", "x509::admin");

    private static PovmError rejection(final String json) {
        final PovmException e = catchThrowableOfType(PovmException.class, () -> MspIdList.parse(json));
        assertThat(e).as(json).isNotNull();
        return e.error();
    }

    @ParameterizedTest(name = "{0} members need {1} votes")
    @CsvSource({"1,1", "2,2", "3,2", "4,3", "5,3", "32,17"})
    void a_majority_is_floor_of_half_plus_one(final int members, final int threshold) {
        assertThat(Members.majorityOf(members)).isEqualTo(threshold);
    }

    @Test
    void keeps_the_ids_sorted_so_any_order_stores_the_same_bytes() {
        final Members given = new Members(List.of("Org3MSP", "Org1MSP", "Org2MSP"), ADMIN, "t", "tx");
        final Members sorted = new Members(List.of("Org1MSP", "Org2MSP", "Org3MSP"), ADMIN, "t", "tx");

        assertThat(given.msps()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(PovmJson.write(given)).isEqualTo(PovmJson.write(sorted));
        assertThat(PovmJson.write(given))
                .isEqualTo("{\"msps\":[\"Org1MSP\",\"Org2MSP\",\"Org3MSP\"],\"threshold\":2,"
                        + "\"bootstrappedBy\":{\"msp\":\"Org1MSP\",\"id\":\"x509::admin\"},\"bootstrappedAt\":\"t\","
                        + "\"bootstrapTxId\":\"tx\"}");
    }

    @Test
    void reads_back_what_it_writes_and_checks_the_threshold() {
        final Members members = new Members(List.of("Org1MSP", "Org2MSP"), ADMIN, "t", "tx");

        assertThat(PovmJson.read(PovmJson.write(members), Members.class)).isEqualTo(members);
        final PovmException e = catchThrowableOfType(
                PovmException.class,
                () -> PovmJson.read(
                        PovmJson.write(members).replace("\"threshold\":2", "\"threshold\":1"), Members.class));
        assertThat(e.error().field()).isEqualTo("threshold");
    }

    @Test
    void counts_only_member_votes() {
        final Members members = new Members(List.of("Org1MSP", "Org2MSP", "Org3MSP"), ADMIN, "t", "tx");

        assertThat(members.countMembers(List.of("Org1MSP", "Org9MSP", "Org1MSP", "Org3MSP")))
                .isEqualTo(2);
    }

    @Test
    void parses_a_json_array_of_msp_ids() {
        assertThat(MspIdList.parse("[\"Org2MSP\",\"Org1MSP\"]").ids()).containsExactly("Org1MSP", "Org2MSP");
        assertThat(MspIdList.parse("[\"a.b-C9\"]").ids()).containsExactly("a.b-C9");
    }

    @Test
    void accepts_32_members_and_no_more() {
        final List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            ids.add("Org" + i + "MSP");
        }

        assertThat(MspIdList.of(ids.subList(0, 32)).ids()).hasSize(32);
        assertThat(catchThrowableOfType(PovmException.class, () -> MspIdList.of(ids))
                        .error()
                        .toMessage())
                .startsWith("INVALID_ARGUMENT [mspIds] has 33 entries; must be a JSON array of 1 to 32 distinct MSP"
                        + " ids");
    }

    @ParameterizedTest(name = "{0} is rejected at [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "[]|mspIds",
                "{}|mspIds",
                "\"Org1MSP\"|mspIds",
                "null|mspIds",
                "''|mspIds",
                "[\"Org1MSP\",\"Org 2\"]|mspIds[1]",
                "[\"Org1MSP\",\"\"]|mspIds[1]",
                "[\"Org1MSP\",null]|mspIds[1]",
                "[\"Org1MSP\",7]|mspIds[1]",
                "[\"Org1MSP\",\"Org1MSP\"]|mspIds[1]",
                "[\"Org/1\"]|mspIds[0]",
                "[\"Org1MSP\"]]|mspIds"
            })
    void rejects_a_bad_list_naming_the_entry(final String json, final String field) {
        final PovmError error = rejection(json);

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo(field);
    }

    @Test
    void rejects_an_id_longer_than_64_characters() {
        assertThat(rejection("[\"" + "O".repeat(65) + "\"]").toMessage())
                .startsWith("INVALID_ARGUMENT [mspIds[0]] '" + "O".repeat(Quote.MAX_CHARS)
                        + "…' must be 1 to 64 characters");
    }

    @Test
    void says_that_an_org_is_listed_twice() {
        assertThat(rejection("[\"Org1MSP\",\"Org2MSP\",\"Org1MSP\"]").toMessage())
                .isEqualTo("INVALID_ARGUMENT [mspIds[2]] 'Org1MSP' is listed twice; list each member org once");
    }
}
