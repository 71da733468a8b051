// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static io.povm.chaincode.ChaincodeErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.ErrorCode;
import io.povm.api.PovmError;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.org.MemberLedger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** beacon:RegisterKey refuses anything but a P-256 point as INVALID_ARGUMENT [publicKey], never INTERNAL. */
class BeaconKeyRegistrationTest {
    private final MockLedger ledger = new MockLedger();

    BeaconKeyRegistrationTest() {
        ledger.put(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02", "04", "00", "0", "zz", "02" + "ff"})
    void a_key_that_is_not_a_p256_point_is_an_invalid_argument(final String publicKey) {
        final PovmError error =
                errorOf(() -> new BeaconContract().RegisterKey(ledger.as("Org1MSP", Identities.admin(1)), publicKey));

        assertThat(error.code()).as("%s", error).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("publicKey");
        assertThat(ledger.stateWrites()).isZero();
    }
}
