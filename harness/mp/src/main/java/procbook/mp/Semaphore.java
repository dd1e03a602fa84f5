package procbook.mp;

import java.time.Duration;

/**
 * A counter of permits shared by processes: {@link #acquire()} takes one, waiting while there is
 * none; {@link #release()} gives one back. Python's {@code multiprocessing.Semaphore}.
 *
 * <p>How it works: the value, and a table of which process holds how many permits, sit in shared
 * memory behind a tiny internal lock ({@link OwnerWord}); the table is what lets mp notice permits
 * held by a dead process.
 *
 * <p>Permits are nobody's, as in Python: any process may release, and a process that took
 * permits and ended normally has done nothing wrong — a producer takes "free places" that the
 * consumer gives back. So a waiter waits as long as another process could still release, whoever
 * took the permits. (A forgotten release therefore shows as a waiter that waits forever: the test
 * kit names it, and what it waits for, when a run does not end.)
 *
 * <p>Where it differs from Python: a process killed outright (SIGKILL: no finally block runs) while
 * holding permits gets them given back, with a warning, instead of leaving waiters forever — but
 * never so many that the value would exceed its initial value. Releases by processes that hold no
 * permit reduce what counts as held, so a consumer's releases are never given back a second time,
 * and a semaphore used to count signals (one that starts at 0) never hands out signals nobody sent.
 */
public sealed class Semaphore extends SharedPrimitive implements Release.Releasable permits BoundedSemaphore {
    private static final long serialVersionUID = 1L;
    private static final int INSIDE = 0;
    private static final int VALUE = 4;
    private static final int INITIAL = 8;
    private static final int BOUNDED = 12;
    private static final int HOLDERS = 16;
    private static final int SLOTS = 64; // processes holding permits at once that mp can account for

    /** A new semaphore with {@code value} permits (Python's default is 1). */
    public Semaphore(int value) {
        this(value, null);
    }

    /** A new semaphore with {@code value} permits and a name for the trace, such as {@code room}. */
    public Semaphore(int value, String name) {
        this(value, name, false);
    }

    Semaphore(int value, String name, boolean bounded) {
        super(bounded ? "BoundedSemaphore" : "Semaphore", name, HOLDERS + SLOTS * 8);
        if (value < 0) {
            throw new IllegalArgumentException("new " + kind + "(" + value + "): the initial value must be 0 or more");
        }
        memory.setInt(VALUE, value);
        memory.setInt(INITIAL, value);
        memory.setInt(BOUNDED, bounded ? 1 : 0);
    }

    /** Waits as long as it takes for a permit. */
    public void acquire() {
        acquire(null);
    }

    /** Waits at most {@code timeout} ({@code null}: no limit) for a permit; true if one was taken. */
    public boolean acquire(Duration timeout) {
        timeout = Names.timeout(timeout);
        if (take()) {
            return true;
        }
        Waiting waiting = Waiting.upTo(timeout);
        if (Trace.ON) {
            Trace.mp(key() + ".waiting", waiting.traceFields("name", name));
        }
        while (true) {
            if (waiting.timedOut()) {
                return take();
            }
            if (waiting.dueForCheck()) {
                reclaimFromTheDead();
            }
            waiting.pause();
            if (memory.getInt(VALUE) > 0 && take()) {
                return true;
            }
        }
    }

    /** Takes a permit if there is one, without waiting. */
    public boolean tryAcquire() {
        return take();
    }

    /** Acquires a permit and returns what releases it, for try-with-resources. */
    public Held hold() {
        acquire();
        return new Release(this);
    }

    /** Gives a permit back (or adds one: any process may release, also beyond the initial value). */
    public void release() {
        OwnerWord.enter(memory, INSIDE);
        try {
            int value = memory.getInt(VALUE);
            if (memory.getInt(BOUNDED) == 1 && value >= memory.getInt(INITIAL)) {
                throw new IllegalStateException(ThisProcess.name() + " released bounded semaphore '" + name
                        + "' more times than it was acquired (its value is already " + value
                        + ", its initial value): release once per acquire");
            }
            int slot = slotOf(ThisProcess.PID);
            if (slot >= 0) {
                countDown(slot);
            }
            memory.setInt(VALUE, value + 1);
            trimHeldTo(Math.max(0, memory.getInt(INITIAL) - (value + 1)));
            if (Trace.ON) {
                Trace.mp(key() + ".released", "name", name, "value", value + 1);
            }
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
    }

    /** The number of permits left now; only a hint when other processes use the semaphore. */
    public int value() {
        return memory.getInt(VALUE);
    }

    @Override
    public String toString() {
        return kind + "[" + name + ", value " + value() + "]";
    }

    // tag::take[]
    private boolean take() {
        OwnerWord.enter(memory, INSIDE);
        try {
            int value = memory.getInt(VALUE);
            if (value <= 0) {
                return false;
            }
            memory.setInt(VALUE, value - 1);
            int slot = slotOf(ThisProcess.PID);
            if (slot < 0) {
                slot = slotOf(0);
            }
            if (slot >= 0) {
                memory.setInt(slot, ThisProcess.PID);
                memory.setInt(slot + 4, memory.getInt(slot + 4) + 1);
            }
            if (Trace.ON) {
                Trace.mp(key() + ".acquired", "name", name, "value", value - 1);
            }
            return true;
        } finally {
            OwnerWord.leave(memory, INSIDE);
        }
    }
    // end::take[]

    /** Gives back the permits of holders that died, never raising the value above the initial value. */
    private void reclaimFromTheDead() {
        for (int slot = HOLDERS; slot < HOLDERS + SLOTS * 8; slot += 8) {
            int pid = memory.getInt(slot);
            if (pid <= 0 || Liveness.isAlive(pid)) {
                continue; // the liveness check reads /proc: done outside the internal lock
            }
            int given = 0;
            OwnerWord.enter(memory, INSIDE);
            try {
                if (memory.getInt(slot) == pid) {
                    int value = memory.getInt(VALUE);
                    given = Math.min(memory.getInt(slot + 4), Math.max(0, memory.getInt(INITIAL) - value));
                    memory.setInt(slot, 0);
                    memory.setInt(slot + 4, 0);
                    memory.setInt(VALUE, value + given);
                }
            } finally {
                OwnerWord.leave(memory, INSIDE);
            }
            if (given > 0) {
                Names.abandoned(given + " permit(s) of " + key() + " '" + name + "'", pid, key(), name);
            }
        }
    }

    /** One fewer permit counted as held by the holder in that slot; the slot is free at zero. */
    private void countDown(int slot) {
        int count = memory.getInt(slot + 4) - 1;
        memory.setInt(slot + 4, Math.max(0, count));
        if (count <= 0) {
            memory.setInt(slot, 0);
        }
    }

    /**
     * Permits are nobody's: a release by a process that holds none (a consumer giving back a
     * producer's place) still means one permit fewer is out. So the table never counts more held
     * permits than are missing from the initial value, and a holder killed later is not given back
     * what others already released. Permits counted for processes that have ended go first.
     */
    private void trimHeldTo(int missing) {
        int excess = -missing;
        for (int slot = HOLDERS; slot < HOLDERS + SLOTS * 8; slot += 8) {
            excess += memory.getInt(slot) != 0 ? memory.getInt(slot + 4) : 0;
        }
        for (int pass = 0; pass < 2 && excess > 0; pass++) {
            for (int slot = HOLDERS; slot < HOLDERS + SLOTS * 8 && excess > 0; slot += 8) {
                int pid = memory.getInt(slot);
                boolean ended = pid < 0;
                while (pid != 0 && (pass == 1 || ended) && memory.getInt(slot) == pid && excess > 0) {
                    countDown(slot);
                    excess--;
                }
            }
        }
    }

    /**
     * At the normal end of a process: the permits it still counts as held are marked as taken by a
     * process that ended — still out (nobody's), no longer given back as a dead holder's would be.
     */
    static void leaveBehind(SharedMemory m) {
        for (int slot = HOLDERS; slot < HOLDERS + SLOTS * 8; slot += 8) {
            m.casInt(slot, ThisProcess.PID, -ThisProcess.PID);
        }
    }

    private int slotOf(int pid) {
        for (int slot = HOLDERS; slot < HOLDERS + SLOTS * 8; slot += 8) {
            if (memory.getInt(slot) == pid) {
                return slot;
            }
        }
        return -1;
    }

    private String key() {
        return memory.getInt(BOUNDED) == 1 ? "bounded-semaphore" : "semaphore";
    }
}
