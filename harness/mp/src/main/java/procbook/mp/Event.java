package procbook.mp;

import java.time.Duration;

/**
 * A flag shared by processes, which processes can wait for: {@link #set()} raises it and wakes the
 * waiters, {@link #clear()} lowers it. Python's {@code multiprocessing.Event}.
 *
 * <p>How it works: one word of shared memory, 1 when set. A waiter looks at it, pausing in ever
 * longer steps (never more than a millisecond) between looks; see {@link Waiting}.
 */
public final class Event extends SharedPrimitive {
    private static final long serialVersionUID = 1L;
    private static final int FLAG = 0;

    /** A new event, not set. */
    public Event() {
        this(null);
    }

    /** A new event, not set, with a name for the trace, such as {@code green}. */
    public Event(String name) {
        super("Event", name, 8);
    }

    /** Sets the flag: every process waiting now, or later, goes on. */
    public void set() {
        if (Trace.ON) {
            Trace.mp(Trace.EVENT_SET, "name", name); // before the flag: no waiter can record waking before this line
        }
        memory.setInt(FLAG, 1);
    }

    /** Clears the flag: processes calling {@link #await()} from now on wait. */
    public void clear() {
        if (Trace.ON) {
            Trace.mp(Trace.EVENT_CLEARED, "name", name);
        }
        memory.setInt(FLAG, 0);
    }

    public boolean isSet() {
        return memory.getInt(FLAG) == 1;
    }

    /** Waits until the flag is set: Python's {@code wait()}, named as in Java because {@link Object} owns {@code wait}. */
    public void await() {
        await(null);
    }

    /**
     * Waits until the flag is set, at most {@code timeout} ({@code null}: no limit). Returns the flag:
     * false means the time ran out first.
     */
    // tag::await[]
    public boolean await(Duration timeout) {
        timeout = Names.timeout(timeout);
        boolean set = isSet();
        if (!set) {
            Waiting waiting = Waiting.upTo(timeout);
            if (Trace.ON) {
                Trace.mp(Trace.EVENT_WAITING, waiting.traceFields("name", name));
            }
            while (!set && !waiting.timedOut()) {
                waiting.pause();
                set = isSet();
            }
        }
        if (Trace.ON) {
            Trace.mp(Trace.EVENT_WAITED, "name", name, "set", set); // every return, so a test can tell who really waited
        }
        return set;
    }
    // end::await[]

    @Override
    public String toString() {
        return "Event[" + name + ", " + (isSet() ? "set" : "clear") + "]";
    }
}
