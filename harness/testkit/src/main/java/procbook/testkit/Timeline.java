package procbook.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws a trace as text, one event a row in the order things happened, never wider than
 * {@value #WIDTH} columns however many processes there are:
 *
 * <pre>
 *    #       ms  M 1 2 3  process   event
 *   12    103.4  │ ● │ │  buyer-1   buy-start
 *   13    104.0  │ │ ● │  buyer-2   buy-start                                  ◀
 * </pre>
 *
 * <p>One narrow lane per process, {@code MainProcess} first ({@code M}): {@code ●} where the process
 * recorded the row's event, {@code │} while it is between its first and last event, so who was busy
 * together reads down the page. The events a failure is about are marked {@code ◀}. The ms column is
 * a running maximum: the processes' clocks differ by microseconds, the order is the trace's.
 */
final class Timeline {
    /** 120 columns with room for the indent a runner puts before a failure's lines. */
    static final int WIDTH = 112;
    /** Rows a failure message shows at most; the whole timeline goes to a file. */
    static final int COMPACT_ROWS = 16;
    private static final int MAX_LANES = 30;
    private static final int MAX_NAME = 16;
    private static final String LANE_LABELS = "123456789abcdefghijklmnopqrstuvwxyz";

    private Timeline() {
    }

    /** Every event of the trace. */
    static String render(TraceLog trace) {
        return draw(trace, Set.of(), Integer.MAX_VALUE);
    }

    /**
     * At most {@link #COMPACT_ROWS} rows: the {@code highlighted} events (by index) with a little of
     * what came before and after each, or the last events when nothing is highlighted.
     */
    static String compact(TraceLog trace, Set<Integer> highlighted) {
        return draw(trace, highlighted, COMPACT_ROWS);
    }

    private static String draw(TraceLog trace, Set<Integer> highlighted, int maxRows) {
        List<TraceEvent> events = trace.events();
        if (events.isEmpty()) {
            return "(the trace is empty: no process recorded anything)\n";
        }
        Map<String, Integer> lane = new LinkedHashMap<>();
        if (events.stream().anyMatch(e -> e.process().equals("MainProcess"))) {
            lane.put("MainProcess", 0);
        }
        events.forEach(e -> lane.putIfAbsent(e.process(), lane.size()));
        int lanes = lane.size() <= MAX_LANES ? lane.size() : 0;
        int[] first = new int[lane.size()];
        int[] last = new int[lane.size()];
        java.util.Arrays.fill(first, -1);
        for (TraceEvent e : events) {
            int l = lane.get(e.process());
            if (first[l] < 0) {
                first[l] = e.index();
            }
            last[l] = e.index();
        }
        int nameWidth = Math.min(MAX_NAME, lane.keySet().stream().mapToInt(String::length).max().orElse(7));
        int eventWidth = WIDTH - (5 + 1 + 9 + 2 + 2 * lanes + 1 + nameWidth + 1) - 2;

        StringBuilder out = new StringBuilder();
        out.append("timeline (in trace order; ms since the first event")
                .append(lanes > 0 ? "; ● recorded it, │ running" : "")
                .append(highlighted.isEmpty() ? "):\n" : "; ◀ this failure):\n");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%5s %9s  ", "#", "ms"));
        int others = 0;
        for (String process : lane.keySet()) {
            if (lanes > 0) {
                header.append(process.equals("MainProcess") ? 'M' : LANE_LABELS.charAt(others++ % LANE_LABELS.length())).append(' ');
            }
        }
        header.append(' ').append(pad("process", nameWidth)).append(" event");
        out.append(header.toString().stripTrailing()).append('\n');

        TreeSet<Integer> shown = rowsToShow(events.size(), highlighted, maxRows);
        long t0 = events.get(0).micros();
        long clock = t0;
        int previous = -1;
        for (TraceEvent e : events) {
            clock = Math.max(clock, e.micros());
            if (!shown.contains(e.index())) {
                continue;
            }
            if (e.index() != previous + 1) {
                int gap = e.index() - previous - 1;
                out.append(String.format(Locale.ROOT, "%5s %9s  (%d event%s not shown)%n", "⋮", "", gap, gap == 1 ? "" : "s"));
            }
            previous = e.index();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d %9.1f  ", e.index(), (clock - t0) / 1000.0));
            if (lanes > 0) {
                int mine = lane.get(e.process());
                for (int l = 0; l < lane.size(); l++) {
                    row.append(l == mine ? '●' : first[l] <= e.index() && e.index() <= last[l] ? '│' : ' ').append(' ');
                }
            }
            row.append(' ').append(pad(e.process(), nameWidth)).append(' ');
            String what = e.describe();
            boolean marked = highlighted.contains(e.index());
            row.append(marked ? pad(what, eventWidth) + " ◀" : cut(what, eventWidth + 2));
            out.append(row.toString().stripTrailing()).append('\n');
        }
        if (previous < events.size() - 1) {
            int gap = events.size() - 1 - previous;
            out.append(String.format(Locale.ROOT, "%5s %9s  (%d later event%s not shown)%n", "⋮", "", gap, gap == 1 ? "" : "s"));
        }
        return out.toString();
    }

    /** All rows if they fit; else each highlighted row with context, widened in turn until the budget is spent. */
    static TreeSet<Integer> rowsToShow(int size, Set<Integer> highlighted, int maxRows) {
        TreeSet<Integer> rows = new TreeSet<>();
        if (size <= maxRows) {
            for (int i = 0; i < size; i++) {
                rows.add(i);
            }
            return rows;
        }
        List<Integer> anchors = new ArrayList<>(new TreeSet<>(highlighted));
        anchors.removeIf(i -> i < 0 || i >= size);
        if (anchors.isEmpty()) {
            for (int i = size - maxRows; i < size; i++) {
                rows.add(i);
            }
            return rows;
        }
        // the anchors first, then one more row before and after each, round by round: the context of
        // every highlighted event grows evenly instead of the first one taking the whole budget
        for (int anchor : anchors) {
            if (rows.size() < maxRows) {
                rows.add(anchor);
            }
        }
        for (int reach = 1; rows.size() < maxRows && reach < size; reach++) {
            for (int anchor : anchors) {
                for (int candidate : new int[] {anchor - reach, anchor + reach}) {
                    if (rows.size() < maxRows && candidate >= 0 && candidate < size) {
                        rows.add(candidate);
                    }
                }
            }
        }
        return rows;
    }

    private static String pad(String s, int width) {
        String c = cut(s, width);
        return c + " ".repeat(Math.max(0, width - c.length()));
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
