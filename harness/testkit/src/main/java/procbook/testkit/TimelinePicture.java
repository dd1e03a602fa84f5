package procbook.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trace drawn as a picture: one narrow lane per process ({@code MainProcess} first), one row per
 * event going down in the order the events happened — the trace's order, so a picture never shows
 * time going backwards — with a mark in the lane of the process that recorded it, the milliseconds
 * since the first event on the left and the event on the right, as the text timeline of a failure
 * shows it. Events a failure is about are red; events with a label get it beside them, in bold. An
 * SVG, which any browser opens and the book's PDF embeds, nothing loaded from outside.
 *
 * <p>Failing checks write one when the system property {@value #FOLDER_PROPERTY} names a folder (the
 * lessons' builds and {@code ./procbook run} set it), and their message says where it is. The book
 * draws its timelines of the lessons' runs with the same {@link #svg(TraceLog, Set, Map)}.
 */
public final class TimelinePicture {
    /** The folder failing checks write their pictures in; unset, they write none. */
    public static final String FOLDER_PROPERTY = "procbook.pictures";
    /** The font the pictures ask for; the book's PDF theme provides it under this name. */
    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static final int LANE = 26;
    private static final int ROW = 19;
    private static final int HEADER = 96;
    private static final int LEFT = 58;
    private static final int NAME = 112;
    private static final double CHAR = 6.6;
    private static final int MAX_EVENTS = 400;
    private static final int MAX_LABEL = 40;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TimelinePicture() {
    }

    /** The trace as an SVG document, the events {@code highlighted} (by index) in red. */
    public static String svg(TraceLog trace, Set<Integer> highlighted) {
        return svg(trace, highlighted, Map.of());
    }

    /**
     * The trace as an SVG document, the events {@code highlighted} (by index) in red, and each event of
     * {@code labels} (by index) with its label beside it: the moments a reader should look at.
     */
    public static String svg(TraceLog trace, Set<Integer> highlighted, Map<Integer, String> labels) {
        List<TraceEvent> events = trace.events();
        if (events.size() > MAX_EVENTS) {
            events = events.subList(events.size() - MAX_EVENTS, events.size());
        }
        Map<String, Integer> lane = new LinkedHashMap<>();
        if (events.stream().anyMatch(e -> e.process().equals("MainProcess"))) {
            lane.put("MainProcess", 0);
        }
        Map<String, Long> pid = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            lane.putIfAbsent(e.process(), lane.size());
            pid.putIfAbsent(e.process(), e.pid());
        }
        int textX = LEFT + lane.size() * LANE + 8;
        int eventX = textX + NAME;
        double widest = 0;
        for (TraceEvent e : events) {
            String label = labels.get(e.index());
            widest = Math.max(widest, (cut(e.describe(), MAX_LABEL).length() + (label == null ? 0 : label.length() + 5)) * CHAR);
        }
        int width = (int) (eventX + widest + 16);
        int height = HEADER + events.size() * ROW + 12;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"").append(FONT)
                .append("\" font-size=\"11\">\n");
        s.append("<rect width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"white\"/>\n");
        s.append("<text x=\"4\" y=\"").append(HEADER - 8).append("\" fill=\"#666\">ms</text>\n");
        long t0 = events.isEmpty() ? 0 : events.get(0).micros();
        for (Map.Entry<String, Integer> l : lane.entrySet()) {
            int x = x(l.getValue());
            int first = -1;
            int last = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).process().equals(l.getKey())) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            s.append("<g class=\"lane\" data-process=\"").append(escape(l.getKey())).append("\"><title>").append(escape(l.getKey()))
                    .append(", pid ").append(pid.get(l.getKey())).append("</title>")
                    .append("<text x=\"").append(x - 2).append("\" y=\"").append(HEADER - 10).append("\" font-weight=\"bold\" transform=\"rotate(-50 ")
                    .append(x - 2).append(' ').append(HEADER - 10).append(")\">").append(escape(cut(l.getKey(), 16))).append("</text>")
                    .append("<line x1=\"").append(x).append("\" y1=\"").append(y(first)).append("\" x2=\"").append(x).append("\" y2=\"").append(y(last))
                    .append("\" stroke=\"#9ab\" stroke-width=\"3\"/></g>\n");
        }
        long shown = t0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            shown = Math.max(shown, e.micros()); // each process reads its own clock: never show time going back
            boolean hot = highlighted.contains(e.index());
            String label = labels.get(e.index());
            int x = x(lane.get(e.process()));
            int y = y(i);
            String weight = hot ? " fill=\"#c00\" font-weight=\"bold\"" : "";
            s.append("<g class=\"event").append(hot ? " failing" : "").append(label != null ? " labelled" : "").append("\"><title>")
                    .append(escape(e.toString())).append("</title>")
                    .append("<text x=\"4\" y=\"").append(y + 4).append("\" fill=\"#888\">")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", (shown - t0) / 1000.0)).append("</text>")
                    .append("<line x1=\"").append(x + 6).append("\" y1=\"").append(y).append("\" x2=\"").append(textX - 4).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#ddd\" stroke-dasharray=\"2,3\"/>")
                    .append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(hot ? 6 : 4.5)
                    .append("\" fill=\"").append(hot ? "#d22" : mp(e) ? "#fff" : "#357").append("\" stroke=\"").append(hot ? "#900" : "#357").append("\"/>")
                    .append("<text x=\"").append(textX).append("\" y=\"").append(y + 4).append("\" fill=\"#555\">").append(escape(cut(e.process(), 17)))
                    .append("</text>")
                    .append("<text x=\"").append(eventX).append("\" y=\"").append(y + 4).append('"').append(weight).append('>')
                    .append(escape(cut(e.describe(), MAX_LABEL))).append("</text>");
            if (label != null) {
                s.append("<text x=\"").append(eventX + (int) (cut(e.describe(), MAX_LABEL).length() * CHAR) + 10).append("\" y=\"").append(y + 4)
                        .append("\" fill=\"").append(hot ? "#c00" : "#b35900").append("\" font-weight=\"bold\">← ").append(escape(label)).append("</text>");
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    /** A page with the failure's first line above the picture. */
    public static String html(String headline, TraceLog trace, Set<Integer> highlighted) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(firstLine(headline)) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:1.5em} .why{white-space:pre-wrap;background:#fee;border-left:4px solid #d22;"
                + "padding:.6em 1em} .key{color:#555;font-size:90%}</style></head><body>\n"
                + "<h1>What the processes did</h1>\n<p class=\"why\">" + escape(headline) + "</p>\n"
                + "<p class=\"key\">One lane per process, one row per event with a mark in the lane of the process that recorded it, in the order they happened (time goes down; the left"
                + " column is milliseconds since the first event, never going back: each process reads its own clock). Open marks are mp's own events; red marks are what the failure is"
                + " about. Hover over a mark for the whole event.</p>\n"
                + svg(trace, highlighted) + "</body></html>\n";
    }

    /**
     * Writes the page into the folder {@value #FOLDER_PROPERTY} names, if it names one, and the failure's
     * full {@code report} beside it (same name, {@code .txt}); returns where the page is.
     */
    static Optional<Path> write(String headline, TraceLog trace, Set<Integer> highlighted, java.util.function.Supplier<String> report) {
        String folder = System.getProperty(FOLDER_PROPERTY, "").strip();
        if (folder.isEmpty() || trace.isEmpty()) {
            return Optional.empty();
        }
        String slug = firstLine(headline).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Path file = Path.of(folder).resolve(String.format("%03d-%s.html", COUNT.incrementAndGet(), slug.length() > 50 ? slug.substring(0, 50) : slug));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html(headline, trace, highlighted), StandardCharsets.UTF_8);
            Files.writeString(reportBeside(file), report.get(), StandardCharsets.UTF_8);
            return Optional.of(file.toAbsolutePath());
        } catch (IOException e) {
            return Optional.empty(); // a picture is a help, never a reason to fail differently
        }
    }

    /** Where the full text report of the failure whose picture is {@code page} goes: beside it, {@code .txt}. */
    static Path reportBeside(Path page) {
        return page.resolveSibling(page.getFileName().toString().replaceAll("\\.html$", ".txt"));
    }

    private static boolean mp(TraceEvent e) {
        return e.kind().contains(".") || List.of(procbook.mp.Trace.STARTED, procbook.mp.Trace.EXITED, procbook.mp.Trace.JOINED, procbook.mp.Trace.SIGNAL).contains(e.kind());
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static int x(int lane) {
        return LEFT + LANE / 2 + lane * LANE;
    }

    private static int y(int row) {
        return HEADER + 8 + row * ROW;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
