package procbook.mp;

import java.time.Duration;

/** A Condition held by a {@link Manager}, with its own re-entrant lock there. */
public final class ConditionProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    ConditionProxy(Manager.Address address, long id) {
        super(address, id, "Condition");
    }

    public void acquire() {
        call("acquire");
    }

    public boolean acquire(Duration timeout) {
        return (Boolean) call("acquire", timeout);
    }

    public void release() {
        call("release");
    }

    public Held hold() {
        acquire();
        return new Release(this);
    }

    public void await() {
        call("await", (Object) null);
    }

    public boolean await(Duration timeout) {
        return (Boolean) call("await", timeout);
    }

    public void signal() {
        signal(1);
    }

    public void signal(int n) {
        call("signal", n);
    }

    public void signalAll() {
        call("signalAll");
    }

    private record Release(ConditionProxy condition) implements Held {
        @Override
        public void close() {
            condition.release();
        }
    }
}
