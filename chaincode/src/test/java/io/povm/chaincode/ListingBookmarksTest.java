// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.sla.SlaContract;
import io.povm.chaincode.worker.WorkerContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every paged listing takes only a bookmark that a page of the same listing returned, as ListJobs does: a raw ledger
 * key, a key of another listing or any other text is INVALID_ARGUMENT [bookmark], never INTERNAL or an empty page.
 */
class ListingBookmarksTest {
    private final MockLedger ledger = new MockLedger();

    ListingBookmarksTest() {
        ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000worker\u0000Org1MSP\u0000w1\u0000",
                "\u0000job\u0000flip-1\u0000",
                "not a bookmark!",
                "\udbff\udfff",
                "AGpvYgBmbGlwLTEA" // base64url of the key of job flip-1: another listing's
            })
    void worker_list_refuses_a_bookmark_it_did_not_return(final String bookmark) {
        final PovmError error = errorOf(
                () -> new WorkerContract().List(ledger.as("Org1MSP", Identities.client(1)), "", "", "10", bookmark));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("bookmark");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000sla\u0000standard\u00001\u0000",
                "\u0000job\u0000flip-1\u0000",
                "not a bookmark!",
                "\udbff\udfff",
                "AGpvYgBmbGlwLTEA"
            })
    void sla_list_refuses_a_bookmark_it_did_not_return(final String bookmark) {
        final PovmError error =
                errorOf(() -> new SlaContract().List(ledger.as("Org1MSP", Identities.client(1)), "", "10", bookmark));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("bookmark");
    }

    @org.junit.jupiter.api.Test
    void the_job_key_bookmark_above_is_base64url_of_a_job_key() {
        assertThat(new String(Base64.getUrlDecoder().decode("AGpvYgBmbGlwLTEA"), StandardCharsets.UTF_8))
                .isEqualTo(ContractFixtures.JOB_KEY);
    }
}
