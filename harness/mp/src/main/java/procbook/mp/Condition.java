package procbook.mp;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A condition variable shared by processes: holding its lock, a process {@link #await()}s until
 * another signals it. Python's {@code multiprocessing.Condition}; Python's {@code notify} and
 * {@code notify_all} are {@link #signal()} and {@link #signalAll()} here, because {@link Object}
 * already has final methods with those names.
 *
 * <p>How it works: a table of sleepers in shared memory behind an internal lock, one row per
 * waiting call: its pid, a ticket in order of arrival, and whether it has been woken.
 * {@code signal(n)} marks the n oldest sleepers woken, as Python wakes its waiters first come,
 * first served; a sleeper watches its own row. A sleeper whose time runs out leaves the table,
 * woken or not, in one step under the internal lock — so every wake-up reaches exactly one waiter.
 * Before waking anyone, {@code signal} removes the rows of processes that no longer run: a waiter
 * killed inside {@code await()} is not woken in place of a living one, and a signal with nobody
 * (alive) waiting is lost, as in Python.
 */
public final class Condition extends SharedPrimitive {
    private static final long serialVersionUID = 1L;
    private static final int INSIDE = 0;
    private static final int NEXT_TICKET = 4;
    private static final int ROWS = 16;
    private static final int ROW = 12; // pid, ticket, state
    private static final int CAPACITY = 256; // waiting calls at once
    private static final int SLEEPING = 1;
    private static final int WOKEN = 2;

    private final RLock lock;

    /** A new condition with a new re-entrant lock. */
    public Condition() {
        this(new RLock(), null);
    }

    /** A new condition using {@code lock}, with a name for the trace (null: {@code Condition-N}). */
    public Condition(RLock lock, String name) {
        super("Condition", name, ROWS + CAPACITY * ROW);
        if (lock == null) {
            throw new IllegalArgumentException("new Condition(lock, name): the lock is null; use new Condition() for a new one");
        }
        this.lock = lock;
    }

    public void acquire() {
        lock.acquire();
    }

    public boolean acquire(Duration timeout) {
        return lock.acquire(timeout);
    }

    public void release() {
        lock.release();
    }

    /** Acquires the lock and returns what releases it, for try-with-resources. */
    public Held hold() {
        return lock.hold();
    }

    /** Releases the lock, waits for a signal, takes the lock back. Call it holding the lock. */
    public void await() {
        await(null);
    }

    /**
     * Like {@link #await()}, for at most {@code timeout} ({@code null}: no limit). Returns false if
     * the time ran out before a signal came. The lock is held again either way.
     */
    public boolean await(Duration timeout) {
        timeout = Names.timeout(timeout);
        if (lock.holdCount() == 0) {
            throw new IllegalStateException(ThisProcess.name() + " called await() on condition '" + name
                    + "' without holding its lock: acquire the condition (or use hold()) first, then await inside");
        }
        int row = join();
        int ticket = memory.getInt(row + 4);
        int count = lock.releaseAll();
        Waiting waiting = Waiting.upTo(timeout);
        if (Trace.ON) {
            Trace.mp(Trace.CONDITION_WAITING, waiting.traceFields("name", name));
        }
        boolean signalled = false;
        try {
            while (memory.getInt(row + 8) != WOKEN && !waiting.timedOut()) {
                waiting.pause();
            }
        } finally {
            signalled = leave(row, ticket);
            lock.reacquire(count);
        }
        if (Trace.ON && signalled) {
            Trace.mp(Trace.CONDITION_WOKE, "name", name);
        }
        return signalled;
    }

    /**
     * Waits until {@code predicate} is true, checking it holding the lock each time the condition is
     * signalled; at most {@code timeout} ({@code null}: no limit). Returns the predicate's last value.
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        boolean result = predicate.getAsBoolean();
        while (!result) {
            Duration left = null;
            if (timeout != null) {
                long nanos = deadline - System.nanoTime();
                if (nanos <= 0) {
                    break;
                }
                left = Duration.ofNanos(nanos);
            }
            await(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** Wakes one waiting process. Call it holding the lock. */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiting processes. Call it holding the lock. */
    public void signal(int n) {
        if (lock.holdCount() == 0) {
            throw new IllegalStateException(ThisProcess.name() + " called signal() on condition '" + name
                    + "' without holding its lock: acquire the condition first");
        }
        forgetTheDead();
        int woken = 0;
        OwnerWord.enter(memory, INSIDE);
        try {
            for (int row = oldestSleeper(); row >= 0 && woken < n; row = oldestSleeper()) {
                memory.setInt(row + 8, WOKEN);
                woken++;
            }
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
        if (Trace.ON) {
            Trace.mp(Trace.CONDITION_SIGNALLED, "name", name, "woken", woken);
        }
    }

    /** Wakes every waiting process. Call it holding the lock. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** Adds this waiting call to the table of sleepers; returns its row. */
    private int join() {
        OwnerWord.enter(memory, INSIDE);
        try {
            for (int row = ROWS; row < ROWS + CAPACITY * ROW; row += ROW) {
                if (memory.getInt(row) == 0) {
                    int ticket = memory.getInt(NEXT_TICKET) + 1;
                    memory.setInt(NEXT_TICKET, ticket);
                    memory.setInt(row, ThisProcess.PID);
                    memory.setInt(row + 4, ticket);
                    memory.setInt(row + 8, SLEEPING);
                    return row;
                }
            }
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
        throw new IllegalStateException(ThisProcess.name() + " cannot wait on condition '" + name + "': " + CAPACITY
                + " calls are waiting on it already, as many as mp can count");
    }

    /** Takes our row out of the table; true if it had been woken. */
    private boolean leave(int row, int ticket) {
        OwnerWord.enter(memory, INSIDE);
        try {
            if (memory.getInt(row) != ThisProcess.PID || memory.getInt(row + 4) != ticket) {
                return false;
            }
            boolean woken = memory.getInt(row + 8) == WOKEN;
            memory.setInt(row, 0);
            memory.setInt(row + 8, 0);
            return woken;
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
    }

    /** The row of the sleeper not yet woken that came first, or -1. Called under the internal lock. */
    private int oldestSleeper() {
        int oldest = -1;
        for (int row = ROWS; row < ROWS + CAPACITY * ROW; row += ROW) {
            if (memory.getInt(row) != 0 && memory.getInt(row + 8) == SLEEPING
                    && (oldest < 0 || memory.getInt(row + 4) - memory.getInt(oldest + 4) < 0)) {
                oldest = row;
            }
        }
        return oldest;
    }

    /** Removes the rows of waiters whose process no longer runs (killed inside await()). */
    private void forgetTheDead() {
        for (int row = ROWS; row < ROWS + CAPACITY * ROW; row += ROW) {
            int pid = memory.getInt(row);
            if (pid == 0 || pid == ThisProcess.PID || Liveness.isAlive(pid)) {
                continue; // the liveness check reads /proc: done outside the internal lock
            }
            OwnerWord.enter(memory, INSIDE);
            try {
                if (memory.getInt(row) == pid) {
                    memory.setInt(row, 0);
                    memory.setInt(row + 8, 0);
                }
            } finally {
                OwnerWord.leave(memory, INSIDE);
            }
        }
    }

    @Override
    public String toString() {
        return "Condition[" + name + ", " + lock + "]";
    }
}
