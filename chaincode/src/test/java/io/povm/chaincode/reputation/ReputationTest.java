package io.povm.chaincode.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.WorkerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReputationTest {
    @ParameterizedTest(name = "{0} results and {1} timeouts meet the floor: {2}")
    @CsvSource({"0,0,true", "0,2,true", "0,3,false", "10,32,true", "10,33,false", "1,5,true", "1,6,false"})
    void the_floor_is_a_laplace_score_of_one_quarter(final long results, final long timeouts, final boolean meets) {
        final WorkerRecord record = new WorkerRecord("Org1MSP/w1", results, timeouts, 7);

        assertThat(Reputation.meetsFloor(record)).isEqualTo(meets);
    }
}
