package procbook.mp;

import java.time.Duration;

/** What a manager's lock and semaphore proxies share: acquire, release, and hold for try-with-resources. */
abstract class AcquirableProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    AcquirableProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }

    public void acquire() {
        call("acquire");
    }

    public boolean acquire(Duration timeout) {
        return (Boolean) call("acquire", timeout);
    }

    public boolean tryAcquire() {
        return (Boolean) call("tryAcquire");
    }

    public void release() {
        call("release");
    }

    /** Acquires, and returns what releases, for try-with-resources. */
    public Held hold() {
        acquire();
        return new Release(this);
    }

    private record Release(AcquirableProxy held) implements Held {
        @Override
        public void close() {
            held.release();
        }
    }
}
