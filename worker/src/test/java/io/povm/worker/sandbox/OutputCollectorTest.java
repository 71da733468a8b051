// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {

    private static Frame frame(final StreamType type, final String payload) {
        return new Frame(type, payload.getBytes(UTF_8));
    }

    @Test
    void routes_stdout_and_stderr_frames_to_their_buffers() {
        final OutputCollector collector = new OutputCollector(SandboxPolicy.defaults());
        collector.onNext(frame(StreamType.STDOUT, "out1 "));
        collector.onNext(frame(StreamType.STDERR, "err"));
        collector.onNext(frame(StreamType.RAW, "out2"));
        collector.onNext(frame(StreamType.STDIN, "ignored"));

        assertThat(collector.stdout().toUtf8()).isEqualTo("out1 out2");
        assertThat(collector.stderr().toUtf8()).isEqualTo("err");
    }

    @Test
    void keeps_the_head_of_stdout_and_the_tail_of_stderr_within_the_policy() {
        final SandboxPolicy policy =
                SandboxPolicy.builder().stdoutLimitBytes(4).stderrTailBytes(4).build();
        final OutputCollector collector = new OutputCollector(policy);
        collector.onNext(frame(StreamType.STDOUT, "result-and-more"));
        collector.onNext(frame(StreamType.STDERR, "warning ... fatal"));

        assertThat(collector.stdout().toUtf8()).isEqualTo("resu");
        assertThat(collector.stdout().truncated()).isTrue();
        assertThat(collector.stderr().toUtf8()).isEqualTo("atal");
    }
}
