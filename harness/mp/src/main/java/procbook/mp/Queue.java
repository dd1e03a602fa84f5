package procbook.mp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A first-in, first-out queue shared by processes: any process may {@link #put} items and any may
 * {@link #get} them. Python's {@code multiprocessing.Queue}.
 *
 * <p>How it works: the items, serialized, sit in a ring buffer in {@link SharedMemory}, with their
 * count, behind a small internal lock ({@link OwnerWord}). {@code put} copies an item in under the
 * lock; {@code get} copies the oldest out. An item over {@value #SPILL_OVER} bytes goes to a file of
 * its own and only its name goes through the ring.
 *
 * When the ring is full, items wait in a file beside it ({@link QueueOverflow}) and move into the
 * ring as {@code get} makes room: as in Python, {@code put} waits only for {@code maxsize}, so on an
 * unbounded queue it never waits.
 *
 * <p>Where it differs from Python: {@code put} serializes the item in the caller and copies it in
 * before returning. So an item that cannot be serialized fails at {@code put}, in the process that
 * put it (Python's background thread drops it and prints an error); a process may exit right after
 * {@code put} and its item is still delivered, so joining a producer before draining its queue never
 * deadlocks; and there is no background thread to join.
 *
 * @param <T> the type of the items
 */
public sealed class Queue<T> extends SharedPrimitive permits JoinableQueue {
    private static final long serialVersionUID = 1L;
    static final int RING = 4 * 1024 * 1024;
    static final int SPILL_OVER = 64 * 1024;
    private static final int INSIDE = 0;
    private static final int COUNT = 4;
    private static final int MAXSIZE = 8;
    static final int UNFINISHED = 12;
    private static final int WRITTEN = 16;
    private static final int READ = 24;
    private static final int SPILLS = 32;
    private static final int OVERFLOW_WRITTEN = 40;
    private static final int OVERFLOW_READ = 48;
    private static final int BYTES = 64;
    private static final int RECORD = 8; // length, then 1 if the item is in a file of its own

    private transient boolean closed;
    private transient QueueOverflow overflow;

    /** The queue is full: {@code put} could not add the item in the time it had. Python's {@code queue.Full}. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full(String message) {
            super(message);
        }
    }

    /** The queue is empty: {@code get} found no item in the time it had. Python's {@code queue.Empty}. */
    public static final class Empty extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Empty(String message) {
            super(message);
        }
    }

    /** A new unbounded queue. */
    public Queue() {
        this(0, null);
    }

    /** A new queue holding at most {@code maxsize} items (0 or less: no limit). */
    public Queue(int maxsize) {
        this(maxsize, null);
    }

    /** The same, with a name for the trace and messages, such as {@code orders}. */
    public Queue(int maxsize, String name) {
        this(maxsize, name, "Queue");
    }

    Queue(int maxsize, String name, String kind) {
        super(kind, name, BYTES + RING);
        memory.setInt(MAXSIZE, Math.max(0, maxsize));
        this.overflow = overflowOf(file);
    }

    private static QueueOverflow overflowOf(String file) {
        return new QueueOverflow(Path.of(file + ".overflow"), OVERFLOW_WRITTEN, OVERFLOW_READ);
    }

    // ---- put ----

    /** Adds an item, waiting as long as the queue is full. */
    public void put(T item) {
        put(item, null);
    }

    /** Adds an item, waiting at most {@code timeout} ({@code null}: no limit) while the queue is full; then {@link Full}. */
    public void put(T item, Duration timeout) {
        timeout = Names.timeout(timeout);
        requireOpen("put");
        byte[] bytes = Values.encode(item, "cannot put on queue '" + name + "'", "the item");
        byte[] record = bytes.length > SPILL_OVER ? spill(bytes) : bytes;
        boolean spilled = record != bytes;
        if (tryPut(record, spilled)) {
            return;
        }
        Waiting waiting = Waiting.upTo(timeout);
        if (Trace.ON) {
            Trace.mp(Trace.QUEUE_WAITING, waiting.traceFields("name", name, "for", "room"));
        }
        while (true) {
            if (waiting.timedOut()) {
                if (tryPut(record, spilled)) {
                    return;
                }
                throw new Full("queue '" + name + "' is full (" + memory.getInt(MAXSIZE) + " items): put gave up after " + timeout);
            }
            waiting.pause();
            if (tryPut(record, spilled)) {
                return;
            }
        }
    }

    /** Adds an item if there is room now, else throws {@link Full} at once. */
    public void putNowait(T item) {
        put(item, Duration.ZERO);
    }

    // ---- get ----

    /** Takes the oldest item, waiting as long as the queue is empty. */
    public T get() {
        return get(null);
    }

    /** Takes the oldest item, waiting at most {@code timeout} ({@code null}: no limit) while empty; then {@link Empty}. */
    @SuppressWarnings("unchecked")
    public T get(Duration timeout) {
        timeout = Names.timeout(timeout);
        requireOpen("get");
        byte[] bytes = tryGet();
        if (bytes == null) {
            Waiting waiting = Waiting.upTo(timeout);
            if (Trace.ON) {
                Trace.mp(Trace.QUEUE_WAITING, waiting.traceFields("name", name, "for", "item"));
            }
            while (bytes == null) {
                if (waiting.timedOut()) {
                    bytes = tryGet();
                    if (bytes == null) {
                        throw new Empty("queue '" + name + "' is empty: get gave up after " + timeout);
                    }
                    break;
                }
                waiting.pause();
                if (memory.getInt(COUNT) > 0) {
                    bytes = tryGet();
                }
            }
        }
        return (T) Values.decode(bytes);
    }

    /** Takes the oldest item if there is one now, else throws {@link Empty} at once. */
    public T getNowait() {
        return get(Duration.ZERO);
    }

    // ---- hints ----

    /** The number of items now. Only a hint when other processes use the queue: it may change at once. */
    public int qsize() {
        return memory.getInt(COUNT);
    }

    /** Whether the queue is empty now; a hint, like {@link #qsize()}. */
    public boolean empty() {
        return qsize() == 0;
    }

    /** Whether the queue is full now; a hint, like {@link #qsize()}. */
    public boolean full() {
        int max = memory.getInt(MAXSIZE);
        return max > 0 && qsize() >= max;
    }

    /** This process will use the queue no more: put and get fail from now on, here. Other processes go on. */
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        int max = memory.getInt(MAXSIZE);
        return kind + "[" + name + ", " + qsize() + " items" + (max > 0 ? " of " + max : "") + "]";
    }

    // ---- inside ----

    // tag::try-put[]
    private boolean tryPut(byte[] record, boolean spilled) {
        byte[] frame = frame(record, spilled);
        OwnerWord.enter(memory, INSIDE);
        try {
            int count = memory.getInt(COUNT);
            int max = memory.getInt(MAXSIZE);
            if (max > 0 && count >= max) {
                return false;
            }
            if (overflow.hasItems(memory) || !fitsInRing(frame)) {
                overflow.add(memory, frame, name); // the ring is full: wait in the file, behind the older ones
            } else {
                intoRing(frame);
            }
            memory.setInt(COUNT, count + 1);
            if (kind.equals("JoinableQueue")) {
                memory.addInt(UNFINISHED, 1); // atomic: taskDone() changes it without the internal lock
            }
            if (Trace.ON) {
                Trace.mp(Trace.QUEUE_PUT, "name", name, "size", count + 1); // inside, so that put and got lines keep the true order
            }
            return true;
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
    }
    // end::try-put[]

    /** An item as the ring holds it: its length, whether it is in a file of its own, its bytes. */
    private static byte[] frame(byte[] record, boolean spilled) {
        int length = record.length;
        byte[] frame = new byte[RECORD + length];
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        frame[4] = (byte) (spilled ? 1 : 0);
        System.arraycopy(record, 0, frame, RECORD, length);
        return frame;
    }

    private boolean fitsInRing(byte[] frame) {
        return RING - (memory.getLong(WRITTEN) - memory.getLong(READ)) >= frame.length;
    }

    private void intoRing(byte[] frame) {
        long written = memory.getLong(WRITTEN);
        memory.putWrapped(BYTES, RING, written, frame, 0, frame.length);
        memory.setLong(WRITTEN, written + frame.length);
    }

    /** After a get: items waiting in the overflow file move into the ring while they fit, oldest first. */
    private void refillFromOverflow() {
        while (overflow.hasItems(memory)) {
            byte[] frame = overflow.peek(memory, RECORD, name);
            if (!fitsInRing(frame)) {
                return;
            }
            intoRing(frame);
            overflow.drop(memory, frame.length);
        }
    }

    private byte[] tryGet() {
        byte[] bytes;
        boolean spilled;
        OwnerWord.enter(memory, INSIDE);
        try {
            int count = memory.getInt(COUNT);
            if (count == 0) {
                return null;
            }
            long read = memory.getLong(READ);
            byte[] head = new byte[RECORD];
            memory.getWrapped(BYTES, RING, read, head, 0, RECORD);
            int length = (head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | head[3] & 0xff;
            spilled = head[4] == 1;
            bytes = new byte[length];
            memory.getWrapped(BYTES, RING, read + RECORD, bytes, 0, length);
            memory.setLong(READ, read + RECORD + length);
            memory.setInt(COUNT, count - 1);
            refillFromOverflow();
            if (Trace.ON) {
                Trace.mp(Trace.QUEUE_GOT, "name", name, "size", count - 1);
            }
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
        return spilled ? unspill(bytes) : bytes;
    }

    private byte[] spill(byte[] bytes) {
        int n;
        OwnerWord.enter(memory, INSIDE);
        try {
            n = memory.addInt(SPILLS, 1);
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
        Path item = Path.of(file + ".item-" + n);
        try {
            Files.write(item, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put a large item (" + bytes.length + " bytes) on queue '" + name + "': " + e.getMessage(), e);
        }
        return item.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] unspill(byte[] pathBytes) {
        Path item = Path.of(new String(pathBytes, StandardCharsets.UTF_8));
        try {
            byte[] bytes = Files.readAllBytes(item);
            Files.deleteIfExists(item);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a large item of queue '" + name + "' from " + item + ": " + e.getMessage(), e);
        }
    }

    private void requireOpen(String call) {
        if (closed) {
            throw new IllegalStateException(call + "() on queue '" + name + "' after this process closed it");
        }
    }

    @Override
    Object readResolve() throws java.io.ObjectStreamException {
        super.readResolve();
        overflow = overflowOf(file);
        return this;
    }
}
