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
 */
public final class Trace {
    /** The environment variable naming the trace file. */
    public static final String ENVIRONMENT_VARIABLE = "PROCBOOK_TRACE";

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
            "lock", "rlock", "semaphore", "queue", "pipe", "event", "condition", "barrier", "pool", "manager", "process");

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
