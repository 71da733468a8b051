// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.journal;

import io.povm.worker.journal.JournalException.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's file: held under an exclusive lock ({@code <file>.lock}) while open, appended with {@code
 * fdatasync} before each append returns, rewritten atomically (temp file, sync, rename, sync directory).
 */
final class JournalFile implements AutoCloseable {
    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;

    private JournalFile(final Path path, final FileChannel lockChannel, final FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Locks the journal, creating its directory if needed; does not open the file itself yet. */
    static JournalFile lock(final Path path) {
        final Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw locked(lockPath, null);
            }
            return new JournalFile(path, lockChannel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(lockChannel);
            throw locked(lockPath, e);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new JournalException(Code.IO, "cannot lock " + lockPath + ": " + e.getMessage(), e);
        }
    }

    /** A complete line is one ending in a newline; what follows the last newline is a torn write. */
    static final class Contents {
        final List<String> lines;
        final long completeBytes;
        final int tornBytes;

        Contents(final List<String> lines, final long completeBytes, final int tornBytes) {
            this.lines = lines;
            this.completeBytes = completeBytes;
            this.tornBytes = tornBytes;
        }
    }

    Contents read() {
        if (!Files.exists(path)) {
            return new Contents(List.of(), 0, 0);
        }
        try {
            final byte[] bytes = Files.readAllBytes(path);
            final List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return new Contents(lines, start, bytes.length - start);
        } catch (IOException e) {
            throw new JournalException(Code.IO, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens the file for appending, first cutting it to {@code size} bytes (dropping a torn last line). */
    void openForAppend(final long size) {
        try {
            final boolean created = !Files.exists(path);
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.size() > size) {
                channel.truncate(size);
                channel.force(true);
            }
            if (created) {
                syncDirectory();
            }
        } catch (IOException e) {
            throw new JournalException(Code.IO, "cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** Appends the bytes and syncs them to the device; on failure cuts the file back so no half line stays. */
    void append(final String line) throws IOException {
        final ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        final long before = channel.size();
        try {
            long position = before;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            channel.truncate(before);
            throw e;
        }
    }

    /** Replaces the whole file with these lines, atomically. Only before {@link #openForAppend}. */
    void rewrite(final List<String> lines) {
        final Path tmp = path.resolveSibling(path.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (String line : lines) {
                final ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        } catch (IOException e) {
            throw new JournalException(Code.IO, "cannot write " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (AtomicMoveNotSupportedException e) {
            throw new JournalException(Code.IO, "cannot replace " + path + " atomically on this file system", e);
        } catch (IOException e) {
            throw new JournalException(Code.IO, "cannot replace " + path + ": " + e.getMessage(), e);
        }
    }

    long size() throws IOException {
        return channel.size();
    }

    Path path() {
        return path;
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static JournalException locked(final Path lockPath, final Throwable cause) {
        return new JournalException(
                Code.LOCKED,
                lockPath + " is held by another worker: two daemons must not share a data directory",
                cause);
    }

    private static void closeQuietly(final FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
