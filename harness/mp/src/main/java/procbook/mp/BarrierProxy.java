package procbook.mp;

import java.time.Duration;

/** A Barrier held by a {@link Manager}. */
public final class BarrierProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    BarrierProxy(Manager.Address address, long id) {
        super(address, id, "Barrier");
    }

    public int await() {
        return (Integer) call("await");
    }

    public int await(Duration timeout) {
        return (Integer) call("await", timeout);
    }

    public void abort() {
        call("abort");
    }

    public void reset() {
        call("reset");
    }

    public int parties() {
        return (Integer) call("parties");
    }

    public int waiting() {
        return (Integer) call("waiting");
    }

    public boolean isBroken() {
        return (Boolean) call("isBroken");
    }
}
