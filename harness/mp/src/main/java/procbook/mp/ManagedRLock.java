package procbook.mp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A manager's {@code RLock}, and the lock of its {@code Condition}: held by one connection at a
 * time. Each connection is served on a thread of its own, so a Java {@link ReentrantLock} held by
 * that thread is held by that connection; given back, every acquisition, when it drops.
 */
class ManagedRLock implements ManagerConnection.Releasable {
    final ReentrantLock lock = new ReentrantLock();
    private final String what;

    ManagedRLock() {
        this("RLock");
    }

    ManagedRLock(String what) {
        this.what = what;
    }

    public void acquire() {
        lock.lock();
        ManagerConnection.acquired(this);
    }

    public boolean acquire(Duration timeout) throws InterruptedException {
        boolean got = timeout == null ? lockInterruptibly() : lock.tryLock(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        if (got) {
            ManagerConnection.acquired(this);
        }
        return got;
    }

    public boolean tryAcquire() {
        boolean got = lock.tryLock();
        if (got) {
            ManagerConnection.acquired(this);
        }
        return got;
    }

    public void release() {
        requireHeld("release");
        lock.unlock();
    }

    void requireHeld(String call) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(call + "() on a manager's " + what + " without holding "
                    + (what.equals("RLock") ? "it" : "its lock") + ": acquire it first");
        }
    }

    /** Called on the dropped connection's own thread, which is the thread that holds the lock. */
    @Override
    public int giveBack(ManagerConnection dropped) {
        int n = lock.isHeldByCurrentThread() ? lock.getHoldCount() : 0;
        for (int i = 0; i < n; i++) {
            lock.unlock();
        }
        return n;
    }

    @Override
    public String toString() {
        return what;
    }

    private boolean lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
        return true;
    }
}
