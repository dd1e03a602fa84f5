package procbook.mp;

import java.time.Duration;

/** A queue held by a {@link Manager}: the same calls as {@link Queue}, the same exceptions ({@link Queue.Full}, {@link Queue.Empty}). */
public final class QueueProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    QueueProxy(Manager.Address address, long id, String kind) {
        super(address, id, kind);
    }

    /** Adds an item, waiting while the queue is full: Python's {@code put(item)}. */
    public void put(T item) {
        call("put", item);
    }

    /** The same, at most {@code timeout}, then {@link Queue.Full}: Python's {@code put(item, timeout=...)}. */
    public void put(T item, Duration timeout) {
        call("put", item, timeout);
    }

    /** Adds an item only if there is room now: Python's {@code put_nowait(item)}. */
    public void putNowait(T item) {
        call("putNowait", item);
    }

    /** Takes the oldest item, waiting while the queue is empty: Python's {@code get()}. */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call("get");
    }

    /** The same, at most {@code timeout}, then {@link Queue.Empty}: Python's {@code get(timeout=...)}. */
    @SuppressWarnings("unchecked")
    public T get(Duration timeout) {
        return (T) call("get", timeout);
    }

    /** Takes an item only if there is one now: Python's {@code get_nowait()}. */
    @SuppressWarnings("unchecked")
    public T getNowait() {
        return (T) call("getNowait");
    }

    /** The number of items, a hint: Python's {@code qsize()}. */
    public int qsize() {
        return (Integer) call("qsize");
    }

    /** Whether it is empty, a hint: Python's {@code empty()}. */
    public boolean empty() {
        return (Boolean) call("empty");
    }

    /** Whether it is full, a hint: Python's {@code full()}. */
    public boolean full() {
        return (Boolean) call("full");
    }

    /** For a joinable queue: one item taken has been dealt with. Python's {@code task_done()}. */
    public void taskDone() {
        call("taskDone");
    }

    /** For a joinable queue: waits until every item put has been marked done. Python's {@code join()}. */
    public void join() {
        call("join");
    }
}
