package procbook.mp;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One end of a {@link Pipe}: it sends messages to the other end and receives theirs, each message
 * whole and in order. Python's {@code multiprocessing.connection.Connection}.
 *
 * <p>How it works: for each direction, a ring buffer in {@link SharedMemory}, written by one end
 * and read by the other. The writer copies a message in and then moves the ring's "written" mark;
 * the reader copies it out and moves the "read" mark. A message larger than the ring streams
 * through it in pieces. No system call per message, no thread.
 *
 * <p>An end belongs to one process at a time. Handing it to a child (as a {@link Process}
 * argument) gives it to that child: the parent's copy then refuses to send or receive, and
 * closing it is harmless — where Python's parent must remember to close its copy, or never see
 * end of file. When the process owning the other end closes it, ends normally, or dies, this end
 * sees end of file after the last message: {@link EndOfPipeException}, never a hang.
 */
public final class Connection implements Serializable, Waitable, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final int MESSAGE_OBJECT = 1;
    private static final int MESSAGE_BYTES = 2;
    private static final List<Connection> ownedHere = new ArrayList<>();
    private static boolean closeAtEnd;

    private final String file;
    private final String name;
    private final int end; // 1 or 2
    private final boolean canSend;
    private final boolean canReceive;
    private transient SharedMemory memory;
    private transient Object sending;
    private transient Object receiving;
    private transient boolean closed;

    Connection(SharedMemory memory, String name, int end, boolean canSend, boolean canReceive) {
        this.memory = memory;
        this.file = memory.path.toString();
        this.name = name;
        this.end = end;
        this.canSend = canSend;
        this.canReceive = canReceive;
        this.sending = new Object();
        this.receiving = new Object();
        ownHere(this);
    }

    // ---- sending ----

    /** Sends a value: a string, a number, null, or any {@link Serializable} object; the other end gets a copy. */
    public void send(Object value) {
        requireUsable("send", canSend, "receive-only");
        byte[] bytes = Values.encode(value, "cannot send on pipe '" + name + "'", "the value");
        synchronized (sending) {
            PipeRing.write(this, MESSAGE_OBJECT, bytes, 0, bytes.length);
        }
    }

    /** Sends bytes as one message; the other end receives exactly these bytes with {@link #recvBytes()}. */
    public void sendBytes(byte[] bytes) {
        sendBytes(bytes, 0, bytes.length);
    }

    /** Sends {@code length} bytes of {@code bytes} from {@code offset} as one message. */
    public void sendBytes(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("sendBytes(bytes, " + offset + ", " + length + ") on " + bytes.length
                    + " bytes: the offset and length must lie within the array");
        }
        requireUsable("sendBytes", canSend, "receive-only");
        synchronized (sending) {
            PipeRing.write(this, MESSAGE_BYTES, bytes, offset, length);
        }
    }

    // ---- receiving ----

    /**
     * Waits for the next message and returns the value sent. Throws {@link EndOfPipeException}
     * once the other end is closed (or its process gone) and every message has been received.
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() {
        requireUsable("recv", canReceive, "send-only");
        byte[] bytes;
        synchronized (receiving) {
            bytes = PipeRing.read(this, MESSAGE_OBJECT);
        }
        Object value = Values.decode(bytes);
        if (Trace.ON) {
            Trace.mp(Trace.PIPE_RECEIVED, "name", name, "end", end);
        }
        return (T) value;
    }

    /** Waits for the next message sent with {@link #sendBytes} and returns its bytes. */
    public byte[] recvBytes() {
        requireUsable("recvBytes", canReceive, "send-only");
        byte[] bytes;
        synchronized (receiving) {
            bytes = PipeRing.read(this, MESSAGE_BYTES);
        }
        if (Trace.ON) {
            Trace.mp(Trace.PIPE_RECEIVED, "name", name, "end", end, "bytes", bytes.length);
        }
        return bytes;
    }

    /**
     * Receives the next message sent with {@link #sendBytes} into {@code buffer} from {@code offset}
     * and returns its length. Python's {@code recv_bytes_into(buffer, offset)}.
     *
     * @throws BufferTooShort if the message does not fit; it is consumed all the same, and the
     *                        exception holds it whole ({@link BufferTooShort#message()})
     */
    public int recvBytesInto(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length) {
            throw new IndexOutOfBoundsException("recvBytesInto(buffer, " + offset + ") on " + buffer.length
                    + " bytes: the offset must lie within the buffer");
        }
        byte[] message = recvBytes();
        if (message.length > buffer.length - offset) {
            throw new BufferTooShort(message, buffer.length - offset, name);
        }
        System.arraycopy(message, 0, buffer, offset, message.length);
        return message.length;
    }

    /** {@link #recvBytesInto(byte[], int)} from the start of {@code buffer}. */
    public int recvBytesInto(byte[] buffer) {
        return recvBytesInto(buffer, 0);
    }

    /** The message received did not fit in the buffer: Python's {@code BufferTooShort}. The message is here, whole. */
    public static final class BufferTooShort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final byte[] message;

        BufferTooShort(byte[] message, int room, String pipe) {
            super("a message of " + message.length + " bytes from pipe '" + pipe + "' does not fit in the " + room
                    + " bytes left in the buffer: it was received all the same, and message() returns it — use a larger"
                    + " buffer, or recvBytes()");
            this.message = message;
        }

        /** The whole message that did not fit. */
        public byte[] message() {
            return message.clone();
        }
    }

    /** Whether {@link #recv()} would return at once: a message is waiting, or the other end is gone. */
    public boolean poll() {
        requireUsable("poll", canReceive, "send-only");
        return PipeRing.readable(this, Duration.ZERO);
    }

    /** Waits at most {@code timeout} for {@link #poll()} to become true, consuming nothing. */
    public boolean poll(Duration timeout) {
        timeout = Names.timeout(timeout);
        requireUsable("poll", canReceive, "send-only");
        return PipeRing.readable(this, timeout);
    }

    /** The same as {@link #poll()}: whether receiving would return at once. For {@link #waitAny}. */
    @Override
    public boolean isReady() {
        return poll();
    }

    /**
     * Waits until at least one of {@code objects} is ready — a connection with something to
     * receive, a process's {@link Process#sentinel() sentinel} once it has ended — at most
     * {@code timeout} ({@code null}: no limit), and returns those that are ready, in the order given;
     * empty if the time ran out. Python's {@code multiprocessing.connection.wait(object_list, timeout)}.
     */
    public static <W extends Waitable> List<W> waitAny(Collection<W> objects, Duration timeout) {
        timeout = Names.timeout(timeout);
        Waiting waiting = Waiting.upTo(timeout);
        while (true) {
            // whether a peer's process died is a read of /proc: asked every few milliseconds, and at the end
            boolean timedOut = waiting.timedOut();
            boolean askLiveness = timedOut || waiting.dueForCheck();
            List<W> ready = new ArrayList<>();
            for (W w : objects) {
                if (w instanceof Connection c ? c.readyToReceive(askLiveness) : w.isReady()) {
                    ready.add(w);
                }
            }
            if (!ready.isEmpty() || timedOut) {
                return ready;
            }
            waiting.pause();
        }
    }

    /** Whether receiving would return at once; whether the peer's process died only if {@code askLiveness}. */
    private boolean readyToReceive(boolean askLiveness) {
        requireUsable("waitAny", canReceive, "send-only");
        return PipeRing.readableNow(this, askLiveness);
    }

    // ---- closing ----

    /**
     * Closes this end: the other end sees end of file after the messages already sent. Closing an
     * end that this process handed to another process only drops this process's copy. Python's
     * {@code close()}; in try-with-resources, at the end of the block.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (memory.getInt(PipeRing.owner(end)) == ThisProcess.PID) {
            memory.setInt(PipeRing.closedFlag(end), 1);
            if (Trace.ON) {
                Trace.mp(Trace.PIPE_CLOSED, "name", name, "end", end);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean canSend() {
        return canSend;
    }

    public boolean canReceive() {
        return canReceive;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Connection[pipe " + name + ", end " + end + (canSend && canReceive ? "" : canSend ? ", send-only" : ", receive-only")
                + (closed ? ", closed" : "") + "]";
    }

    // ---- for Pipe ----

    SharedMemory memory() {
        return memory;
    }

    int end() {
        return end;
    }

    private void requireUsable(String call, boolean allowed, String thisKind) {
        if (closed) {
            throw new IllegalStateException(call + "() on a closed end of pipe '" + name + "': this process closed it");
        }
        if (!allowed) {
            throw new IllegalStateException(call + "() on the " + thisKind + " end of one-way pipe '" + name
                    + "': Pipe.oneWay() gives a receive end (receiveEnd()) and a send end (sendEnd()); use the other one, or Pipe.open() for both ways");
        }
        int owner = memory.getInt(PipeRing.owner(end));
        if (owner != ThisProcess.PID) {
            throw new IllegalStateException(call + "() on an end of pipe '" + name + "' that this process handed to another process (pid "
                    + owner + "): an end belongs to the process it was last given to. Use it there, or give the child the other end");
        }
    }

    // ---- handing over ----

    private static final ThreadLocal<List<Connection>> handedOver = new ThreadLocal<>();

    /** Collects the ends serialized by this thread until {@link #giveCollectedTo}: a launch in progress. */
    static void collectHandovers() {
        handedOver.set(new ArrayList<>());
    }

    /** The launched child owns the ends its launch carried, from this moment, even before it reads them. */
    static void giveCollectedTo(long pid) {
        List<Connection> ends = handedOver.get();
        handedOver.remove();
        if (ends != null && pid > 0) {
            for (Connection c : ends) {
                c.memory.casInt(PipeRing.owner(c.end), ThisProcess.PID, (int) pid);
            }
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        if (closed) {
            throw new IllegalStateException("cannot hand over an end of pipe '" + name + "' that this process closed");
        }
        List<Connection> ends = handedOver.get();
        if (ends != null) {
            ends.add(this);
        }
        out.defaultWriteObject();
    }

    private Object readResolve() {
        SharedMemory m = SharedMemory.open(Path.of(file), "Pipe");
        m.setInt(PipeRing.owner(end), ThisProcess.PID); // this process owns the end now
        return new Connection(m, name, end, canSend, canReceive);
    }

    /** At a normal end of the process, its ends are closed, as the OS closes a process's files. */
    private static synchronized void ownHere(Connection c) {
        for (java.util.Iterator<Connection> i = ownedHere.iterator(); i.hasNext(); ) {
            if (i.next().closed) {
                i.remove(); // a process that makes many pipes (a pool replacing workers) keeps only the open ones
            }
        }
        ownedHere.add(c);
        if (!closeAtEnd) {
            closeAtEnd = true;
            SharedMemory.atEnd(new CloseOwned());
        }
    }

    private static final class CloseOwned implements Runnable {
        @Override
        public void run() {
            List<Connection> all;
            synchronized (Connection.class) {
                all = new ArrayList<>(ownedHere);
            }
            for (Connection c : all) {
                c.close();
            }
        }
    }
}
