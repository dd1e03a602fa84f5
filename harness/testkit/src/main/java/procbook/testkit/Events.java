package procbook.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which events an assertion talks about: {@code kind("greeted")}, {@code kind("entered").in("Process-2")},
 * {@code kind("count").with("step", 5)}. Immutable; its {@link #toString()} reads well in failure messages.
 */
public final class Events implements Predicate<TraceEvent> {
    private final String kind;
    private final String process;
    private final Map<String, String> fields;

    private Events(String kind, String process, Map<String, String> fields) {
        this.kind = kind;
        this.process = process;
        this.fields = fields;
    }

    /** Events of this kind, from any process. */
    public static Events kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an event kind must not be blank");
        }
        return new Events(kind, null, Map.of());
    }

    /** The same, recorded only by the process with this name. */
    public Events in(String processName) {
        return new Events(kind, processName, fields);
    }

    /** The same, with this field value. */
    public Events with(String key, Object value) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put(key, String.valueOf(value));
        return new Events(kind, process, f);
    }

    @Override
    public boolean test(TraceEvent e) {
        if (!e.kind().equals(kind) || process != null && !e.process().equals(process)) {
            return false;
        }
        return fields.entrySet().stream().allMatch(f -> f.getValue().equals(e.fields().get(f.getKey())));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("'").append(kind);
        fields.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        s.append('\'');
        if (process != null) {
            s.append(" of ").append(process);
        }
        return s.toString();
    }
}
