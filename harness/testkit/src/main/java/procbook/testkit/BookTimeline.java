package procbook.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A run drawn small enough for a page of the book: the same picture as {@link TimelinePicture}'s
 * — one lane per process, {@code MainProcess} first, one row per event in the trace's order, the
 * events a failure is about in red — with narrow lanes. The lesson's own events are labelled with
 * their kind, the key moments of the lesson; mp's events (acquired, released, put, …) are small
 * open marks, their kind shown on hover.
 */
final class BookTimeline {
    private static final int LANE = 92;
    private static final int ROW = 15;
    private static final int TOP = 50;
    private static final int LEFT = 48;
    private static final int MAX_EVENTS = 300;
    private static final int MAX_LABEL = 12;

    private BookTimeline() {
    }

    static String svg(TraceLog trace, Set<Integer> highlighted) {
        List<TraceEvent> events = trace.events();
        if (events.size() > MAX_EVENTS) {
            events = events.subList(0, MAX_EVENTS);
        }
        Map<String, Integer> lane = new LinkedHashMap<>();
        if (events.stream().anyMatch(e -> e.process().equals("MainProcess"))) {
            lane.put("MainProcess", 0);
        }
        for (TraceEvent e : events) {
            lane.putIfAbsent(e.process(), lane.size());
        }
        int width = LEFT + lane.size() * LANE + 10;
        int height = TOP + events.size() * ROW + 16;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Noto Serif, Verdana, sans-serif\" font-size=\"10\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("<text x=\"4\" y=\"").append(TOP - 6).append("\" fill=\"#666\">ms</text>\n");
        for (Map.Entry<String, Integer> l : lane.entrySet()) {
            int x = x(l.getValue());
            int first = -1;
            int last = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).process().equals(l.getKey())) {
                    first = first < 0 ? y(i) : first;
                    last = y(i);
                }
            }
            s.append("<text x=\"").append(x - 4).append("\" y=\"").append(l.getValue() % 2 == 0 ? 18 : 32)
                    .append("\" font-weight=\"bold\">").append(TimelinePicture.escape(l.getKey())).append("</text>")
                    .append("<line x1=\"").append(x).append("\" y1=\"").append(first).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(last).append("\" stroke=\"#9ab\" stroke-width=\"2\"/>\n");
        }
        long t0 = events.isEmpty() ? 0 : events.get(0).micros();
        long shown = t0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            shown = Math.max(shown, e.micros()); // each process reads its own clock: never show time going back
            boolean hot = highlighted.contains(e.index());
            boolean own = !TimelinePicture.isMp(e);
            int x = x(lane.get(e.process()));
            int y = y(i);
            s.append("<g><title>").append(TimelinePicture.escape(e.toString())).append("</title>");
            if (i % 5 == 0 || hot) {
                s.append("<text x=\"4\" y=\"").append(y + 3).append("\" fill=\"#999\">")
                        .append(String.format(Locale.ROOT, "%.0f", (shown - t0) / 1000.0)).append("</text>");
            }
            s.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(hot ? 5 : own ? 4 : 2.5)
                    .append("\" fill=\"").append(hot ? "#d22" : own ? "#357" : "#fff").append("\" stroke=\"")
                    .append(hot ? "#900" : "#357").append("\"/>");
            if (own || hot) {
                String label = e.kind().length() > MAX_LABEL ? e.kind().substring(0, MAX_LABEL - 1) + "…" : e.kind();
                s.append("<text x=\"").append(x + 7).append("\" y=\"").append(y + 3).append("\"")
                        .append(hot ? " fill=\"#c00\" font-weight=\"bold\"" : "").append('>')
                        .append(TimelinePicture.escape(label)).append("</text>");
            }
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static int x(int lane) {
        return LEFT + 8 + lane * LANE;
    }

    private static int y(int row) {
        return TOP + 8 + row * ROW;
    }
}
