package procbook.testkit;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line of a scenario's trace: what one process recorded, at one moment.
 *
 * @param index   its position in the trace, which is the order in which things happened
 * @param micros  wall-clock time in microseconds since the epoch (for display; order comes from index)
 * @param pid     the recording process
 * @param ppid    its parent at that moment (an orphan's changes)
 * @param process its name: {@code MainProcess}, {@code Process-1}, ...
 * @param kind    what happened: {@code started}, {@code exited}, or a lesson's own word
 * @param fields  the event's key/value pairs, in recorded order
 */
public record TraceEvent(int index, long micros, long pid, long ppid, String process, String kind, Map<String, String> fields) {
    public TraceEvent {
        if (process == null || kind == null || fields == null) {
            throw new IllegalArgumentException("a trace event needs a process, a kind and fields");
        }
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** The value of {@code key}; fails with a message naming the event when it has none. */
    public String field(String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new AssertionError("event " + this + " has no field '" + key + "' (it has " + fields.keySet() + ")");
        }
        return v;
    }

    public long longField(String key) {
        String v = field(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new AssertionError("field '" + key + "' of event " + this + " should be a number, but is '" + v + "'");
        }
    }

    public boolean has(String key, Object value) {
        return String.valueOf(value).equals(fields.get(key));
    }

    /** {@code Process-1 entered customer=3}: how messages and timelines show an event. */
    public String describe() {
        String f = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return kind + (f.isEmpty() ? "" : " " + f);
    }

    @Override
    public String toString() {
        return "#" + index + " " + process + " (pid " + pid + "): " + describe();
    }
}
