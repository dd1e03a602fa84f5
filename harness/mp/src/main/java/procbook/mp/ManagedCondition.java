package procbook.mp;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A manager's {@code Condition}, on a re-entrant lock of its own, both in the manager's process.
 * Each waiter has its own flag, as in Python's {@code threading.Condition}: a signal wakes the
 * oldest waiters, a wake-up without one is not taken for one, and the signal of a waiter whose
 * client has gone passes to the next waiter.
 */
final class ManagedCondition extends ManagedRLock {
    private static final class Waiter {
        boolean signalled;
    }

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    ManagedCondition() {
        super("Condition");
    }

    public synchronized boolean await(Duration timeout) throws InterruptedException {
        requireHeld("await");
        long deadline = ManagerConnection.deadline(timeout);
        Waiter me = new Waiter();
        waiters.add(me);
        int held = letGo();
        try {
            while (!me.signalled && ManagerConnection.waitOn(this, deadline)) {
                // woken without a signal for this waiter: wait on
            }
            waiters.remove(me);
            takeWhenFree(Long.MAX_VALUE); // as Python: wait() holds the lock again before it returns, whatever the timeout
        } catch (InterruptedException | RuntimeException e) {
            waiters.remove(me);
            if (me.signalled) {
                wake(1); // its client is gone: the signal goes to someone who can use it
            }
            throw e;
        }
        holdAgain(held);
        return me.signalled;
    }

    public synchronized void signal(Integer n) {
        requireHeld("signal");
        wake(n);
    }

    public synchronized void signalAll() {
        requireHeld("signalAll");
        wake(Integer.MAX_VALUE);
    }

    /** How many wait now: what a test waits for before it kills one. */
    public synchronized int waiting() {
        return waiters.size();
    }

    private void wake(int n) {
        for (Waiter w : waiters) {
            if (n == 0) {
                break;
            }
            if (!w.signalled) {
                w.signalled = true;
                n--;
            }
        }
        notifyAll();
    }
}
