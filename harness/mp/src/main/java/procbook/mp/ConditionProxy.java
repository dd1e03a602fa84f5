package procbook.mp;

import java.time.Duration;

/**
 * A Condition held by a {@link Manager}, with its own re-entrant lock there: {@code acquire},
 * {@code release} and {@code hold()} take and give back that lock (Python's {@code with condition:}).
 */
public final class ConditionProxy extends AcquirableProxy {
    private static final long serialVersionUID = 1L;

    ConditionProxy(Manager.Address address, long id) {
        super(address, id, "Condition");
    }

    /** Lets go of the lock and waits for a signal, then holds the lock again: Python's {@code wait()}. */
    public void await() {
        call("await", (Object) null);
    }

    /** The same, at most {@code timeout}; false if no signal came in time. Python's {@code wait(timeout)}. */
    public boolean await(Duration timeout) {
        return (Boolean) call("await", timeout);
    }

    /** Wakes one waiter: Python's {@code notify()}. */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiters: Python's {@code notify(n)}. */
    public void signal(int n) {
        call("signal", n);
    }

    /** Wakes every waiter: Python's {@code notify_all()}. */
    public void signalAll() {
        call("signalAll");
    }
}
