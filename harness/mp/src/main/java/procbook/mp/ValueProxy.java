package procbook.mp;

/** A single value held by a {@link Manager}: Python's {@code manager.Value(...)}. */
public final class ValueProxy<T> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    ValueProxy(Manager.Address address, long id) {
        super(address, id, "Value");
    }

    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call("get");
    }

    public void set(T value) {
        call("set", value);
    }
}
