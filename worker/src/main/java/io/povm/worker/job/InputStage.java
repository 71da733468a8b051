// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's inline inputs written to a fresh host directory, one file per input, for a read-only bind mount. The
 * directory is {@code 0755} and the files {@code 0644}, so the container's non-root user can read them and nobody
 * but the worker can change them. {@link #close()} deletes it all.
 *
 * <p>The engine must see the worker's file system (a local engine), as it does for every bind mount.
 */
final class InputStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InputStage.class);
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path dir;

    private InputStage(final Path dir) {
        this.dir = dir;
    }

    /**
     * @throws JobException {@link JobErrorCode#INPUT_STAGING_FAILED} when a file cannot be written
     */
    static InputStage write(final Path parent, final Map<String, byte[]> inputs) {
        final Path dir;
        try {
            dir = Files.createTempDirectory(parent, "povm-in-");
        } catch (IOException e) {
            throw new JobException(
                    JobErrorCode.INPUT_STAGING_FAILED, "could not create an input directory in " + parent, e);
        }
        final InputStage stage = new InputStage(dir);
        try {
            for (final Map.Entry<String, byte[]> input : inputs.entrySet()) {
                final Path file = dir.resolve(input.getKey());
                Files.write(file, input.getValue());
                Files.setPosixFilePermissions(file, FILE);
            }
            Files.setPosixFilePermissions(dir, DIR);
            return stage;
        } catch (IOException | UnsupportedOperationException e) {
            stage.close();
            throw new JobException(JobErrorCode.INPUT_STAGING_FAILED, "could not write the inputs to " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(InputStage::delete);
        } catch (IOException | UncheckedIOException e) {
            LOG.error("could not delete the input directory {}: {}", dir, e.toString());
        }
    }

    private static void delete(final Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
