// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorMessageFormatTest {

    private static final PovmError IMAGE_ERROR = new PovmError(
            ErrorCode.INVALID_ARGUMENT, "image", "must be pinned by a sha256 digest: name@sha256:<64 lowercase hex>");

    @Test
    void formats_code_field_and_reason() {
        assertThat(IMAGE_ERROR.toMessage())
                .isEqualTo(
                        "INVALID_ARGUMENT [image] must be pinned by a sha256 digest: name@sha256:<64 lowercase hex>");
    }

    @Test
    void parses_its_own_message_back() {
        assertThat(PovmError.parse(IMAGE_ERROR.toMessage())).contains(IMAGE_ERROR);
    }

    @Test
    void finds_the_error_inside_a_wrapped_gateway_message() {
        final String wrapped = "io.grpc.StatusRuntimeException: ABORTED: failed to endorse transaction\n"
                + "peer0.org1.example.com:7051 (Org1MSP): chaincode response 500, " + IMAGE_ERROR.toMessage();

        assertThat(PovmError.parse(wrapped)).contains(IMAGE_ERROR);
    }

    @Test
    void keeps_brackets_inside_the_field() {
        final PovmError error = new PovmError(ErrorCode.INVALID_ARGUMENT, "command[2]", "must not be empty");

        assertThat(PovmError.parse("chaincode response 500, " + error.toMessage()))
                .contains(error);
    }

    @Test
    void parses_the_no_field_marker() {
        assertThat(PovmError.parse("INTERNAL [-] SubmitJob failed inside the chaincode"))
                .contains(
                        new PovmError(ErrorCode.INTERNAL, PovmError.NO_FIELD, "SubmitJob failed inside the chaincode"));
    }

    @Test
    void finds_nothing_in_text_without_an_error() {
        assertThat(PovmError.parse("ABORTED: failed to endorse transaction")).isEmpty();
        assertThat(PovmError.parse("NOT_AN_ERROR [x] y")).isEmpty();
        assertThat(PovmError.parse("xINTERNAL [x] y")).isEmpty();
        assertThat(PovmError.parse(null)).isEmpty();
    }

    @Test
    void round_trips_through_json() {
        final String json = PovmJson.write(IMAGE_ERROR);

        assertThat(json).startsWith("{\"code\":\"INVALID_ARGUMENT\",\"field\":\"image\",\"reason\":");
        assertThat(PovmJson.read(json, PovmError.class)).isEqualTo(IMAGE_ERROR);
    }

    @Test
    void gives_exceptions_the_error_as_message() {
        final PovmException exception = PovmException.notFound("id", "job 'x' does not exist");

        assertThat(exception.getMessage()).isEqualTo("NOT_FOUND [id] job 'x' does not exist");
        assertThat(exception.error().code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void rejects_a_field_with_spaces_so_the_text_form_stays_parseable() {
        assertThatThrownBy(() -> new PovmError(ErrorCode.INTERNAL, "two words", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
