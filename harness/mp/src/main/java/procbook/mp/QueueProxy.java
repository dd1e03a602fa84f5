package procbook.mp;

import java.time.Duration;

/** A queue held by a {@link Manager}: the same calls as {@link Queue}, the same exceptions ({@link Queue.Full}, {@link Queue.Empty}). */
public final class QueueProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    QueueProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }

    public void put(T item) {
        call("put", item);
    }

    public void put(T item, Duration timeout) {
        call("put", item, timeout);
    }

    public void putNowait(T item) {
        call("putNowait", item);
    }

    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call("get");
    }

    @SuppressWarnings("unchecked")
    public T get(Duration timeout) {
        return (T) call("get", timeout);
    }

    @SuppressWarnings("unchecked")
    public T getNowait() {
        return (T) call("getNowait");
    }

    public int qsize() {
        return (Integer) call("qsize");
    }

    public boolean empty() {
        return (Boolean) call("empty");
    }

    public boolean full() {
        return (Boolean) call("full");
    }

    /** For a joinable queue: one item taken has been dealt with. */
    public void taskDone() {
        call("taskDone");
    }

    /** For a joinable queue: waits until every item put has been marked done. */
    public void join() {
        call("join");
    }
}
