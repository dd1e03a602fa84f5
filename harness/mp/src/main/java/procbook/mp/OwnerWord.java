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
    static final int TIMED_OUT = -1;
    /** What {@link #take} returns when the word was free, or freed by its owner. */
    static final int TAKEN = 0;

    private OwnerWord() {
    }

    static boolean tryTake(SharedMemory m, int offset) {
        return m.casInt(offset, 0, ThisProcess.PID);
    }

    /**
     * Takes the word, waiting as {@code waiting} allows. Returns {@link #TAKEN}, {@link #TIMED_OUT},
     * or the pid of a dead owner it was taken over from.
     */
    static int take(SharedMemory m, int offset, Waiting waiting) {
        while (true) {
            int owner = m.getInt(offset);
            if (owner == 0) {
                if (m.casInt(offset, 0, ThisProcess.PID)) {
                    return TAKEN;
                }
                continue;
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

    /**
     * Waits for the word on behalf of a public lock: records that this process waits, warns when it
     * takes the lock over from a dead holder. False if the time ran out.
     */
    static boolean acquire(SharedMemory m, int offset, Waiting waiting, String key, String name) {
        if (Trace.ON) {
            Trace.mp("waiting", key, name, "holder", m.getInt(offset));
        }
        int got = take(m, offset, waiting);
        if (got == TIMED_OUT) {
            return false;
        }
        if (got != TAKEN) {
            Names.abandoned(key + " '" + name + "'", got, key, name);
        }
        return true;
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
