// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class InterimTxSeedSourceTest {
    @Test
    void the_seed_is_the_documented_hash_of_domain_tx_id_and_job_id() throws Exception {
        final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        final byte[] expected = sha256.digest("povm/assign/interim/v1\0tx-1\0job-1".getBytes(StandardCharsets.UTF_8));

        assertThat(new InterimTxSeedSource("tx-1").assignmentSeed("job-1")).isEqualTo(expected);
    }

    @Test
    void different_jobs_in_one_transaction_get_different_seeds() {
        final InterimTxSeedSource source = new InterimTxSeedSource("tx-1");
        assertThat(source.assignmentSeed("job-1")).isNotEqualTo(source.assignmentSeed("job-2"));
    }
}
