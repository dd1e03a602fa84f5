package procbook.mp;

import java.util.Map;

/** A map held by a {@link Manager}: Python's {@code manager.dict()}. */
public final class MapProxy<K, V> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    MapProxy(Manager.Address address, long id) {
        super(address, id, "Map");
    }

    /** The value of {@code key}, or null: Python's {@code d.get(key)}. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        return (V) call("get", key);
    }

    /** The value of {@code key}, or {@code otherwise}: Python's {@code d.get(key, otherwise)}. */
    @SuppressWarnings("unchecked")
    public V getOrDefault(K key, V otherwise) {
        return (V) call("getOrDefault", key, otherwise);
    }

    /** Sets {@code key}, returning its old value: Python's {@code d[key] = value}. */
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        return (V) call("put", key, value);
    }

    /** Removes {@code key}, returning its value: Python's {@code d.pop(key, None)}. */
    @SuppressWarnings("unchecked")
    public V remove(K key) {
        return (V) call("remove", key);
    }

    /** Whether {@code key} is there: Python's {@code key in d}. */
    public boolean containsKey(K key) {
        return (Boolean) call("containsKey", key);
    }

    /** The number of keys: Python's {@code len(d)}. */
    public int size() {
        return (Integer) call("size");
    }

    /** Removes every key: Python's {@code d.clear()}. */
    public void clear() {
        call("clear");
    }

    /** A copy of the whole map, as it is now: Python's {@code d.copy()}. */
    @SuppressWarnings("unchecked")
    public Map<K, V> copy() {
        return (Map<K, V>) call("copy");
    }
}
