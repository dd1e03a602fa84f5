package procbook.mp;

import java.time.Duration;

/**
 * How a {@link Pipe}'s two ends talk: the layout of its shared memory and the ring protocol.
 *
 * <p>One file of {@link SharedMemory} holds, for each direction, a ring buffer of {@value #RING}
 * bytes with two counters — bytes written so far (moved only by the sender) and bytes read so far
 * (moved only by the receiver). Each side waits for the other by looking at the counter it does not
 * own ({@link Waiting}). It also records which process owns each end, and whether it was closed, so
 * that the reader of an empty ring can tell "nothing yet" from "nothing ever again".
 */
final class PipeRing {
    static final int RING = 512 * 1024;
    private static final int HEADER = 8;
    // Layout: owners and closed flags, then per direction a ring: written counter, read counter, bytes.
    private static final int OWNER1 = 0;
    private static final int OWNER2 = 4;
    private static final int CLOSED1 = 8;
    private static final int CLOSED2 = 12;
    private static final int RING_FROM_1 = 64;
    private static final int RING_FROM_2 = RING_FROM_1 + 128 + RING;
    private static final int WRITTEN = 0;  // the writer's counter, on its own cache line
    private static final int READ = 64;    // the reader's counter
    private static final int BYTES = 128;


    private PipeRing() {
    }

    /** The shared memory of a new pipe, both ends owned by this process. */
    static SharedMemory create() {
        SharedMemory m = SharedMemory.create("Pipe", RING_FROM_2 + 128 + RING);
        m.setInt(OWNER1, ThisProcess.PID);
        m.setInt(OWNER2, ThisProcess.PID);
        return m;
    }

    static int owner(int end) {
        return end == 1 ? OWNER1 : OWNER2;
    }

    static int closedFlag(int end) {
        return end == 1 ? CLOSED1 : CLOSED2;
    }

    // tag::write[]
    static void write(Connection c, int kind, byte[] bytes, int offset, int length) {
        SharedMemory m = c.memory();
        int ring = c.end() == 1 ? RING_FROM_1 : RING_FROM_2;
        int peer = 3 - c.end();
        byte[] header = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, (byte) kind, 0, 0, 0};
        long written = m.getLong(ring + WRITTEN);
        written = copyIn(c, m, ring, peer, written, header, 0, HEADER);
        written = copyIn(c, m, ring, peer, written, bytes, offset, length);
        if (Trace.ON) {
            Trace.mp(Trace.PIPE_SENT, "name", c.name(), "end", c.end(), "bytes", length); // before the reader can have it all
        }
        m.setLong(ring + WRITTEN, written); // publishes the message: the reader sees all of it, or none
    }
    // end::write[]

    private static long copyIn(Connection c, SharedMemory m, int ring, int peer, long written, byte[] src, int from, int length) {
        if (m.getInt(closedFlag(peer)) == 1) {
            throw new BrokenPipeException("cannot send on pipe '" + c.name() + "': the other end was closed");
        }
        Waiting waiting = null;
        while (length > 0) {
            long free = RING - (written - m.getLong(ring + READ));
            if (free == 0) {
                m.setLong(ring + WRITTEN, written); // let the reader have what is there, so it makes room
                if (waiting == null) {
                    waiting = Waiting.forever();
                }
                checkPeer(c, m, peer, waiting, true);
                waiting.pause();
                continue;
            }
            int at = (int) (written % RING);
            int n = (int) Math.min(Math.min(length, free), RING - at);
            m.put(ring + BYTES + at, src, from, n);
            written += n;
            from += n;
            length -= n;
        }
        return written;
    }

    static byte[] read(Connection c, int expectedKind) {
        SharedMemory m = c.memory();
        int peer = 3 - c.end();
        int ring = peer == 1 ? RING_FROM_1 : RING_FROM_2;
        byte[] header = new byte[HEADER];
        long read = m.getLong(ring + READ);
        read = copyOut(c, m, ring, peer, read, header, HEADER, true);
        int length = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
        byte[] bytes = new byte[length];
        read = copyOut(c, m, ring, peer, read, bytes, length, false);
        m.setLong(ring + READ, read);
        if (header[4] != expectedKind) {
            throw new IllegalStateException("the next message on pipe '" + c.name() + "' was sent with "
                    + (header[4] == 2 ? "sendBytes(), so receive it with recvBytes()" : "send(), so receive it with recv()")
                    + "; it has been consumed");
        }
        return bytes;
    }

    private static long copyOut(Connection c, SharedMemory m, int ring, int peer, long read, byte[] dst, int length, boolean atStart) {
        Waiting waiting = null;
        int from = 0;
        while (from < length) {
            long available = m.getLong(ring + WRITTEN) - read;
            if (available == 0) {
                m.setLong(ring + READ, read); // frees room for a message larger than the ring
                if (waiting == null) {
                    waiting = Waiting.forever();
                }
                if (peerGone(m, peer, waiting) && m.getLong(ring + WRITTEN) == read) {
                    throw new EndOfPipeException(atStart
                            ? "pipe '" + c.name() + "': " + goneWhy(m, peer) + ", and every message it sent has been received"
                            : "pipe '" + c.name() + "': " + goneWhy(m, peer) + " in the middle of a message");
                }
                waiting.pause();
                continue;
            }
            int at = (int) (read % RING);
            int n = (int) Math.min(Math.min(length - from, available), RING - at);
            m.get(ring + BYTES + at, dst, from, n);
            read += n;
            from += n;
        }
        return read;
    }

    /** Whether a message (or part of one) waits for {@code c}: one look at shared memory, no liveness check. */
    static boolean hasMessage(Connection c) {
        SharedMemory m = c.memory();
        int ring = c.end() == 1 ? RING_FROM_2 : RING_FROM_1;
        return m.getLong(ring + WRITTEN) != m.getLong(ring + READ);
    }

    static boolean readable(Connection c, Duration timeout) {
        SharedMemory m = c.memory();
        int peer = 3 - c.end();
        int ring = peer == 1 ? RING_FROM_1 : RING_FROM_2;
        Waiting waiting = Waiting.upTo(timeout);
        while (true) {
            if (readableNow(c, waiting.dueForCheck())) {
                return true;
            }
            if (waiting.timedOut()) {
                return timeout.isZero() && readableNow(c, true);
            }
            waiting.pause();
        }
    }

    /** True if a message or end of file waits in {@code c}; a dead peer counts only if {@code askLiveness} (a read of /proc). */
    static boolean readableNow(Connection c, boolean askLiveness) {
        SharedMemory m = c.memory();
        int peer = 3 - c.end();
        int ring = peer == 1 ? RING_FROM_1 : RING_FROM_2;
        return m.getLong(ring + WRITTEN) != m.getLong(ring + READ) || m.getInt(closedFlag(peer)) == 1
                || askLiveness && !Liveness.isAlive(m.getInt(owner(peer)));
    }

    /** True if the other end is closed, or (checked every few milliseconds) its process has died. */
    private static boolean peerGone(SharedMemory m, int peer, Waiting waiting) {
        return m.getInt(closedFlag(peer)) == 1 || waiting.dueForCheck() && !Liveness.isAlive(m.getInt(owner(peer)));
    }

    private static void checkPeer(Connection c, SharedMemory m, int peer, Waiting waiting, boolean sending) {
        if (peerGone(m, peer, waiting)) {
            throw new BrokenPipeException("cannot send on pipe '" + c.name() + "': " + goneWhy(m, peer)
                    + " and nobody reads the messages any more");
        }
    }

    private static String goneWhy(SharedMemory m, int peer) {
        return m.getInt(closedFlag(peer)) == 1 ? "the other end was closed"
                : "the process at the other end (pid " + m.getInt(owner(peer)) + ") has ended without closing it";
    }
}
