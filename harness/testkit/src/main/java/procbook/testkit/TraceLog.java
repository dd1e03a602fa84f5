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
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import procbook.mp.TraceLine;
import java.util.stream.Collectors;

/**
 * A snapshot of a scenario's trace: every event every process recorded, in the order it
 * happened. Take a new snapshot ({@link ScenarioRun#trace()}) to see later events.
 */
public final class TraceLog {
    private final List<TraceEvent> events;
    private final Supplier<RunOutput> output;

    TraceLog(List<TraceEvent> events) {
        this(events, () -> RunOutput.NONE);
    }

    private TraceLog(List<TraceEvent> events, Supplier<RunOutput> output) {
        this.events = List.copyOf(events);
        this.output = output;
    }

    /** The same events, with the run's output shown by failure messages. */
    TraceLog withOutput(Supplier<RunOutput> output) {
        return new TraceLog(events, output);
    }

    /**
     * Reads a trace file as written by {@code procbook.mp.Trace} (or by anything that writes its format,
     * {@link TraceLine}); a half-written last line is left for later, a missing file is an empty trace.
     */
    public static TraceLog read(Path file) {
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

    /** One line as mp writes it ({@link TraceLine}), or a clear word on what is wrong with it. */
    private static TraceEvent parseLine(String line, int lineNumber, int index) {
        TraceLine l;
        try {
            l = TraceLine.parse(line);
        } catch (IllegalArgumentException e) {
            String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
            throw new TraceTamperedError("line " + lineNumber + " of the trace is not a line mp writes (" + e.getMessage() + "): '"
                    + shown.replace("\t", "→") + "'");
        }
        return new TraceEvent(index, l.micros(), l.pid(), l.ppid(), l.process(), l.kind(), l.fields());
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
                Set.of())));
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

    /**
     * The events that {@code which} selects, each keeping its index: a trace to draw without the
     * events a picture need not show. The order of what is kept is the order of the whole.
     */
    public TraceLog only(Predicate<TraceEvent> which) {
        return new TraceLog(events(which), output);
    }

    /**
     * The first crowd: the entries of the processes that were between {@code enter} and {@code leave}
     * together at the first moment more than {@code max} of them were; empty when that never happened.
     */
    public List<TraceEvent> firstCrowd(int max, String enter, String leave) {
        Map<String, TraceEvent> inside = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            if (e.kind().equals(enter)) {
                inside.put(e.process(), e);
                if (inside.size() > max) {
                    return List.copyOf(inside.values());
                }
            } else if (e.kind().equals(leave)) {
                inside.remove(e.process());
            }
        }
        return List.of();
    }

    /** The last event of each process that recorded no {@code exited}: who was still running when the trace was read. */
    public List<TraceEvent> lastOfUnended() {
        List<TraceEvent> out = new ArrayList<>();
        for (String process : processes()) {
            if (first(e -> e.process().equals(process) && e.kind().equals(procbook.mp.Trace.EXITED)).isEmpty()) {
                last(e -> e.process().equals(process)).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The trace as text, one event a row, a lane per process: at most about twenty rows — the last
     * events — as a failure message shows it. The whole of it is {@link #fullTimeline()}.
     */
    public String timeline() {
        return Timeline.compact(this, Set.of());
    }

    /** Every event, one a row: what the report file of a failing run holds. */
    public String fullTimeline() {
        return Timeline.render(this);
    }

    /**
     * A failure about the events that {@code matters} selects: its message is {@code message}, then
     * the timeline around those events, marked, and where the run's picture and full report are.
     * For lesson tests' own checks, e.g.
     * {@code trace.last(...).orElseThrow(() -> trace.failure("buyer-3 never released the lock", kind("lock.acquired").in("buyer-3")))}.
     */
    public AssertionError failure(String message, Predicate<TraceEvent> matters) {
        Set<Integer> highlighted = events(matters).stream().map(TraceEvent::index).collect(Collectors.toSet());
        return new AssertionError(failureMessage(message, highlighted));
    }

    /** What a failure message shows after its first line: the run's output, then the timeline. */
    String context() {
        return output.get().full() + fullTimeline();
    }

    /**
     * A failure's whole message, short enough for a screen: its headline, how the run ended and its
     * exceptions, the timeline around the {@code highlighted} events, and where the full report and the
     * picture are when a folder for them is set ({@link TimelinePicture#FOLDER_PROPERTY}); without
     * one, the full report follows.
     */
    String failureMessage(String headline, Set<Integer> highlighted) {
        RunOutput out = output.get();
        String summary = out.summary();
        String shortTimeline = Timeline.compact(this, highlighted);
        Optional<Path> picture = TimelinePicture.write(headline, this, highlighted, () -> headline + "\n\n" + out.full() + fullTimeline());
        if (picture.isEmpty()) {
            return headline + "\n" + (summary.isEmpty() ? "" : "\n" + summary) + "\n" + shortTimeline;
        }
        Path report = TimelinePicture.reportBeside(picture.get());
        return headline + "\n" + (summary.isEmpty() ? "" : "\n" + summary) + "\n" + shortTimeline
                + "Full report of this run (output, whole timeline): " + report.toUri()
                + "\nPicture of this run (open it in a browser): " + picture.get().toUri();
    }

    @Override
    public String toString() {
        return timeline();
    }
}
