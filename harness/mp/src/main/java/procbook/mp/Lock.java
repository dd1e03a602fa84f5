package procbook.mp;

import java.time.Duration;

/**
 * A lock shared by processes: one process at a time holds it. Python's {@code multiprocessing.Lock}.
 *
 * <p>Create it before starting the processes and hand it to them as an argument. Acquire it with
 * {@link #acquire()} and give it back with {@link #release()}, or — better — let Java give it back:
 * {@code try (Held held = lock.hold()) { ... }}.
 *
 * <p>How it works: one word of {@link SharedMemory} holds the pid of the holder, 0 when free.
 * Acquiring a free lock is a single compare-and-set, with no system call. A waiter spins, then
 * sleeps in steps, looking at the word again (see {@link Waiting}).
 *
 * <p>Where it differs from Python: only the holder may release it (Python lets any process
 * release a Lock, which hides bugs). And if the holder dies without releasing — killed, say — the
 * next waiter takes the lock over instead of waiting forever, as the OS does with a file lock; mp
 * records {@code abandoned} in the trace and warns on standard error, since what the lock protected
 * may be half-updated.
 */
public final class Lock extends SharedPrimitive implements Release.Releasable {
    private static final long serialVersionUID = 1L;
    private static final int OWNER = 0;

    /** A new lock, named {@code Lock-N} in the trace. */
    public Lock() {
        this(null);
    }

    /** A new lock with a name for the trace and messages: one word, such as {@code tickets}. */
    public Lock(String name) {
        super("Lock", name, 8);
    }

    // tag::acquire-release[]
    /** Waits as long as it takes for the lock. */
    public void acquire() {
        if (!OwnerWord.tryTake(memory, OWNER)) {
            OwnerWord.acquire(memory, OWNER, Waiting.forever(), "lock", name);
        }
        if (Trace.ON) {
            Trace.mp(Trace.LOCK_ACQUIRED, "name", name);
        }
    }

    /** Waits at most {@code timeout} for the lock; true if this process now holds it. */
    public boolean acquire(Duration timeout) {
        timeout = Names.timeout(timeout);
        if (!OwnerWord.tryTake(memory, OWNER) && !OwnerWord.acquire(memory, OWNER, Waiting.upTo(timeout), "lock", name)) {
            return false;
        }
        if (Trace.ON) {
            Trace.mp(Trace.LOCK_ACQUIRED, "name", name);
        }
        return true;
    }

    /** Takes the lock if it is free, without waiting; true if this process now holds it. */
    public boolean tryAcquire() {
        return acquire(Duration.ZERO);
    }

    /** Acquires the lock and returns what releases it, for try-with-resources. */
    public Held hold() {
        acquire();
        return new Release(this);
    }

    /** Gives the lock back. Only the process holding it may. */
    public void release() {
        OwnerWord.requireOwner(memory, OWNER, "lock", name);
        if (Trace.ON) {
            Trace.mp(Trace.LOCK_RELEASED, "name", name); // before the release, so that the trace order is the true order
        }
        OwnerWord.leave(memory, OWNER);
    }
    // end::acquire-release[]

    /**
     * Whether some process holds the lock now (a holder that ended without releasing it still
     * does). Only a hint when other processes use the lock: it may change at once. Python's
     * {@code locked()}.
     */
    public boolean locked() {
        return memory.getInt(OWNER) != 0;
    }

    @Override
    public String toString() {
        int owner = memory.getInt(OWNER);
        return "Lock[" + name + ", " + (owner == 0 ? "free" : "held by pid " + owner) + "]";
    }
}
