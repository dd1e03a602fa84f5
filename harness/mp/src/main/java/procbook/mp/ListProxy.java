package procbook.mp;

import java.util.List;

/** A list held by a {@link Manager}: Python's {@code manager.list()}. */
public final class ListProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    ListProxy(Manager.Address address, long id) {
        super(address, id, "List");
    }

    /** Adds at the end: Python's {@code lst.append(value)}. */
    public void append(T value) {
        call("append", value);
    }

    /** The item at {@code index}: Python's {@code lst[index]}. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) call("get", index);
    }

    /** Replaces the item at {@code index}, returning the old one: Python's {@code lst[index] = value}. */
    @SuppressWarnings("unchecked")
    public T set(int index, T value) {
        return (T) call("set", index, value);
    }

    /** Removes and returns the item at {@code index}: Python's {@code lst.pop(index)}. */
    @SuppressWarnings("unchecked")
    public T remove(int index) {
        return (T) call("remove", index);
    }

    /** The number of items: Python's {@code len(lst)}. */
    public int size() {
        return (Integer) call("size");
    }

    /** A copy of the whole list, as it is now: Python's {@code lst[:]}. */
    @SuppressWarnings("unchecked")
    public List<T> copy() {
        return (List<T>) call("copy");
    }
}
