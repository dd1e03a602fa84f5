package procbook.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import procbook.mp.Trace;

/**
 * Notices a run that can never move again: every process still alive waits, with no time limit, in
 * one of mp's waits — a lock, a semaphore, an event, a condition, a queue, a {@code join()} — so that
 * only another of them could end its wait, and nothing has been recorded for {@link #QUIET}. A
 * forgotten {@code release()} then fails in seconds, naming who waits for what, instead of at the
 * run's time limit.
 *
 * <p>It errs on the side of waiting: a process that has recorded nothing yet (a JVM still booting)
 * holds the verdict back, unless its environment says it is a spare JVM mp booted ahead; so does a
 * wait with a time limit (it ends by itself), a last event that is not a wait (the process may be
 * working, or sleeping), and a process the OS shows running at that moment (one just woken may
 * not have recorded it yet). Linux only, where the kit sees the run's processes.
 */
final class Stalemate {
    /** How long nothing may be recorded before the waits count as for ever. */
    static final Duration QUIET = Duration.ofSeconds(3);
    private static final Set<String> WAITS = Set.of(Trace.LOCK_WAITING, "rlock.waiting", Trace.SEMAPHORE_WAITING,
            "bounded-semaphore.waiting", Trace.EVENT_WAITING, Trace.CONDITION_WAITING, Trace.QUEUE_WAITING, Trace.JOIN_WAITING);

    private int eventsSeen = -1;
    private long quietSince;

    /**
     * The last event of each living process, each a wait for ever, once the run has stalled; else empty.
     * {@code living} lists /proc: it is asked only once the trace has been quiet long enough.
     */
    Optional<List<TraceEvent>> check(TraceLog trace, Supplier<List<Long>> living) {
        long now = System.nanoTime();
        int events = trace.events().size();
        if (events != eventsSeen) {
            eventsSeen = events;
            quietSince = now;
            return Optional.empty();
        }
        if (now - quietSince < QUIET.toNanos()) {
            return Optional.empty();
        }
        List<Long> alive = living.get();
        Map<Long, TraceEvent> lastOf = new HashMap<>();
        for (TraceEvent e : trace.events()) {
            lastOf.put(e.pid(), e);
        }
        List<TraceEvent> waits = new ArrayList<>();
        for (long pid : alive) {
            TraceEvent last = lastOf.get(pid);
            if (last == null) {
                if (RunMembers.isSpare(pid)) {
                    continue;
                }
                return Optional.empty(); // booting, or not a process of mp: it may yet do something
            }
            boolean waitsForEver = WAITS.contains(last.kind()) && !last.fields().containsKey("timeout");
            if (!waitsForEver || RunMembers.stateOf(pid).orElse('Z') == 'R') {
                return Optional.empty();
            }
            waits.add(last);
        }
        return waits.isEmpty() ? Optional.empty() : Optional.of(waits);
    }
}
