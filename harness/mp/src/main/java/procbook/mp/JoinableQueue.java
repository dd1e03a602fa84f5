package procbook.mp;

import java.time.Duration;

/**
 * A {@link Queue} that also counts unfinished work: every {@code put} adds one, every
 * {@link #taskDone()} removes one, and {@link #join()} waits until none is left. Python's
 * {@code multiprocessing.JoinableQueue}.
 */
public final class JoinableQueue<T> extends Queue<T> {
    private static final long serialVersionUID = 1L;

    public JoinableQueue() {
        this(0, null);
    }

    public JoinableQueue(int maxsize) {
        this(maxsize, null);
    }

    public JoinableQueue(int maxsize, String name) {
        super(maxsize, name, "JoinableQueue");
    }

    /** Says that an item taken with {@code get} has been dealt with. Once per item, never more. */
    public void taskDone() {
        while (true) {
            int unfinished = memory.getInt(UNFINISHED);
            if (unfinished <= 0) {
                throw new IllegalStateException(ThisProcess.name() + " called taskDone() on queue '" + name()
                        + "' more times than items were put: call it once for each item taken with get()");
            }
            if (memory.casInt(UNFINISHED, unfinished, unfinished - 1)) {
                return;
            }
        }
    }

    /** Waits until every item put has been taken and marked done with {@link #taskDone()}. */
    public void join() {
        join(null);
    }

    /** The same, at most {@code timeout} ({@code null}: no limit); true if all work is done. */
    public boolean join(Duration timeout) {
        Waiting waiting = Waiting.upTo(timeout);
        while (memory.getInt(UNFINISHED) > 0) {
            if (waiting.timedOut()) {
                return false;
            }
            waiting.pause();
        }
        return true;
    }

    /** How many items were put and not yet marked done. */
    public int unfinishedTasks() {
        return memory.getInt(UNFINISHED);
    }
}
