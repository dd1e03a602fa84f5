package procbook.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the order of recorded events — never on timing. Every failure shows the
 * timeline of the run after the sentence that says what went wrong, with the events it is about
 * marked. Failures go through AssertJ's {@code failure(...)}, so {@code as(...)},
 * {@code overridingErrorMessage(...)} and soft assertions work as on any AssertJ assertion.
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, TraceLog> {
    TraceAssert(TraceLog trace) {
        super(trace, TraceAssert.class);
    }

    /** At least one event matches. */
    public TraceAssert has(Events which) {
        if (actual.first(which).isEmpty()) {
            throw fail("expected an event " + which + ", but no process recorded one.", Set.of());
        }
        return this;
    }

    /** Exactly {@code n} events match. */
    public TraceAssert hasExactly(int n, Events which) {
        int count = actual.count(which);
        if (count != n) {
            throw fail("expected " + n + " events " + which + ", but found " + count + ".", indexes(actual.events(which)));
        }
        return this;
    }

    /** No event matches; {@code why} says, in the lesson's terms, why it must not happen. */
    public TraceAssert hasNo(Events which, String why) {
        Optional<TraceEvent> e = actual.first(which);
        if (e.isPresent()) {
            throw fail(why + " (found " + e.get() + ")", Set.of(e.get().index()));
        }
        return this;
    }

    /**
     * Every event matching {@code before} comes before every event matching {@code after}, and
     * both happened.
     */
    public TraceAssert happensBefore(Events before, Events after) {
        TraceEvent lastBefore = actual.last(before).orElseThrow(() -> fail("expected an event " + before + ", but no process recorded one.",
                indexes(actual.events(after))));
        TraceEvent firstAfter = actual.first(after).orElseThrow(() -> fail("expected an event " + after + ", but no process recorded one.",
                indexes(actual.events(before))));
        if (firstAfter.index() < lastBefore.index()) {
            throw fail(after + " should come after " + before + ", but " + firstAfter + " came before " + lastBefore + ".",
                    Set.of(firstAfter.index(), lastBefore.index()));
        }
        return this;
    }

    /** The events of process {@code processName} of these kinds occur in this order (others may come between). */
    public TraceAssert inOrderWithin(String processName, String... kinds) {
        int next = 0;
        for (TraceEvent e : actual.events()) {
            if (next < kinds.length && e.process().equals(processName) && e.kind().equals(kinds[next])) {
                next++;
            }
        }
        if (next < kinds.length) {
            throw fail(processName + " should have recorded " + String.join(", then ", kinds) + ", but '" + kinds[next]
                    + "' is missing or out of order.", indexes(actual.events(e -> e.process().equals(processName))));
        }
        return this;
    }

    /**
     * Mutual exclusion: no two processes are ever between {@code enter} and {@code leave} at
     * once. {@code message} explains in the lesson's terms; {@code %s} and {@code %s} receive the
     * two processes found inside together.
     */
    public TraceAssert neverTwoInside(String enter, String leave, String message) {
        return atMostInside(1, enter, leave, message);
    }

    /**
     * At most {@code max} processes are between {@code enter} and {@code leave} at once. In
     * {@code message}, {@code %s} receives the list of processes found inside together.
     */
    public TraceAssert atMostInside(int max, String enter, String leave, String message) {
        List<TraceEvent> crowd = actual.firstCrowd(max, enter, leave);
        if (!crowd.isEmpty()) {
            List<String> who = crowd.stream().map(TraceEvent::process).collect(Collectors.toList());
            throw fail(String.format(message, String.join(" and ", who)) + " (at event #" + crowd.get(crowd.size() - 1).index() + ")",
                    indexes(crowd));
        }
        return this;
    }

    /** At some moment at least {@code min} processes were between {@code enter} and {@code leave} together. */
    public TraceAssert reachesInside(int min, String enter, String leave, String message) {
        Map<String, TraceEvent> inside = new LinkedHashMap<>();
        int most = 0;
        for (TraceEvent e : actual.events()) {
            if (e.kind().equals(enter)) {
                inside.put(e.process(), e);
                most = Math.max(most, inside.size());
            } else if (e.kind().equals(leave)) {
                inside.remove(e.process());
            }
        }
        if (most < min) {
            throw fail(message + " (at most " + most + " at once)", indexes(actual.events(e -> e.kind().equals(enter))));
        }
        return this;
    }

    private static Set<Integer> indexes(List<TraceEvent> events) {
        return events.stream().map(TraceEvent::index).collect(Collectors.toSet());
    }

    /** Through AssertJ, so a description or an overriding message applies; '%' escaped, the message is no format. */
    private AssertionError fail(String message, Set<Integer> highlighted) {
        return failure(actual.failureMessage(message, highlighted).replace("%", "%%"));
    }
}
