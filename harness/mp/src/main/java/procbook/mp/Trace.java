package procbook.mp;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records what this process did, for the test kit to check: one line per event in the file
 * named by the environment variable {@value #ENVIRONMENT_VARIABLE}, which every process of a
 * scenario inherits. Without it, recording does nothing and costs next to nothing.
 *
 * <p>Why a file opened for appending: the OS puts each {@code write} of such a file whole at its
 * end, so the order of the lines is the order in which the processes wrote them. A process that
 * records "entered" after taking a lock and "left" before releasing it therefore leaves lines
 * whose order proves, or disproves, mutual exclusion — no clock comparison needed.
 *
 * <p>Line format: {@link TraceLine}, {@code micros pid ppid name kind key=value...}, tab-separated.
 *
 * <p><b>The events mp records itself</b> — lesson code may not record these kinds, and lesson tests
 * name them by these constants ({@code kind(Trace.LOCK_ACQUIRED)}), never by string:
 * <table>
 * <caption>mp's own event kinds</caption>
 * <tr><th>kind</th><th>constant</th><th>when, and its fields</th></tr>
 * <tr><td>{@code started}</td><td>{@link #STARTED}</td><td>a process began: {@code daemon}</td></tr>
 * <tr><td>{@code exited}</td><td>{@link #EXITED}</td><td>a process ended: {@code code}, and {@code signal} or {@code reason} when one ended it</td></tr>
 * <tr><td>{@code joined}</td><td>{@link #JOINED}</td><td>a parent saw a child end: {@code child}, {@code code}, {@code automatic=at-exit} for the join every process does as it ends</td></tr>
 * <tr><td>{@code signal}</td><td>{@link #SIGNAL}</td><td>a handled signal arrived: {@code signal}</td></tr>
 * <tr><td>{@code signal.sent}</td><td>{@link #SIGNAL_SENT}</td><td>a signal was sent to a child: {@code signal}, {@code to}</td></tr>
 * <tr><td>{@code lock.waiting}</td><td>{@link #LOCK_WAITING}</td><td>about to wait for a lock: {@code name}, {@code holder}</td></tr>
 * <tr><td>{@code lock.acquired}</td><td>{@link #LOCK_ACQUIRED}</td><td>took it: {@code name}</td></tr>
 * <tr><td>{@code lock.released}</td><td>{@link #LOCK_RELEASED}</td><td>gave it back: {@code name}</td></tr>
 * <tr><td>{@code lock.abandoned}</td><td>{@link #LOCK_ABANDONED}</td><td>took over a lock a dead process held: {@code name}, {@code holder}</td></tr>
 * <tr><td>{@code rlock.acquired}</td><td>{@link #RLOCK_ACQUIRED}</td><td>the same, for an RLock (and {@code rlock.waiting}, {@code rlock.abandoned})</td></tr>
 * <tr><td>{@code rlock.released}</td><td>{@link #RLOCK_RELEASED}</td><td></td></tr>
 * <tr><td>{@code semaphore.waiting}</td><td>{@link #SEMAPHORE_WAITING}</td><td>about to wait for a permit: {@code name} ({@code bounded-semaphore.*} for a BoundedSemaphore)</td></tr>
 * <tr><td>{@code semaphore.acquired}</td><td>{@link #SEMAPHORE_ACQUIRED}</td><td>took a permit: {@code name}, {@code value} left</td></tr>
 * <tr><td>{@code semaphore.released}</td><td>{@link #SEMAPHORE_RELEASED}</td><td>gave one back: {@code name}, {@code value} now</td></tr>
 * <tr><td>{@code event.set}</td><td>{@link #EVENT_SET}</td><td>{@code name}</td></tr>
 * <tr><td>{@code event.cleared}</td><td>{@link #EVENT_CLEARED}</td><td>{@code name}</td></tr>
 * <tr><td>{@code event.waiting}</td><td>{@link #EVENT_WAITING}</td><td>about to wait: {@code name}</td></tr>
 * <tr><td>{@code event.waited}</td><td>{@link #EVENT_WAITED}</td><td>a wait returned: {@code name}, {@code set} — false when it timed out</td></tr>
 * <tr><td>{@code condition.waiting}</td><td>{@link #CONDITION_WAITING}</td><td>{@code name}</td></tr>
 * <tr><td>{@code condition.woke}</td><td>{@link #CONDITION_WOKE}</td><td>{@code name}</td></tr>
 * <tr><td>{@code condition.signalled}</td><td>{@link #CONDITION_SIGNALLED}</td><td>{@code name}</td></tr>
 * <tr><td>{@code barrier.arrived}</td><td>{@link #BARRIER_ARRIVED}</td><td>{@code name}, {@code index}</td></tr>
 * <tr><td>{@code barrier.broken}</td><td>{@link #BARRIER_BROKEN}</td><td>{@code name}</td></tr>
 * <tr><td>{@code queue.put}</td><td>{@link #QUEUE_PUT}</td><td>an item went in: {@code name}</td></tr>
 * <tr><td>{@code queue.got}</td><td>{@link #QUEUE_GOT}</td><td>an item came out: {@code name}</td></tr>
 * <tr><td>{@code queue.waiting}</td><td>{@link #QUEUE_WAITING}</td><td>about to wait on a full or empty queue: {@code name}</td></tr>
 * <tr><td>{@code pipe.sent}</td><td>{@link #PIPE_SENT}</td><td>{@code pipe}</td></tr>
 * <tr><td>{@code pipe.received}</td><td>{@link #PIPE_RECEIVED}</td><td>{@code pipe}</td></tr>
 * <tr><td>{@code pipe.closed}</td><td>{@link #PIPE_CLOSED}</td><td>{@code pipe}</td></tr>
 * </table>
 */
public final class Trace {
    /** The environment variable naming the trace file. */
    public static final String ENVIRONMENT_VARIABLE = "PROCBOOK_TRACE";

    /** {@value} */
    public static final String STARTED = "started";
    /** {@value} */
    public static final String EXITED = "exited";
    /** {@value} */
    public static final String JOINED = "joined";
    /** {@value}: a process waits in {@code join()} for a child still running ({@code timeout} in ms if it has a limit). */
    public static final String JOIN_WAITING = "join.waiting";
    /** {@value} */
    public static final String SIGNAL = "signal";
    /** {@value} */
    public static final String SIGNAL_SENT = "signal.sent";
    /** {@value} */
    public static final String LOCK_WAITING = "lock.waiting";
    /** {@value} */
    public static final String LOCK_ACQUIRED = "lock.acquired";
    /** {@value} */
    public static final String LOCK_RELEASED = "lock.released";
    /** {@value} */
    public static final String LOCK_ABANDONED = "lock.abandoned";
    /** {@value} */
    public static final String RLOCK_ACQUIRED = "rlock.acquired";
    /** {@value} */
    public static final String RLOCK_RELEASED = "rlock.released";
    /** {@value} */
    public static final String SEMAPHORE_WAITING = "semaphore.waiting";
    /** {@value} */
    public static final String SEMAPHORE_ACQUIRED = "semaphore.acquired";
    /** {@value} */
    public static final String SEMAPHORE_RELEASED = "semaphore.released";
    /** {@value} */
    public static final String EVENT_SET = "event.set";
    /** {@value} */
    public static final String EVENT_CLEARED = "event.cleared";
    /** {@value} */
    public static final String EVENT_WAITING = "event.waiting";
    /** {@value} */
    public static final String EVENT_WAITED = "event.waited";
    /** {@value} */
    public static final String CONDITION_WAITING = "condition.waiting";
    /** {@value} */
    public static final String CONDITION_WOKE = "condition.woke";
    /** {@value} */
    public static final String CONDITION_SIGNALLED = "condition.signalled";
    /** {@value} */
    public static final String BARRIER_ARRIVED = "barrier.arrived";
    /** {@value} */
    public static final String BARRIER_BROKEN = "barrier.broken";
    /** {@value} */
    public static final String QUEUE_PUT = "queue.put";
    /** {@value} */
    public static final String QUEUE_GOT = "queue.got";
    /** {@value} */
    public static final String QUEUE_WAITING = "queue.waiting";
    /** {@value} */
    public static final String PIPE_SENT = "pipe.sent";
    /** {@value} */
    public static final String PIPE_RECEIVED = "pipe.received";
    /** {@value} */
    public static final String PIPE_CLOSED = "pipe.closed";

    private static final String FILE = System.getenv(ENVIRONMENT_VARIABLE);
    /** Constant for the JIT: when off, mp's own events cost one folded-away test. */
    static final boolean ON = FILE != null && !FILE.isEmpty();
    private static FileOutputStream out;

    private Trace() {
    }

    /** Whether events are being recorded in this process. */
    public static boolean enabled() {
        return ON;
    }

    /**
     * An event recorded by mp itself, named {@code <primitive>.<what>} ({@code lock.acquired},
     * {@code queue.put}, {@code pipe.received}) so that it never mixes with a lesson's own events.
     */
    static void mp(String kind, Object... keyValues) {
        if (ON && !ThisProcess.isSpare()) {
            write(kind, keyValues);
        }
    }

    /**
     * Records one event of this process.
     *
     * @param kind      what happened, one word: {@code entered}, {@code bought}, {@code received}
     * @param keyValues pairs of a key (one word) and a value: {@code "customer", 3, "left", 9}
     */
    public static void event(String kind, Object... keyValues) {
        requireWord("event kind", kind);
        if (isMpOwn(kind)) {
            throw new IllegalArgumentException("'" + kind + "' is an event mp records itself; a lesson's own events need"
                    + " names of their own (e.g. \"" + kind.replace('.', '-') + "-seen\")");
        }
        record(kind, keyValues);
    }

    /** mp's own lifecycle events ({@code started}, {@code exited}, {@code joined}, ...), which lesson code may not record. */
    static void lifecycle(String kind, Object... keyValues) {
        record(kind, keyValues);
    }

    /** The kinds of events only mp records: a process's life, and every {@code <primitive>.<what>}. */
    static boolean isMpOwn(String kind) {
        return RESERVED.contains(kind) || kind.indexOf('.') > 0 && RESERVED_PREFIXES.contains(kind.substring(0, kind.indexOf('.')));
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("started", "exited", "joined", "signal");
    private static final java.util.Set<String> RESERVED_PREFIXES = java.util.Set.of(
            "signal", "lock", "rlock", "semaphore", "bounded-semaphore", "queue", "pipe", "event", "condition", "barrier", "pool", "manager", "process",
            "join");

    private static void record(String kind, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("Trace.event(\"" + kind + "\", ...) needs key/value pairs, got "
                    + keyValues.length + " values: the last key has no value");
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            requireWord("key", keyValues[i] == null ? null : keyValues[i].toString());
        }
        if (enabled() && !ThisProcess.isSpare()) {
            write(kind, keyValues);
        }
    }

    private static void requireWord(String what, String s) {
        if (s == null || !isWord(s)) {
            throw new IllegalArgumentException("a trace " + what + " must be one word of letters, digits and _.:-, got "
                    + (s == null ? "null" : "\"" + s + "\""));
        }
    }

    /** Letters, digits and _.:- — checked by hand: a regular expression costs a new JVM milliseconds. */
    private static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void write(String kind, Object[] keyValues) {
        ProcessHandle self = ProcessHandle.current();
        String line = new TraceLine(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()), self.pid(), parentPid(self), ThisProcess.name(),
                kind, TraceLine.fields(keyValues)).format() + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (Trace.class) {
            try {
                if (out == null) {
                    out = new FileOutputStream(FILE, true);
                }
                out.write(bytes); // one write(2) of a file opened O_APPEND: lands whole, in order
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record trace event '" + kind + "' in " + FILE + ": " + e.getMessage(), e);
            }
        }
    }

    private static long parentPid(ProcessHandle self) {
        java.util.Optional<ProcessHandle> parent = self.parent();
        return parent.isPresent() ? parent.get().pid() : 0L;
    }
}
