// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/** Receives the attached stdout and stderr frames of one container into bounded buffers. */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
    private final BoundedBuffer stdout;
    private final BoundedBuffer stderr;

    OutputCollector(final SandboxPolicy policy) {
        this.stdout = BoundedBuffer.head(policy.stdoutLimitBytes());
        this.stderr = BoundedBuffer.tail(policy.stderrTailBytes());
    }

    @Override
    public void onNext(final Frame frame) {
        switch (frame.getStreamType()) {
            case STDOUT:
            case RAW:
                stdout.append(frame.getPayload());
                break;
            case STDERR:
                stderr.append(frame.getPayload());
                break;
            default:
                break;
        }
    }

    BoundedBuffer stdout() {
        return stdout;
    }

    BoundedBuffer stderr() {
        return stderr;
    }
}
