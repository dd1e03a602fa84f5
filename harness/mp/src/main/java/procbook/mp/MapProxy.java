package procbook.mp;

import java.util.Map;

/** A map held by a {@link Manager}: Python's {@code manager.dict()}. */
public final class MapProxy<K, V> extends ProxyBase {
    private static final long serialVersionUID = 1L;

    MapProxy(Manager.Address address, long id) {
        super(address, id, "Map");
    }

    @SuppressWarnings("unchecked")
    public V get(K key) {
        return (V) call("get", key);
    }

    @SuppressWarnings("unchecked")
    public V getOrDefault(K key, V otherwise) {
        return (V) call("getOrDefault", key, otherwise);
    }

    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        return (V) call("put", key, value);
    }

    @SuppressWarnings("unchecked")
    public V remove(K key) {
        return (V) call("remove", key);
    }

    public boolean containsKey(K key) {
        return (Boolean) call("containsKey", key);
    }

    public int size() {
        return (Integer) call("size");
    }

    public void clear() {
        call("clear");
    }

    /** A copy of the whole map, as it is now. */
    @SuppressWarnings("unchecked")
    public Map<K, V> copy() {
        return (Map<K, V>) call("copy");
    }
}
