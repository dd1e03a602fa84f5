package procbook.mp;

import java.time.Duration;

/** An Event held by a {@link Manager}. */
public final class EventProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    EventProxy(Manager.Address address, long id) {
        super(address, id, "Event");
    }

    public void set() {
        call("set");
    }

    public void clear() {
        call("clear");
    }

    public boolean isSet() {
        return (Boolean) call("isSet");
    }

    public void await() {
        call("await");
    }

    public boolean await(Duration timeout) {
        return (Boolean) call("await", timeout);
    }
}
