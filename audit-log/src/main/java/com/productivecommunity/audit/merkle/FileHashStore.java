package com.productivecommunity.audit.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored hashes in a scratch file (32 bytes per hash, at offset {@code 32 * index}), so a tree of
 * hundreds of millions of leaves costs disk, not heap. The offline verifier uses it for the
 * consistency proofs between tree heads. The file is deleted on {@link #close()}.
 */
public final class FileHashStore implements HashStore, AutoCloseable {

    private static final int BUFFERED_HASHES = 1 << 14;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFERED_HASHES * Hash.SIZE);
    private long flushed;

    private FileHashStore(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A new, empty store in a temporary file under {@code directory}. */
    public static FileHashStore createTemporary(Path directory) {
        try {
            Path file = Files.createTempFile(directory, "audit-hashes-", ".bin");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            return new FileHashStore(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for the hash tree in " + directory, e);
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return flushed + pending.position() / Hash.SIZE;
    }

    public void append(StoredHashes run) {
        if (run.firstIndex() != size()) {
            throw new IllegalArgumentException("run starts at stored index " + run.firstIndex()
                    + " but the store holds " + size() + " hashes");
        }
        byte[] scratch = new byte[Hash.SIZE];
        for (Hash hash : run.hashes()) {
            if (!pending.hasRemaining()) {
                flush();
            }
            hash.copyTo(scratch, 0);
            pending.put(scratch);
        }
    }

    @Override
    public List<Hash> readHashes(long[] indexes) {
        List<Hash> hashes = new ArrayList<>(indexes.length);
        ByteBuffer one = ByteBuffer.allocate(Hash.SIZE);
        for (long index : indexes) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("no stored hash at index " + index + " (store holds " + size() + ")");
            }
            if (index >= flushed) {
                hashes.add(Hash.of(pending.array(), (int) (index - flushed) * Hash.SIZE));
                continue;
            }
            one.clear();
            try {
                while (one.hasRemaining()) {
                    if (channel.read(one, index * Hash.SIZE + one.position()) < 0) {
                        throw new IOException("unexpected end of " + file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hashes.add(Hash.of(one.array(), 0));
        }
        return hashes;
    }

    private void flush() {
        int count = pending.position() / Hash.SIZE;
        pending.flip();
        try {
            long offset = flushed * Hash.SIZE;
            while (pending.hasRemaining()) {
                offset += channel.write(pending, offset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scratch hash file " + file, e);
        }
        flushed += count;
        pending.clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // DELETE_ON_CLOSE already removed it on every platform that supports it
            }
        }
    }
}
