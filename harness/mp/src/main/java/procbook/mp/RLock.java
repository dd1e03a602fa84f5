package procbook.mp;

import java.time.Duration;

/**
 * A re-entrant lock shared by processes: the holder may acquire it again, and must release it as
 * many times. Python's {@code multiprocessing.RLock}.
 *
 * <p>How it works: like {@link Lock}, one word of shared memory holds the holder's pid; a second
 * counts how many times it acquired. Only the holder ever touches the count. A holder that dies
 * leaves the lock to the next waiter, with a warning (see {@link Lock}).
 */
public final class RLock extends SharedPrimitive implements Release.Releasable {
    private static final long serialVersionUID = 1L;
    private static final int OWNER = 0;
    private static final int COUNT = 4;

    public RLock() {
        this(null);
    }

    /** A new re-entrant lock with a name for the trace and messages. */
    public RLock(String name) {
        super("RLock", name, 8);
    }

    public void acquire() {
        acquire(null);
    }

    /** Waits at most {@code timeout} ({@code null}: no limit); true if this process now holds the lock. */
    public boolean acquire(Duration timeout) {
        timeout = Names.timeout(timeout);
        if (memory.getInt(OWNER) == ThisProcess.PID) {
            memory.setInt(COUNT, memory.getInt(COUNT) + 1);
            return true;
        }
        if (!OwnerWord.tryTake(memory, OWNER) && !OwnerWord.acquire(memory, OWNER, Waiting.upTo(timeout), "rlock", name)) {
            return false;
        }
        memory.setInt(COUNT, 1);
        if (Trace.ON) {
            Trace.mp(Trace.RLOCK_ACQUIRED, "name", name);
        }
        return true;
    }

    public boolean tryAcquire() {
        return acquire(Duration.ZERO);
    }

    /** Acquires the lock and returns what releases it, for try-with-resources. */
    public Held hold() {
        acquire();
        return new Release(this);
    }

    /** Releases one acquisition; the lock is free when every acquisition is released. */
    public void release() {
        OwnerWord.requireOwner(memory, OWNER, "rlock", name);
        int count = memory.getInt(COUNT) - 1;
        memory.setInt(COUNT, count);
        if (count == 0) {
            if (Trace.ON) {
                Trace.mp(Trace.RLOCK_RELEASED, "name", name);
            }
            OwnerWord.leave(memory, OWNER);
        }
    }

    /** How many times the calling process holds this lock: 0 if it does not. */
    public int holdCount() {
        return memory.getInt(OWNER) == ThisProcess.PID ? memory.getInt(COUNT) : 0;
    }

    /** Releases every acquisition at once; for {@link Condition}, which must let go of the lock while it waits. */
    int releaseAll() {
        int count = holdCount();
        if (count == 0) {
            throw new IllegalStateException("the lock is not held by " + ThisProcess.name());
        }
        memory.setInt(COUNT, 1);
        release();
        return count;
    }

    /** Takes the lock back after {@link #releaseAll}, with the count it had. */
    void reacquire(int count) {
        acquire();
        memory.setInt(COUNT, count);
    }

    @Override
    public String toString() {
        int owner = memory.getInt(OWNER);
        return "RLock[" + name + ", " + (owner == 0 ? "free" : "held by pid " + owner + " ×" + memory.getInt(COUNT)) + "]";
    }
}
