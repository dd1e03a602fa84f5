package procbook.mp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a trace file, the one definition of its format — {@link Trace} writes it, the test
 * kit reads it:
 *
 * <pre>micros TAB pid TAB ppid TAB name TAB kind [TAB key=value]...</pre>
 *
 * <p>The name and the values escape tab, newline, carriage return and backslash ({@code \t},
 * {@code \n}, {@code \r}, {@code \\}), so a line is always one line; kinds and keys are single words
 * and need no escaping.
 *
 * @param micros  wall-clock time, microseconds since the epoch
 * @param pid     the process that recorded the event
 * @param ppid    its parent at that moment (0 when it has none)
 * @param process its name: {@code MainProcess}, {@code Process-1}, ...
 * @param kind    what happened
 * @param fields  the event's key/value pairs, in recorded order
 */
public record TraceLine(long micros, long pid, long ppid, String process, String kind, Map<String, String> fields) {
    public TraceLine {
        if (process == null || kind == null || kind.isEmpty() || fields == null) {
            throw new IllegalArgumentException("a trace line needs a process name, a kind and fields, got " + process + ", " + kind + ", " + fields);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The line as written, without its newline. */
    public String format() {
        StringBuilder line = new StringBuilder(96);
        line.append(micros).append('\t').append(pid).append('\t').append(ppid).append('\t').append(escape(process)).append('\t').append(kind);
        fields.forEach((k, v) -> line.append('\t').append(k).append('=').append(escape(v)));
        return line.toString();
    }

    /**
     * Reads a line as {@link #format()} writes it.
     *
     * @throws IllegalArgumentException saying what in the line is not as mp writes it
     */
    public static TraceLine parse(String line) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 5) {
            throw new IllegalArgumentException("it has " + cols.length + " tab-separated columns, mp writes at least 5");
        }
        long micros = number(cols[0], "time");
        long pid = number(cols[1], "pid");
        long ppid = number(cols[2], "parent pid");
        if (cols[4].isEmpty()) {
            throw new IllegalArgumentException("its event kind is empty");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 5; i < cols.length; i++) {
            int eq = cols[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("its column " + (i + 1) + " ('" + cols[i] + "') is not key=value");
            }
            fields.put(cols[i].substring(0, eq), unescape(cols[i].substring(eq + 1)));
        }
        return new TraceLine(micros, pid, ppid, unescape(cols[3]), cols[4], fields);
    }

    /** Pairs of key and value as {@link Trace#event} takes them, as fields. */
    static Map<String, String> fields(Object... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        }
        return fields;
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its " + what + " column is '" + text + "', not a number");
        }
    }

    static String escape(String s) {
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\\') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
