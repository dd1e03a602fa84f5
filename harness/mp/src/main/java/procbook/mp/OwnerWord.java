package procbook.mp;

/**
 * A word of shared memory that holds the pid of the process owning something — a lock, or the
 * inside of a primitive while it updates its state — and 0 when nobody does.
 *
 * <p>Taking it is one compare-and-set from 0 to our pid. A waiter that finds it taken checks now
 * and then whether the owner is still alive; if the owner died, the waiter swaps the dead pid for
 * its own. That is how no process waits forever for a process that is gone (Python's locks have no
 * owner to check, so there a killed holder blocks everyone: gh-88304).
 */
final class OwnerWord {
    /** What {@link #take} returns when the time ran out. */
    static final int TIMED_OUT = Integer.MIN_VALUE;
    /** What {@link #take} returns when the word was free, or freed by its owner. */
    static final int TAKEN = 0;

    private OwnerWord() {
    }

    static boolean tryTake(SharedMemory m, int offset) {
        return m.casInt(offset, 0, ThisProcess.PID);
    }

    /**
     * Takes the word, waiting as {@code waiting} allows. Returns {@link #TAKEN}, {@link #TIMED_OUT},
     * the pid of a dead owner it was taken over from, or minus the pid of an owner that ended
     * normally without releasing it ({@link #leaveBehind}): that word will never be free.
     */
    // tag::take[]
    static int take(SharedMemory m, int offset, Waiting waiting) {
        while (true) {
            int owner = m.getInt(offset);
            if (owner == 0) {
                if (m.casInt(offset, 0, ThisProcess.PID)) {
                    return TAKEN;
                }
                continue;
            }
            if (owner < 0) {
                return owner;
            }
            if (waiting.timedOut()) {
                return TIMED_OUT;
            }
            if (waiting.dueForCheck() && !Liveness.isAlive(owner) && m.casInt(offset, owner, ThisProcess.PID)) {
                return owner;
            }
            waiting.pause();
        }
    }
    // end::take[]

    /**
     * Waits for the word on behalf of a public lock: records that this process waits, warns when it
     * takes the lock over from a dead holder. False if the time ran out.
     */
    static boolean acquire(SharedMemory m, int offset, Waiting waiting, String key, String name) {
        if (Trace.ON) {
            Trace.mp(key + ".waiting", waiting.traceFields("name", name, "holder", m.getInt(offset)));
        }
        int got = take(m, offset, waiting);
        if (got == TIMED_OUT) {
            return false;
        }
        if (got < 0) {
            throw new IllegalStateException(key + " '" + name + "' is held by pid " + -got + ", which ended without releasing it,"
                    + " so it will never be free: " + ThisProcess.name() + " would wait forever. Release a lock once per acquire —"
                    + " try (Held held = " + key + ".hold()) { ... } does it for you, even when an exception is thrown");
        }
        if (got != TAKEN) {
            Names.abandoned(key + " '" + name + "'", got, key, name);
        }
        return true;
    }

    /**
     * At the normal end of a process: a word it still holds is marked with minus its pid. A process
     * killed outright cannot do this, and waiters take its lock over; but one that ended normally
     * and forgot to release has a bug, and waiters say so instead of hiding it.
     */
    static void leaveBehind(SharedMemory m, int offset) {
        m.casInt(offset, ThisProcess.PID, -ThisProcess.PID);
    }

    /** Refuses a release by a process that does not hold the lock, saying who does. */
    static void requireOwner(SharedMemory m, int offset, String key, String name) {
        int owner = m.getInt(offset);
        if (owner != ThisProcess.PID) {
            throw new IllegalStateException(ThisProcess.name() + " called release() on " + key + " '" + name + "' but "
                    + (owner == 0 ? "nobody holds it" : "it is held by another process (pid " + owner + ")")
                    + ": release only a lock this process acquired, once per acquire");
        }
    }

    /** Takes an internal word, which is held for a few instructions only: no time limit, dead owners taken over. */
    static void enter(SharedMemory m, int offset) {
        if (!m.casInt(offset, 0, ThisProcess.PID)) {
            take(m, offset, Waiting.forever());
        }
    }

    static void leave(SharedMemory m, int offset) {
        m.setIntRelease(offset, 0);
    }
}
