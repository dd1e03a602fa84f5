package procbook.mp;

/** A single value held by a {@link Manager}: Python's {@code manager.Value(...)}. */
public final class ValueProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    ValueProxy(Manager.Address address, long id) {
        super(address, id, "Value");
    }

    /** The value: Python's {@code v.value}. */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call("get");
    }

    /** Replaces the value: Python's {@code v.value = x}. */
    public void set(T value) {
        call("set", value);
    }
}
