package procbook.mp;

import java.time.Duration;

/** A Condition held by a {@link Manager}, with its own re-entrant lock there. */
public final class ConditionProxy extends ProxyBase implements Release.Releasable {
    private static final long serialVersionUID = 1L;

    ConditionProxy(Manager.Address address, long id) {
        super(address, id, "Condition");
    }

    /** Takes the condition's lock: Python's {@code acquire()}. */
    public void acquire() {
        call("acquire");
    }

    /** Takes the lock, waiting at most {@code timeout}: Python's {@code acquire(timeout=...)}. */
    public boolean acquire(Duration timeout) {
        return (Boolean) call("acquire", timeout);
    }

    /** Gives the lock back: Python's {@code release()}. */
    public void release() {
        call("release");
    }

    /** Takes the lock, and returns what gives it back, for try-with-resources: Python's {@code with condition:}. */
    public Held hold() {
        acquire();
        return new Release(this);
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
