package procbook.lesson06;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.mp.Trace;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/** What lesson 06 asks: four small programs with queues, each run as real processes. */
@DisplayName("Lesson 06 — queues")
class QueuesTest {
    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(Queues.class).timeLimit(Duration.ofSeconds(30));

    @BeforeAll
    static void startTheRuns() {
        // "timeouts" measures how long calls wait, so it runs first and alone; the other three then start
        // together and go side by side: they mostly wait for each other, and each test reads its own
        try {
            scenarios.runOnce("timeouts").awaitExit("the program 'timeouts' to end", Duration.ofSeconds(30));
        } catch (AssertionError stillRunning) {
            // its own test says so; the other programs are graded all the same
        }
        for (String program : new String[] {"greeting", "powers", "writer-reader"}) {
            scenarios.runOnce(program);
        }
    }

    private TraceLog runToTheEnd(String program) {
        ScenarioRun run = scenarios.runOnce(program);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    @Test
    @Points(1)
    @DisplayName("greeting: the child's greeting reaches the parent through the queue")
    void greeting() {
        // GIVEN a child that puts a greeting on a queue, WHEN the parent gets it
        TraceLog trace = runToTheEnd("greeting");

        // THEN the parent got the child's words, after the child put them
        TraceEvent got = trace.the(kind("got-greeting").in("MainProcess"));
        assertThat(got.field("text")).as("the greeting the parent got").isEqualTo("hello from Process-1");
        ProcbookAssertions.assertThat(trace).happensBefore(kind(Trace.QUEUE_PUT).in("Process-1"), kind("got-greeting"));
    }

    @Test
    @Points(2)
    @DisplayName("powers: ten producers, each item (i, i^i) arrives once, nothing lost, nothing duplicated")
    void tenProducers() {
        // GIVEN ten producer processes sharing one queue, WHEN the parent takes ten items
        TraceLog trace = runToTheEnd("powers");

        // THEN it got (i, i^i) for each i from 0 to 9, once each, put by ten different processes
        List<TraceEvent> got = trace.events(kind("got-power"));
        assertThat(got.stream().map(e -> Integer.parseInt(e.field("i"))).toList())
                .as("the i of each item the parent got, in any order: 0 to 9, each once")
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (TraceEvent e : got) {
            int i = Integer.parseInt(e.field("i"));
            assertThat(e.field("value")).as("the value that came with i = %d: %d to the power %d", i, i, i)
                    .isEqualTo(BigInteger.valueOf(i).pow(i).toString());
        }
        assertThat(trace.events(kind(Trace.QUEUE_PUT)).stream().map(TraceEvent::process).distinct().count())
                .as("processes that put items: ten producers, each a process of its own").isEqualTo(10);
    }

    @Test
    @Points(2)
    @DisplayName("writer and reader: the reader gets A, B, C in order, each once, and stops at the end marker")
    void writerAndReader() {
        // GIVEN a writer that puts A, B, C and an end marker, WHEN a reader takes until the marker
        TraceLog trace = runToTheEnd("writer-reader");

        // THEN the reader got A, B, C in order and stopped only after the last one was written
        assertThat(trace.events(kind("read").in("reader")).stream().map(e -> e.field("item")).toList())
                .as("items the reader took, in order").containsExactly("A", "B", "C");
        ProcbookAssertions.assertThat(trace)
                .inOrderWithin("writer", "wrote", "wrote", "wrote")
                .happensBefore(kind("wrote").in("writer").with("item", "C"), kind("reader-done"));
    }

    @Test
    @Points(3)
    @DisplayName("timeouts: Full and Empty come after the timeout, never before it; the nowait forms raise them at once")
    void fullAndEmpty() {
        // GIVEN a queue of one item, full, then empty, WHEN put and get wait with a timeout of 200 ms, or not at all
        TraceLog trace = runToTheEnd("timeouts");

        // THEN the timed calls raised Full and Empty after their timeout, the nowait calls at once
        long full = trace.the(kind("full")).longField("waited");
        long empty = trace.the(kind("empty")).longField("waited");
        assertThat(full).as("milliseconds put(item, 200 ms) waited on a full queue before Queue.Full: at least the timeout")
                .isBetween(200L, 5_000L);
        assertThat(empty).as("milliseconds get(200 ms) waited on an empty queue before Queue.Empty: at least the timeout")
                .isBetween(200L, 5_000L);
        assertThat(trace.the(kind("full-at-once")).longField("waited"))
                .as("milliseconds putNowait waited on a full queue: none, it raises Queue.Full at once").isLessThan(200L);
        assertThat(trace.the(kind("empty-at-once")).longField("waited"))
                .as("milliseconds getNowait waited on an empty queue: none, it raises Queue.Empty at once").isLessThan(200L);
    }
}
