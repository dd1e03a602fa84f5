package procbook.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws a trace as a timeline: time down the left, one column per process. */
final class Timeline {
    private static final int MAX_COLUMN = 30;
    private static final int MAX_ROWS = 200;

    private Timeline() {
    }

    static String render(TraceLog trace) {
        List<TraceEvent> events = trace.events();
        if (events.isEmpty()) {
            return "(the trace is empty: no process recorded anything)";
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            column.putIfAbsent(e.process(), column.size());
            pids.putIfAbsent(e.process(), e.pid());
        }
        List<String> headers = new ArrayList<>();
        pids.forEach((name, pid) -> headers.add(name + " (" + pid + ")"));
        int[] width = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            width[i] = Math.min(MAX_COLUMN, headers.get(i).length());
        }
        for (TraceEvent e : events) {
            int c = column.get(e.process());
            width[c] = Math.min(MAX_COLUMN, Math.max(width[c], e.describe().length()));
        }
        long t0 = events.get(0).micros();
        StringBuilder out = new StringBuilder("timeline of the run (in the order things happened; ms since the first event; one column per process):\n");
        out.append(String.format("%9s  ", "ms"));
        for (int i = 0; i < headers.size(); i++) {
            out.append(pad(headers.get(i), width[i])).append(" | ");
        }
        out.append('\n');
        int skipped = Math.max(0, events.size() - MAX_ROWS);
        if (skipped > 0) {
            out.append(String.format("%9s  (%d earlier events not shown)%n", "...", skipped));
        }
        long shown = t0;
        for (TraceEvent e : events.subList(skipped, events.size())) {
            shown = Math.max(shown, e.micros()); // the processes' clocks differ by microseconds: the order is the trace's
            out.append(String.format("%9.1f  ", (shown - t0) / 1000.0));
            int c = column.get(e.process());
            for (int i = 0; i < headers.size(); i++) {
                out.append(pad(i == c ? e.describe() : "", width[i])).append(" | ");
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, width - 1) + "…";
        }
        return s + " ".repeat(width - s.length());
    }
}
