package procbook.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A snapshot of a scenario's trace: every event every process recorded, in the order it
 * happened. Take a new snapshot ({@link ScenarioRun#trace()}) to see later events.
 */
public final class TraceLog {
    private final List<TraceEvent> events;
    private final Supplier<String> output;

    TraceLog(List<TraceEvent> events) {
        this(events, () -> "");
    }

    private TraceLog(List<TraceEvent> events, Supplier<String> output) {
        this.events = List.copyOf(events);
        this.output = output;
    }

    /** The same events, with the run's output shown by failure messages. */
    TraceLog withOutput(Supplier<String> output) {
        return new TraceLog(events, output);
    }

    /** Reads a trace file as written by {@code procbook.mp.Trace}; a half-written last line is left for later. */
    static TraceLog read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new TraceLog(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace " + file + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    static TraceLog parse(String text) {
        List<TraceEvent> out = new ArrayList<>();
        int start = 0;
        int end;
        int lineNumber = 0;
        while ((end = text.indexOf('\n', start)) >= 0) {
            String line = text.substring(start, end);
            start = end + 1;
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            out.add(parseLine(line, lineNumber, out.size()));
        }
        return new TraceLog(out);
    }

    /** One line as mp writes it: {@code micros pid ppid name kind key=value...}, tab-separated. */
    private static TraceEvent parseLine(String line, int lineNumber, int index) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 5) {
            throw malformed(lineNumber, line, "it has " + cols.length + " tab-separated columns, mp writes at least 5");
        }
        long micros = number(cols[0], "time", lineNumber, line);
        long pid = number(cols[1], "pid", lineNumber, line);
        long ppid = number(cols[2], "parent pid", lineNumber, line);
        if (cols[4].isEmpty()) {
            throw malformed(lineNumber, line, "its event kind is empty");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 5; i < cols.length; i++) {
            int eq = cols[i].indexOf('=');
            if (eq <= 0) {
                throw malformed(lineNumber, line, "its column " + (i + 1) + " ('" + cols[i] + "') is not key=value");
            }
            fields.put(cols[i].substring(0, eq), unescape(cols[i].substring(eq + 1)));
        }
        return new TraceEvent(index, micros, pid, ppid, unescape(cols[3]), cols[4], fields);
    }

    private static long number(String text, String what, int lineNumber, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, line, "its " + what + " column is '" + text + "', not a number");
        }
    }

    private static TraceTamperedError malformed(int lineNumber, String line, String why) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
        return new TraceTamperedError("line " + lineNumber + " of the trace is not a line mp writes (" + why + "): '"
                + shown.replace("\t", "→") + "'");
    }

    private static String unescape(String s) {
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

    public List<TraceEvent> events() {
        return events;
    }

    public List<TraceEvent> events(Predicate<TraceEvent> which) {
        return events.stream().filter(which).collect(Collectors.toList());
    }

    public List<TraceEvent> events(String kind) {
        return events(Events.kind(kind));
    }

    public int count(Predicate<TraceEvent> which) {
        return events(which).size();
    }

    public Optional<TraceEvent> first(Predicate<TraceEvent> which) {
        return events.stream().filter(which).findFirst();
    }

    public Optional<TraceEvent> last(Predicate<TraceEvent> which) {
        List<TraceEvent> all = events(which);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The first event matching {@code which}; fails, showing the timeline, when there is none. */
    public TraceEvent the(Events which) {
        return first(which).orElseThrow(() -> new AssertionError(failureMessage("expected an event " + which + ", but no process recorded one.",
                java.util.Set.of())));
    }

    /** The names of the processes that recorded events, in order of their first event. */
    public List<String> processes() {
        return events.stream().map(TraceEvent::process).distinct().collect(Collectors.toList());
    }

    /** The pid of the process with this name, as it recorded it. */
    public long pidOf(String processName) {
        return events.stream().filter(e -> e.process().equals(processName)).findFirst().map(TraceEvent::pid)
                .orElseThrow(() -> new AssertionError("no process named " + processName + " recorded anything; the processes were "
                        + processes() + ".\n\n" + context()));
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The trace as a table, one column per process: what a failure message shows. */
    public String timeline() {
        return Timeline.render(this);
    }

    /** What a failure message shows after its first line: the run's output, then the timeline. */
    String context() {
        return output.get() + timeline();
    }

    /**
     * A failure's whole message: its headline, the run's output, the timeline, and where its picture is
     * when pictures are asked for ({@link TimelinePicture#FOLDER_PROPERTY}), with {@code highlighted} in red.
     */
    String failureMessage(String headline, java.util.Set<Integer> highlighted) {
        String picture = TimelinePicture.write(headline, this, highlighted)
                .map(p -> "\nPicture of this run (open it in a browser): " + p.toUri())
                .orElse("");
        return headline + "\n\n" + context() + picture;
    }

    @Override
    public String toString() {
        return timeline();
    }
}
