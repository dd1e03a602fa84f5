package procbook.mp;

/** A Semaphore or BoundedSemaphore held by a {@link Manager}: the calls of {@link LockProxy}, and its value. */
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
