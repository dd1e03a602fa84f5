package procbook.mp;

import java.time.Duration;

/**
 * A manager's {@code RLock}, and the lock of its {@code Condition}: held by one connection at a
 * time, as many times as it acquired it. The holder is the connection, not a thread, so that a
 * connection that drops is given back its lock by whichever thread notices — its own, or the
 * watcher's while its own still waits in a call.
 */
class ManagedRLock implements ManagerConnection.Releasable {
    private final String what;
    private ManagerConnection owner;
    private int count;

    ManagedRLock() {
        this("RLock");
    }

    ManagedRLock(String what) {
        this.what = what;
    }

    public void acquire() throws InterruptedException {
        acquire(null);
    }

    public synchronized boolean acquire(Duration timeout) throws InterruptedException {
        ManagerConnection me = ManagerConnection.current();
        if (owner != null && owner == me) {
            count++;
            return true;
        }
        if (!takeWhenFree(ManagerConnection.deadline(timeout))) {
            return false;
        }
        count = 1;
        return true;
    }

    public boolean tryAcquire() throws InterruptedException {
        return acquire(Duration.ZERO);
    }

    public synchronized void release() {
        requireHeld("release");
        if (--count == 0) {
            owner = null;
            notifyAll();
        }
    }

    synchronized void requireHeld(String call) {
        if (owner == null || owner != ManagerConnection.current()) {
            throw new IllegalStateException(call + "() on a manager's " + what + " without holding "
                    + (what.equals("RLock") ? "it" : "its lock") + ": acquire it first");
        }
    }

    /** Waits until nobody holds it, then makes the calling connection its holder (count left to the caller); false at the deadline. */
    final boolean takeWhenFree(long deadline) throws InterruptedException {
        while (owner != null) {
            if (!ManagerConnection.waitOn(this, deadline)) {
                return false;
            }
        }
        ManagerConnection.requireLive();
        owner = ManagerConnection.current();
        ManagerConnection.acquired(this);
        return true;
    }

    /** Lets go entirely, for a condition's wait; returns how many times it was held. */
    final int letGo() {
        int held = count;
        owner = null;
        count = 0;
        notifyAll();
        return held;
    }

    /** Holds it again {@code times} times, after a condition's wait. */
    final void holdAgain(int times) {
        count = times;
    }

    @Override
    public synchronized int giveBack(ManagerConnection dropped) {
        return owner == dropped ? letGo() : 0;
    }

    /** Nothing to undo on its own: {@link #giveBack} lets go of every hold of the dropped connection. */
    @Override
    public void undoUnanswered(ManagerConnection dropped) {
    }

    @Override
    public String toString() {
        return what;
    }
}
