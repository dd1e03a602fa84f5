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
 * A trace drawn as a picture: one lane per process ({@code MainProcess} first), one mark per event,
 * going down in the order the events happened — the trace's order, so a picture never shows time going
 * backwards — with the milliseconds since the first event beside each. Events a failure is about are
 * red. Written as an HTML page with an inline SVG, which any browser opens, nothing loaded from outside.
 *
 * <p>Failing checks write one when the system property {@value #FOLDER_PROPERTY} names a folder (the
 * lessons' builds and {@code ./procbook run} set it), and their message says where it is.
 */
public final class TimelinePicture {
    /** The folder failing checks write their pictures in; unset, they write none. */
    public static final String FOLDER_PROPERTY = "procbook.pictures";
    /**
     * The folder every run writes its whole timeline in as it ends, as {@code Main-arg1-arg2.svg}:
     * how the book draws its figures from real runs. Unset, runs write none.
     */
    public static final String RUNS_PROPERTY = "procbook.runPictures";
    private static final int LANE = 230;
    private static final int ROW = 22;
    private static final int TOP = 56;
    private static final int LEFT = 64;
    private static final int MAX_EVENTS = 400;
    private static final int MAX_LABEL = 34;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TimelinePicture() {
    }

    /** The trace as an SVG document, the events {@code highlighted} (by index) in red. */
    public static String svg(TraceLog trace, Set<Integer> highlighted) {
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
        int width = LEFT + lane.size() * LANE + 20;
        int height = TOP + events.size() * ROW + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"4\" y=\"").append(TOP - 8).append("\" fill=\"#666\">ms</text>\n");
        long t0 = events.isEmpty() ? 0 : events.get(0).micros();
        for (Map.Entry<String, Integer> l : lane.entrySet()) {
            int x = x(l.getValue());
            int first = TOP;
            int last = TOP;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).process().equals(l.getKey())) {
                    if (first == TOP && last == TOP) {
                        first = y(i);
                    }
                    last = y(i);
                }
            }
            s.append("<g class=\"lane\" data-process=\"").append(escape(l.getKey())).append("\">")
                    .append("<text x=\"").append(x - 6).append("\" y=\"20\" font-weight=\"bold\">").append(escape(l.getKey())).append("</text>")
                    .append("<text x=\"").append(x - 6).append("\" y=\"36\" fill=\"#666\">pid ").append(pid.get(l.getKey())).append("</text>")
                    .append("<line x1=\"").append(x).append("\" y1=\"").append(first).append("\" x2=\"").append(x).append("\" y2=\"").append(last)
                    .append("\" stroke=\"#9ab\" stroke-width=\"3\"/></g>\n");
        }
        long shown = t0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            shown = Math.max(shown, e.micros()); // each process reads its own clock: never show time going back
            boolean hot = highlighted.contains(e.index());
            int x = x(lane.get(e.process()));
            int y = y(i);
            String label = e.describe();
            if (label.length() > MAX_LABEL) {
                label = label.substring(0, MAX_LABEL - 1) + "…";
            }
            s.append("<g class=\"event").append(hot ? " failing" : "").append("\"><title>").append(escape(e.toString())).append("</title>")
                    .append("<text x=\"4\" y=\"").append(y + 4).append("\" fill=\"#888\">").append(String.format(java.util.Locale.ROOT, "%.1f", (shown - t0) / 1000.0)).append("</text>")
                    .append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(hot ? 7 : 5)
                    .append("\" fill=\"").append(hot ? "#d22" : isMp(e) ? "#fff" : "#357").append("\" stroke=\"").append(hot ? "#900" : "#357").append("\"/>")
                    .append("<text x=\"").append(x + 10).append("\" y=\"").append(y + 4).append("\"").append(hot ? " fill=\"#c00\" font-weight=\"bold\"" : "")
                    .append('>').append(escape(label)).append("</text></g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** A page with the failure's first line above the picture. */
    public static String html(String headline, TraceLog trace, Set<Integer> highlighted) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(firstLine(headline)) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:1.5em} .why{white-space:pre-wrap;background:#fee;border-left:4px solid #d22;"
                + "padding:.6em 1em} .key{color:#555;font-size:90%}</style></head><body>\n"
                + "<h1>What the processes did</h1>\n<p class=\"why\">" + escape(headline) + "</p>\n"
                + "<p class=\"key\">One lane per process, one mark per event, in the order they happened (time goes down; the left"
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
            Files.writeString(file.resolveSibling(file.getFileName().toString().replaceAll("\\.html$", ".svg")),
                    BookTimeline.svg(trace, highlighted), StandardCharsets.UTF_8); // the picture alone, small, for the book
            return Optional.of(file.toAbsolutePath());
        } catch (IOException e) {
            return Optional.empty(); // a picture is a help, never a reason to fail differently
        }
    }

    /** Writes the run's whole timeline into the folder {@value #RUNS_PROPERTY} names, if it names one. */
    static void drawRun(String mainClass, String[] args, java.util.function.Supplier<TraceLog> trace) {
        String folder = System.getProperty(RUNS_PROPERTY, "").strip();
        if (folder.isEmpty()) {
            return;
        }
        StringBuilder name = new StringBuilder(mainClass.substring(mainClass.lastIndexOf('.') + 1));
        for (String arg : args) {
            name.append('-').append(arg.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
        }
        try {
            TraceLog log = trace.get();
            if (log.isEmpty()) {
                return;
            }
            Path file = Path.of(folder).resolve(name + ".svg");
            Files.createDirectories(file.getParent());
            Files.writeString(file, BookTimeline.svg(log, Set.of()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // a picture is a help, never a reason to fail differently
        }
    }

    /** Where the full text report of the failure whose picture is {@code page} goes: beside it, {@code .txt}. */
    static Path reportBeside(Path page) {
        return page.resolveSibling(page.getFileName().toString().replaceAll("\\.html$", ".txt"));
    }

    static boolean isMp(TraceEvent e) {
        return e.kind().contains(".") || List.of(procbook.mp.Trace.STARTED, procbook.mp.Trace.EXITED, procbook.mp.Trace.JOINED, procbook.mp.Trace.SIGNAL).contains(e.kind());
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static int x(int lane) {
        return LEFT + 14 + lane * LANE;
    }

    private static int y(int row) {
        return TOP + 10 + row * ROW;
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
