package procbook.mp;

/**
 * A Lock or RLock held by a {@link Manager}: {@code acquire}, {@code acquire(timeout)},
 * {@code tryAcquire}, {@code release}, {@code hold()}. If a process dies holding it, the manager gives it back.
 */
public final class LockProxy extends AcquirableProxy {
    private static final long serialVersionUID = 1L;

    LockProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }
}
