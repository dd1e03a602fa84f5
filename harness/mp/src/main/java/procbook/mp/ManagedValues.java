package procbook.mp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data a manager's process holds for its proxies — Python's {@code manager.dict()},
 * {@code list()}, {@code Value()} and {@code Namespace()}. Every method is synchronized: each client
 * connection calls from a thread of its own.
 */
final class ManagedValues {
    private ManagedValues() {
    }

    /** Python's dict: null keys and values allowed. */
    static final class SharedMap {
        private final Map<Object, Object> map = new HashMap<>();

        public synchronized Object get(Object key) {
            return map.get(key);
        }

        public synchronized Object getOrDefault(Object key, Object otherwise) {
            return map.getOrDefault(key, otherwise);
        }

        public synchronized Object put(Object key, Object value) {
            return map.put(key, value);
        }

        public synchronized Object remove(Object key) {
            return map.remove(key);
        }

        public synchronized boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        public synchronized int size() {
            return map.size();
        }

        public synchronized HashMap<Object, Object> copy() {
            return new HashMap<>(map);
        }

        public synchronized void clear() {
            map.clear();
        }
    }

    /** Python's list. */
    static final class SharedList {
        private final List<Object> list = new ArrayList<>();

        public synchronized void append(Object value) {
            list.add(value);
        }

        public synchronized Object get(Integer index) {
            return list.get(index);
        }

        public synchronized Object set(Integer index, Object value) {
            return list.set(index, value);
        }

        public synchronized Object remove(Integer index) {
            return list.remove((int) index);
        }

        public synchronized int size() {
            return list.size();
        }

        public synchronized ArrayList<Object> copy() {
            return new ArrayList<>(list);
        }
    }

    /** Python's Value. */
    static final class SharedValue {
        private Object value;

        SharedValue(Object value) {
            this.value = value;
        }

        public synchronized Object get() {
            return value;
        }

        public synchronized void set(Object value) {
            this.value = value;
        }
    }

    /** Python's Namespace: attributes by name; reading one that was never set is an error, as Python's AttributeError. */
    static final class Namespace {
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        public synchronized Object get(String attribute) {
            if (!attributes.containsKey(attribute)) {
                throw new IllegalArgumentException(missing(attribute));
            }
            return attributes.get(attribute);
        }

        public synchronized void set(String attribute, Object value) {
            attributes.put(attribute, value);
        }

        public synchronized void delete(String attribute) {
            if (!attributes.containsKey(attribute)) {
                throw new IllegalArgumentException(missing(attribute));
            }
            attributes.remove(attribute);
        }

        public synchronized boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }

        public synchronized LinkedHashMap<String, Object> copy() {
            return new LinkedHashMap<>(attributes);
        }

        private String missing(String attribute) {
            return "the namespace has no attribute '" + attribute + "' (it has " + (attributes.isEmpty() ? "none"
                    : String.join(", ", attributes.keySet())) + "): set it first, ns.set(\"" + attribute + "\", value)";
        }
    }
}
