package procbook.mp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A manager's {@code Condition}, on a re-entrant lock of its own, both in the manager's process. */
final class ManagedCondition extends ManagedRLock {
    private final java.util.concurrent.locks.Condition condition = lock.newCondition();

    ManagedCondition() {
        super("Condition");
    }

    public boolean await(Duration timeout) throws InterruptedException {
        requireHeld("await");
        if (timeout == null) {
            condition.await();
            return true;
        }
        return condition.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    public void signal(Integer n) {
        requireHeld("signal");
        for (int i = 0; i < n; i++) {
            condition.signal();
        }
    }

    public void signalAll() {
        requireHeld("signalAll");
        condition.signalAll();
    }
}
