package procbook.mp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the items of an unbounded {@link Queue} wait when its ring in shared memory is full: a
 * file beside the ring, appended to by {@code put} and moved back into the ring by {@code get} as
 * room frees up, oldest first. Python's queue buffers such items in the putting process, so a
 * {@code put} never blocks; this keeps that promise while an item still travels the moment
 * {@code put} returns, even if its process exits.
 *
 * <p>Every call is made under the queue's internal lock; the two positions live in the queue's
 * shared memory, so every process sees the same file the same way. The file is emptied whenever
 * everything in it has moved to the ring.
 */
final class QueueOverflow {
    private final Path path;
    private final int written;
    private final int read;
    private FileChannel channel;

    /** The overflow of the queue whose shared memory keeps its positions at these offsets. */
    QueueOverflow(Path path, int writtenOffset, int readOffset) {
        this.path = path;
        this.written = writtenOffset;
        this.read = readOffset;
    }

    boolean hasItems(SharedMemory m) {
        return m.getLong(written) != m.getLong(read);
    }

    /** Appends one framed item (its ring header, then its bytes). */
    void add(SharedMemory m, byte[] frame, String queue) {
        long at = m.getLong(written);
        try {
            channel().write(ByteBuffer.wrap(frame), at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an item of queue '" + queue + "' waiting in " + path
                    + " while its ring is full: " + e.getMessage(), e);
        }
        m.setLong(written, at + frame.length);
    }

    /** The oldest framed item, whose length its header gives, without removing it. */
    byte[] peek(SharedMemory m, int headerLength, String queue) {
        long at = m.getLong(read);
        try {
            ByteBuffer head = ByteBuffer.allocate(headerLength);
            readFully(head, at);
            ByteBuffer frame = ByteBuffer.allocate(headerLength + head.getInt(0));
            readFully(frame, at);
            return frame.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an item of queue '" + queue + "' waiting in " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes the oldest item, of that many bytes framed; empties the file once all have moved out. */
    void drop(SharedMemory m, int frameLength) {
        long next = m.getLong(read) + frameLength;
        if (next == m.getLong(written)) {
            m.setLong(read, 0);
            m.setLong(written, 0);
            try {
                channel().truncate(0);
            } catch (IOException e) {
                // the next add overwrites it from the start anyway
            }
        } else {
            m.setLong(read, next);
        }
    }

    private void readFully(ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (channel().read(into, at + into.position()) < 0) {
                throw new IOException("the file ends before the item does");
            }
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }
}
