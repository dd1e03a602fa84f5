package procbook.mp;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One wait for something another process will change in shared memory: a lock freed, an item put.
 *
 * <p>Java cannot sleep on a word of shared memory the way C does with a futex, so a waiter checks,
 * pauses, checks again: first it spins (for about 50 µs, the other process is usually that quick),
 * then it yields the processor, then it sleeps longer and longer, never more than a millisecond.
 * A quick hand-over costs microseconds; a long wait costs a wake-up per millisecond, not a core.
 * Every wait also asks, now and then, whether the process it depends on is still alive.
 */
final class Waiting {
    private static final long SPIN_NANOS = 50_000;
    private static final long YIELD_NANOS = 200_000;
    private static final long MAX_SLEEP_NANOS = 1_000_000;
    private static final long FIRST_CHECK_NANOS = 5_000_000;
    private static final long CHECK_EVERY_NANOS = 20_000_000;

    private final long start = System.nanoTime();
    private final long deadline;
    private final boolean forever;
    private long now = start;
    private long nextCheck = start + FIRST_CHECK_NANOS;

    private Waiting(Duration timeout) {
        this.forever = timeout == null;
        this.deadline = forever ? 0 : start + Math.max(0, Math.min(timeout.toNanos(), Long.MAX_VALUE / 4));
    }

    static Waiting forever() {
        return new Waiting(null);
    }

    /** A wait of at most {@code timeout}; {@code null} means no limit. */
    static Waiting upTo(Duration timeout) {
        return new Waiting(timeout);
    }

    /**
     * The fields of a {@code <primitive>.waiting} event for this wait: {@code keyValues}, and
     * {@code timeout} in milliseconds when there is a limit — so that the test kit can tell a wait
     * that will end by itself from one that only another process can end.
     */
    Object[] traceFields(Object... keyValues) {
        if (forever) {
            return keyValues;
        }
        Object[] out = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        out[keyValues.length] = "timeout";
        out[keyValues.length + 1] = Math.max(0, (deadline - start) / 1_000_000);
        return out;
    }

    /** True once the time is up (never before it). */
    boolean timedOut() {
        return !forever && System.nanoTime() - deadline >= 0;
    }

    /** True every few milliseconds: time to ask whether the process we wait for is still alive. */
    boolean dueForCheck() {
        if (now - nextCheck >= 0) {
            nextCheck = now + CHECK_EVERY_NANOS;
            return true;
        }
        return false;
    }

    /** Pauses a little before the next look at shared memory. */
    // tag::pause[]
    void pause() {
        now = System.nanoTime();
        long waited = now - start;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < YIELD_NANOS) {
            Thread.yield();
        } else {
            long sleep = Math.min(MAX_SLEEP_NANOS, Math.max(20_000, waited / 16));
            if (!forever) {
                sleep = Math.min(sleep, Math.max(1_000, deadline - now));
            }
            LockSupport.parkNanos(sleep);
            now = System.nanoTime();
        }
    }
    // end::pause[]
}
