package procbook.mp;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A condition variable shared by processes: holding its lock, a process {@link #await()}s until
 * another signals it. Python's {@code multiprocessing.Condition}; Python's {@code notify} and
 * {@code notify_all} are {@link #signal()} and {@link #signalAll()} here, because {@link Object}
 * already has final methods with those names.
 *
 * <p>How it works: two counters in shared memory behind an internal lock: processes sleeping, and
 * wake-ups granted. {@code signal(n)} moves up to n sleepers to "granted"; a sleeper that finds a
 * grant takes it and goes on. A sleeper whose time runs out takes a grant if one is there, else
 * leaves the sleepers — so every grant reaches exactly one process.
 */
public final class Condition implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int INSIDE = 0;
    private static final int SLEEPERS = 4;
    private static final int GRANTED = 8;

    private final RLock lock;
    private final String file;
    private final String name;
    private transient SharedMemory memory;

    /** A new condition with a new re-entrant lock. */
    public Condition() {
        this(new RLock(), null);
    }

    /** A new condition using {@code lock}, with a name for the trace (null: {@code Condition-N}). */
    public Condition(RLock lock, String name) {
        if (lock == null) {
            throw new IllegalArgumentException("new Condition(lock, name): the lock is null; use new Condition() for a new one");
        }
        this.lock = lock;
        this.name = Names.checked(name, "Condition", Condition.class);
        this.memory = SharedMemory.create("Condition", 16);
        this.file = memory.path.toString();
    }

    private Condition(SharedMemory memory, RLock lock, String name) {
        this.memory = memory;
        this.file = memory.path.toString();
        this.lock = lock;
        this.name = name;
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
        OwnerWord.enter(memory, INSIDE);
        memory.setInt(SLEEPERS, memory.getInt(SLEEPERS) + 1);
        OwnerWord.leave(memory, INSIDE);
        int count = lock.releaseAll();
        if (Trace.ON) {
            Trace.mp(Trace.CONDITION_WAITING, "name", name);
        }
        boolean signalled = false;
        try {
            Waiting waiting = Waiting.upTo(timeout);
            while (!signalled) {
                boolean last = waiting.timedOut();
                OwnerWord.enter(memory, INSIDE);
                int granted = memory.getInt(GRANTED);
                if (granted > 0) {
                    memory.setInt(GRANTED, granted - 1);
                    signalled = true;
                } else if (last) {
                    memory.setInt(SLEEPERS, memory.getInt(SLEEPERS) - 1);
                }
                OwnerWord.leave(memory, INSIDE);
                if (last) {
                    break;
                }
                if (!signalled) {
                    waiting.pause();
                }
            }
        } finally {
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
        OwnerWord.enter(memory, INSIDE);
        int sleepers = memory.getInt(SLEEPERS);
        int woken = Math.max(0, Math.min(n, sleepers));
        memory.setInt(SLEEPERS, sleepers - woken);
        memory.setInt(GRANTED, memory.getInt(GRANTED) + woken);
        OwnerWord.leave(memory, INSIDE);
        if (Trace.ON) {
            Trace.mp(Trace.CONDITION_SIGNALLED, "name", name, "woken", woken);
        }
    }

    /** Wakes every waiting process. Call it holding the lock. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Condition[" + name + ", " + lock + "]";
    }

    private Object readResolve() {
        return new Condition(SharedMemory.open(Path.of(file), "Condition"), lock, name);
    }
}
