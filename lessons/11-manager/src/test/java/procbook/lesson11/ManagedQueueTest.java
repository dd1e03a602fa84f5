package procbook.lesson11;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What lesson 11 asks: a manager's queue and lock, used by pool workers. Two writers start together
 * on a pool of two and pause between letters, so that without the lock their letters would mix on
 * every run; the trace shows whether one writer was ever inside while the other was.
 */
@DisplayName("Lesson 11 — a manager shares a queue and a lock")
class ManagedQueueTest {
    private static final String PAUSE_MILLIS = "80";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(ManagedQueue.class).timeLimit(Duration.ofSeconds(60));

    private TraceLog runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(PAUSE_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    @Test
    @Points(3)
    @DisplayName("each writer holds the manager's lock while it writes: their letters never mix")
    void writersDoNotMix() {
        // GIVEN two writers on a pool of two, pausing between letters, WHEN they write to the manager's queue
        TraceLog trace = runToTheEnd();

        // THEN one writer is never inside while the other is, so the letters come as ABC and XYZ, whole
        ProcbookAssertions.assertThat(trace).hasExactly(2, kind("writer-start")).neverTwoInside("writer-start", "writer-end",
                "writers %s were writing at the same time — each must hold the manager's lock from its first letter to its last");
        assertThat(trace.the(kind("done")).field("read")).as("the letters the reader found, in order").isIn("ABCXYZ", "XYZABC");
    }

    @Test
    @Points(2)
    @DisplayName("the manager's proxies work from the pool's workers: they write and read, not main")
    void proxiesWorkInWorkers() {
        // GIVEN the manager's queue handed to pool tasks, WHEN they write and read
        TraceLog trace = runToTheEnd();

        // THEN the writing and the reading happened in the pool's workers, not in main
        List<String> writers = trace.events(kind("wrote")).stream().map(TraceEvent::process).distinct().toList();
        assertThat(writers).as("processes that put letters on the manager's queue").isNotEmpty().doesNotContain("MainProcess");
        assertThat(trace.events(kind("read")).stream().map(TraceEvent::process).distinct().toList())
                .as("the process that read them").isNotEmpty().doesNotContain("MainProcess");
    }

    @Test
    @Points(2)
    @DisplayName("every letter arrives once: six written, the same six read after both writers are done")
    void everyItemOnce() {
        // GIVEN two writers of three letters each, WHEN the reader drains the queue
        TraceLog trace = runToTheEnd();

        // THEN six letters were written and the same six read, only after both writers were done
        TraceEvent done = trace.the(kind("done"));
        assertThat(done.field("written")).as("letters written by the two writers").isEqualTo("6");
        assertThat(done.field("read").chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()).as("letters read, sorted: each once").isEqualTo("ABCXYZ");
        ProcbookAssertions.assertThat(trace)
                .happensBefore(kind("writer-end").with("letters", "ABC"), kind("read"))
                .happensBefore(kind("writer-end").with("letters", "XYZ"), kind("read"));
    }

    @Test
    @Points(1)
    @DisplayName("a plain Queue given to a pool task is refused, with a message that says to use a manager")
    void plainQueueIsRefused() {
        // GIVEN a plain Queue given to a pool task as an argument, WHEN the task is sent
        TraceLog trace = runToTheEnd();

        // THEN mp refuses it, and its message says to use a manager's queue instead
        assertThat(trace.the(kind("plain-queue-refused")).field("message"))
                .contains("should only be shared between processes through inheritance")
                .contains("Manager");
    }
}
