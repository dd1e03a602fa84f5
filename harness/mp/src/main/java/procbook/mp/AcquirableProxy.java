package procbook.mp;

import java.time.Duration;

/** What a manager's lock, semaphore and condition proxies share: acquire, release, and hold for try-with-resources. */
abstract class AcquirableProxy extends ProxyBase implements Release.Releasable {
    private static final long serialVersionUID = 1L;

    AcquirableProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }

    /** Waits as long as it takes, then holds it: Python's {@code acquire()}. */
    public void acquire() {
        call("acquire");
    }

    /** Waits at most {@code timeout} ({@code null}: no limit); true if it is now held. Python's {@code acquire(timeout=...)}. */
    public boolean acquire(Duration timeout) {
        return (Boolean) call("acquire", timeout);
    }

    /** Takes it only if that needs no wait: Python's {@code acquire(False)}. */
    public boolean tryAcquire() {
        return (Boolean) call("tryAcquire");
    }

    /** Gives it back: Python's {@code release()}. */
    public void release() {
        call("release");
    }

    /** Acquires, and returns what releases, for try-with-resources: Python's {@code with lock:}. */
    public Held hold() {
        acquire();
        return new Release(this);
    }
}
