package procbook.mp;

/**
 * A Semaphore or BoundedSemaphore held by a {@link Manager}: Python's {@code manager.Semaphore(n)} and
 * {@code manager.BoundedSemaphore(n)}, with the calls of {@link LockProxy} and its value. Any process may
 * release. When a process that took permits ends or is killed, the manager gives back those it still
 * holds — not those another process released for it — and never raises the value above the initial
 * one, so a signal taken from a semaphore that started at 0 does not come back.
 */
public final class SemaphoreProxy extends AcquirableProxy {
    private static final long serialVersionUID = 1L;

    SemaphoreProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }

    /** The permits left now, a hint while others use it: Python's {@code get_value()}. */
    public int value() {
        return (Integer) call("value");
    }
}
