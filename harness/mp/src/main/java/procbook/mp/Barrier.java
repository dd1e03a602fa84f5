package procbook.mp;

import java.time.Duration;

/**
 * A meeting point for a fixed number of processes: each {@link #await()}s until all {@code parties}
 * have arrived, then all go on together, and the barrier is ready for the next round. Python's
 * {@code multiprocessing.Barrier}.
 *
 * <p>How it works: shared memory counts the arrivals of the current round and numbers the rounds.
 * The last to arrive runs the action (if any), then starts the next round; the others wait for the
 * round number to change. A waiter whose time runs out breaks the barrier, so that nobody else
 * waits for a party that will not come: the others get {@link Broken} too.
 */
public final class Barrier extends SharedPrimitive {
    private static final long serialVersionUID = 1L;
    private static final int INSIDE = 0;
    private static final int ARRIVED = 4;
    private static final int ROUND = 8;
    private static final int BROKEN = 12;
    private static final int RESETS = 16;

    private final int parties;
    private final Target action;
    private final Duration timeout;

    /** The barrier is broken: a party timed out, the action failed, or someone called abort() or reset(). */
    public static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A barrier for {@code parties} processes, with no action and no default timeout. */
    public Barrier(int parties) {
        this(parties, null, null, null);
    }

    /**
     * A barrier for {@code parties} processes; {@code action} (may be null) runs once per round, in
     * the last process to arrive, before any goes on; {@code timeout} (may be null) applies to every
     * {@link #await()} without one of its own.
     */
    public Barrier(int parties, Target action, Duration timeout, String name) {
        super("Barrier", name, 24);
        if (parties < 1) {
            throw new IllegalArgumentException("new Barrier(" + parties + "): a barrier needs at least 1 party");
        }
        this.parties = parties;
        this.action = action;
        this.timeout = Names.timeout(timeout);
    }

    /** Waits for the other parties, with the barrier's default timeout. Returns this arrival's number, 0 to parties−1. */
    public int await() {
        return await(timeout);
    }

    /** Waits for the other parties at most {@code timeout} ({@code null}: no limit); breaks the barrier if the time runs out. */
    public int await(Duration timeout) {
        timeout = Names.timeout(timeout);
        Waiting waiting = Waiting.upTo(timeout);
        int index;
        int round;
        int resets;
        while (true) { // a process arriving while the last round's action runs waits for the round to end
            OwnerWord.enter(memory, INSIDE);
            if (memory.getInt(BROKEN) == 1) {
                OwnerWord.leave(memory, INSIDE);
                throw broken("it was broken before " + ThisProcess.name() + " arrived", null);
            }
            index = memory.getInt(ARRIVED);
            if (index < parties) {
                memory.setInt(ARRIVED, index + 1);
                round = memory.getInt(ROUND);
                resets = memory.getInt(RESETS);
                OwnerWord.leave(memory, INSIDE);
                break;
            }
            OwnerWord.leave(memory, INSIDE);
            waiting.pause();
        }
        if (Trace.ON) {
            Trace.mp(Trace.BARRIER_ARRIVED, "name", name, "index", index);
        }
        if (index == parties - 1) {
            if (action != null) {
                try {
                    action.run();
                } catch (Exception | Error e) {
                    memory.setInt(BROKEN, 1);
                    throw broken("its action failed in " + ThisProcess.name() + ": " + e, e);
                }
            }
            OwnerWord.enter(memory, INSIDE);
            memory.setInt(ARRIVED, 0);
            memory.setInt(ROUND, round + 1);
            OwnerWord.leave(memory, INSIDE);
            return index;
        }
        while (memory.getInt(ROUND) == round) {
            if (memory.getInt(BROKEN) == 1 || memory.getInt(RESETS) != resets) {
                throw broken("it was broken or reset while " + ThisProcess.name() + " waited", null);
            }
            if (waiting.timedOut()) {
                OwnerWord.enter(memory, INSIDE);
                boolean passed = memory.getInt(ROUND) != round;
                if (!passed) {
                    memory.setInt(BROKEN, 1);
                }
                OwnerWord.leave(memory, INSIDE);
                if (passed) {
                    break;
                }
                throw broken(ThisProcess.name() + " waited " + timeout + " and only " + memory.getInt(ARRIVED)
                        + " of " + parties + " parties had arrived", null);
            }
            waiting.pause();
        }
        return index;
    }

    /** Breaks the barrier: every process waiting, or arriving later, gets {@link Broken} until {@link #reset()}. */
    public void abort() {
        memory.setInt(BROKEN, 1);
    }

    /** Empties the barrier for a new start; processes waiting now get {@link Broken}. */
    public void reset() {
        OwnerWord.enter(memory, INSIDE);
        memory.setInt(RESETS, memory.getInt(RESETS) + 1);
        memory.setInt(ARRIVED, 0);
        memory.setInt(BROKEN, 0);
        OwnerWord.leave(memory, INSIDE);
    }

    public int parties() {
        return parties;
    }

    /** How many processes wait at the barrier now. */
    public int waiting() {
        int arrived = memory.getInt(ARRIVED);
        return arrived >= parties ? 0 : arrived;
    }

    public boolean isBroken() {
        return memory.getInt(BROKEN) == 1;
    }

    @Override
    public String toString() {
        return "Barrier[" + name + ", " + waiting() + " of " + parties + " waiting" + (isBroken() ? ", broken" : "") + "]";
    }

    private Broken broken(String why, Throwable cause) {
        if (Trace.ON) {
            Trace.mp(Trace.BARRIER_BROKEN, "name", name);
        }
        return new Broken("barrier '" + name + "' is broken: " + why, cause);
    }
}
