package procbook.book;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import procbook.testkit.Events;
import procbook.testkit.TimelinePicture;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What a run's timeline shows: the events worth a row (a lesson's own, and the few of mp's that make
 * its point), the key moments labelled, and for a wrong solution the events of the fact that fails,
 * found as the lesson's check finds them. Drawn by the kit's {@link TimelinePicture}, the renderer of a
 * student's failing run, so the book's pictures are the ones a student later meets.
 *
 * @param shown  the events that get a row
 * @param labels the key moments: the first event each {@link Events} selects, with its label
 * @param marks  the events of the failing fact, drawn red; none for a right run
 */
record Figure(Predicate<TraceEvent> shown, Map<Events, String> labels, Function<TraceLog, List<TraceEvent>> marks, String fact) {
    /** The timeline of a run whose events {@code shown} selects, with these labels and no failing fact. */
    static Figure of(Predicate<TraceEvent> shown, Map<Events, String> labels) {
        return new Figure(shown, labels, t -> List.of(), null);
    }

    /**
     * The timeline of a wrong solution's run: these labels, and the events of the failing fact that
     * {@code marks} finds drawn red, the last of them labelled with {@code fact}, the fact in words.
     */
    static Figure wrong(Predicate<TraceEvent> shown, Map<Events, String> labels, Function<TraceLog, List<TraceEvent>> marks, String fact) {
        return new Figure(shown, labels, marks, fact);
    }

    /** The picture of {@code trace}. */
    String draw(TraceLog trace) {
        Set<Integer> marked = new HashSet<>();
        List<TraceEvent> failing = marks.apply(trace);
        failing.forEach(e -> marked.add(e.index()));
        Map<Integer, String> byIndex = new HashMap<>();
        if (!failing.isEmpty()) {
            byIndex.put(failing.get(failing.size() - 1).index(), fact);
        }
        labels.forEach((which, text) -> trace.first(which).ifPresent(e -> byIndex.putIfAbsent(e.index(), text)));
        return TimelinePicture.svg(trace.only(e -> shown.test(e) || marked.contains(e.index()) || byIndex.containsKey(e.index())),
                marked, byIndex);
    }

    /** Events of any of these kinds. */
    static Predicate<TraceEvent> kinds(String... kinds) {
        Set<String> set = Set.of(kinds);
        return e -> set.contains(e.kind());
    }
}
