package procbook.mp;

import java.util.LinkedHashMap;

/**
 * Named attributes held by a {@link Manager}: Python's {@code manager.Namespace()}. Python writes
 * {@code ns.x = 1}, reads {@code ns.x} and deletes with {@code del ns.x}; here those are
 * {@code ns.set("x", 1)}, {@code ns.get("x")} and {@code ns.delete("x")}.
 */
public final class NamespaceProxy extends ProxyBase {
    private static final long serialVersionUID = 1L;

    NamespaceProxy(Manager.Address address, long id) {
        super(address, id, "Namespace");
    }

    /**
     * The attribute's value: Python's {@code ns.x}.
     *
     * @throws IllegalArgumentException if it was never set (Python's {@code AttributeError}), naming those that were
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String attribute) {
        return (T) call("get", named(attribute));
    }

    /** Sets the attribute, for every process: Python's {@code ns.x = value}. */
    public void set(String attribute, Object value) {
        call("set", named(attribute), value);
    }

    /** Removes the attribute: Python's {@code del ns.x}; an error if it was never set. */
    public void delete(String attribute) {
        call("delete", named(attribute));
    }

    /** Whether the attribute is set: Python's {@code hasattr(ns, "x")}. */
    public boolean has(String attribute) {
        return (Boolean) call("has", named(attribute));
    }

    /** A copy of every attribute and its value, in the order they were first set: what Python's {@code repr(ns)} shows. */
    @SuppressWarnings("unchecked")
    public LinkedHashMap<String, Object> attributes() {
        return (LinkedHashMap<String, Object>) call("copy");
    }

    private static String named(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            throw new IllegalArgumentException("a Namespace's attribute needs a name, as in ns.set(\"x\", 1)");
        }
        return attribute;
    }
}
