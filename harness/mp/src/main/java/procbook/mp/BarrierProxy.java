package procbook.mp;

import java.time.Duration;

/** A Barrier held by a {@link Manager}. */
public final class BarrierProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    BarrierProxy(Manager.Address address, long id) {
        super(address, id, "Barrier");
    }

    /** Waits for the other parties; returns this arrival's number, 0 to parties − 1. Python's {@code wait()}. */
    public int await() {
        return (Integer) call("await");
    }

    /** The same, at most {@code timeout}, after which the barrier breaks: Python's {@code wait(timeout)}. */
    public int await(Duration timeout) {
        return (Integer) call("await", timeout);
    }

    /** Breaks the barrier: every waiter, now and later, fails. Python's {@code abort()}. */
    public void abort() {
        call("abort");
    }

    /** Back to its empty state; current waiters fail. Python's {@code reset()}. */
    public void reset() {
        call("reset");
    }

    /** How many must arrive: Python's {@code parties}. */
    public int parties() {
        return (Integer) call("parties");
    }

    /** How many wait now: Python's {@code n_waiting}. */
    public int waiting() {
        return (Integer) call("waiting");
    }

    /** Whether it is broken: Python's {@code broken}. */
    public boolean isBroken() {
        return (Boolean) call("isBroken");
    }
}
