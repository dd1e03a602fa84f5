package procbook.mp;

import java.time.Duration;

/** An Event held by a {@link Manager}. */
public final class EventProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    EventProxy(Manager.Address address, long id) {
        super(address, id, "Event");
    }

    /** Sets the flag: every waiter goes on. Python's {@code set()}. */
    public void set() {
        call("set");
    }

    /** Clears the flag: Python's {@code clear()}. */
    public void clear() {
        call("clear");
    }

    /** Whether the flag is set: Python's {@code is_set()}. */
    public boolean isSet() {
        return (Boolean) call("isSet");
    }

    /** Waits until the flag is set: Python's {@code wait()}. */
    public void await() {
        call("await");
    }

    /** Waits at most {@code timeout}; returns the flag. Python's {@code wait(timeout)}. */
    public boolean await(Duration timeout) {
        return (Boolean) call("await", timeout);
    }
}
