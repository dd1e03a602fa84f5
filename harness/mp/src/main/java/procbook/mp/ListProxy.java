package procbook.mp;

import java.util.List;

/** A list held by a {@link Manager}: Python's {@code manager.list()}. */
public final class ListProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    ListProxy(Manager.Address address, long id) {
        super(address, id, "List");
    }

    public void append(T value) {
        call("append", value);
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) call("get", index);
    }

    @SuppressWarnings("unchecked")
    public T set(int index, T value) {
        return (T) call("set", index, value);
    }

    @SuppressWarnings("unchecked")
    public T remove(int index) {
        return (T) call("remove", index);
    }

    public int size() {
        return (Integer) call("size");
    }

    /** A copy of the whole list, as it is now. */
    @SuppressWarnings("unchecked")
    public List<T> copy() {
        return (List<T>) call("copy");
    }
}
