package procbook.mp;

/**
 * A Lock or RLock held by a {@link Manager}: Python's {@code manager.Lock()} and {@code manager.RLock()},
 * with {@code acquire}, {@code acquire(timeout)}, {@code tryAcquire}, {@code release}, {@code hold()}.
 * Any process may release a Lock, as in Python; an RLock only its holder may. When the holder's process
 * ends or is killed while it holds the lock, the manager gives the lock back — only then: a lock that
 * another process released for it, and someone else holds now, stays with its new holder.
 */
public final class LockProxy extends AcquirableProxy {
    private static final long serialVersionUID = 1L;

    LockProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }
}
