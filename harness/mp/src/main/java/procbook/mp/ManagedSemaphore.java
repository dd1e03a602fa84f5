package procbook.mp;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A manager's {@code Semaphore}, {@code BoundedSemaphore} or {@code Lock} (a bounded semaphore of one
 * permit, as Python's manager lock is a {@code threading.Lock} that any thread may release), as its
 * process holds it. Permits are nobody's, as in Python: any process may release. What a connection still holds when it drops is
 * given back, counted so that nothing is given back twice:
 * <ul>
 * <li>a release by a connection that holds no permit (a consumer giving back a producer's place)
 *     lowers what the others count as held, so the table never counts more permits out than are
 *     missing from the initial value;</li>
 * <li>a dropped connection gets back at most what is missing from the initial value, so a semaphore
 *     that counts signals (one that starts at 0) never hands out a signal nobody sent;</li>
 * <li>but a permit or signal taken for a client that was gone before the answer reached it goes back
 *     whole: that process never used it.</li>
 * </ul>
 * Whose count a release by a non-holder lowers cannot be known — permits have no names — so it is the
 * oldest taker's.
 */
final class ManagedSemaphore implements ManagerConnection.Releasable {
    private final String kind;
    private final int initial;
    private final boolean bounded;
    // oldest taker first: a release by a connection that holds nothing counts as the oldest taker's
    private final Map<ManagerConnection, Integer> held = new LinkedHashMap<>();
    private int value;
    private int waiting;

    /** A manager's lock: one permit, and a release beyond it is an error. */
    static ManagedSemaphore lock() {
        return new ManagedSemaphore("Lock", 1, true);
    }

    ManagedSemaphore(String kind, int value, boolean bounded) {
        this.kind = kind;
        if (value < 0) {
            throw new IllegalArgumentException("a manager's semaphore needs an initial value of 0 or more, not " + value);
        }
        this.initial = value;
        this.value = value;
        this.bounded = bounded;
    }

    public synchronized void acquire() throws InterruptedException {
        acquire(null);
    }

    public synchronized boolean acquire(Duration timeout) throws InterruptedException {
        long deadline = ManagerConnection.deadline(timeout);
        waiting++;
        try {
            while (value == 0) {
                if (!ManagerConnection.waitOn(this, deadline)) {
                    return false;
                }
            }
        } finally {
            waiting--;
        }
        ManagerConnection.requireLive();
        value--;
        ManagerConnection taker = ManagerConnection.current();
        if (taker != null) {
            held.merge(taker, 1, Integer::sum);
            ManagerConnection.acquired(this);
        }
        return true;
    }

    public synchronized boolean tryAcquire() throws InterruptedException {
        return acquire(Duration.ZERO);
    }

    public synchronized void release() {
        if (bounded && value >= initial) {
            throw new IllegalStateException(kind.equals("Lock")
                    ? "release() on a manager's lock that nobody holds: release once per acquire"
                    : "a process released the manager's " + kind + " more times than it was acquired (its value is already "
                            + value + ", its initial value): release once per acquire");
        }
        value++;
        ManagerConnection releaser = ManagerConnection.current();
        forgetOne(releaser);
        trimHeldTo(Math.max(0, initial - value));
        notifyAll();
    }

    public synchronized int value() {
        return value;
    }

    /** How many callers wait in {@code acquire} now: what a test waits for before it kills one. */
    public synchronized int waiting() {
        return waiting;
    }

    /** For a lock: whether some process holds it. */
    public synchronized boolean locked() {
        return value == 0;
    }

    @Override
    public String toString() {
        return kind;
    }

    @Override
    public synchronized int giveBack(ManagerConnection dropped) {
        Integer holds = held.remove(dropped);
        int n = holds == null ? 0 : Math.min(holds, Math.max(0, initial - value));
        if (n > 0) {
            value += n;
            notifyAll();
        }
        return n;
    }

    @Override
    public synchronized void undoUnanswered(ManagerConnection dropped) {
        if (held.containsKey(dropped)) { // unless another process has released it meanwhile
            forgetOne(dropped);
            value++;
            notifyAll();
        }
    }

    private void forgetOne(ManagerConnection c) {
        held.computeIfPresent(c, (k, n) -> n > 1 ? n - 1 : null);
    }

    private void trimHeldTo(int missing) {
        int excess = held.values().stream().mapToInt(Integer::intValue).sum() - missing;
        for (Iterator<Map.Entry<ManagerConnection, Integer>> i = held.entrySet().iterator(); i.hasNext() && excess > 0; ) {
            Map.Entry<ManagerConnection, Integer> e = i.next();
            int cut = Math.min(e.getValue(), excess);
            excess -= cut;
            if (cut == e.getValue()) {
                i.remove();
            } else {
                e.setValue(e.getValue() - cut);
            }
        }
    }
}
