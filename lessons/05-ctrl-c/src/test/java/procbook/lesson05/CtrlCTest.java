package procbook.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.mp.Trace;
import procbook.mp.Signal;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What lesson 05 asks: Ctrl-C stops a sender, a receiver and their parent cleanly. The test sends
 * SIGINT to the whole process group — what a terminal does — at the moment the receiver is known,
 * from the trace, to be waiting in {@code acquire()}: the case where a missing last release leaves
 * it waiting forever. The tick is long, so the sender cannot slip a release in between.
 */
@DisplayName("Lesson 05 — pipe, semaphore and Ctrl-C")
class CtrlCTest {
    private static final String TICK_MILLIS = "300";
    private static final int VALUES_BEFORE_CTRL_C = 3;

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(CtrlC.class).timeLimit(Duration.ofSeconds(60));

    /** True once the receiver has printed {@code n} values and then started waiting for the semaphore. */
    private static boolean receiverWaitsAfter(TraceLog trace, int n) {
        List<TraceEvent> received = trace.events(kind("received").in("receiver"));
        if (received.size() < n) {
            return false;
        }
        int last = received.get(received.size() - 1).index();
        return trace.last(kind(Trace.SEMAPHORE_WAITING).in("receiver")).map(w -> w.index() > last).orElse(false);
    }

    /** One run for all the tests: each checks its own facts of what Ctrl-C did. */
    private static ScenarioRun runAndPressCtrlC() {
        return scenarios.shared("Ctrl-C pressed while the receiver waits in acquire()", CtrlCTest::pressCtrlC);
    }

    private static ScenarioRun pressCtrlC() {
        ScenarioRun run = scenarios.run(TICK_MILLIS);
        run.awaitTrace("the receiver has printed " + VALUES_BEFORE_CTRL_C + " values and waits in acquire() for the next",
                t -> receiverWaitsAfter(t, VALUES_BEFORE_CTRL_C));
        run.signalGroup(Signal.INT); // Ctrl-C: SIGINT to every process of the group
        try {
            run.awaitExit("all three processes to end after Ctrl-C", Duration.ofSeconds(10));
        } catch (AssertionError e) {
            throw stuckAfterCtrlC(run.trace());
        }
        return run;
    }

    /** Names the processes still running after Ctrl-C, and what each of them should have done. */
    private static AssertionError stuckAfterCtrlC(TraceLog trace) {
        List<String> why = new java.util.ArrayList<>();
        if (trace.first(kind(Trace.EXITED).in("receiver")).isEmpty()) {
            boolean waiting = trace.last(kind(Trace.SEMAPHORE_WAITING).in("receiver")).map(TraceEvent::index).orElse(-1)
                    > trace.last(kind(Trace.SEMAPHORE_ACQUIRED).in("receiver")).map(TraceEvent::index).orElse(-1);
            why.add(waiting
                    ? "the receiver is still waiting in acquire(): once stopped, the sender must release the semaphore one last time"
                            + " (and send a last value), so that the receiver wakes up, sees its own stop flag and ends"
                    : "the receiver is still running: after Ctrl-C its loop must see its own stop flag and end");
        }
        if (trace.first(kind(Trace.EXITED).in("sender")).isEmpty()) {
            why.add("the sender is still running: after Ctrl-C its loop must see its stop flag, release once more and end");
        }
        if (why.isEmpty()) {
            why.add("main is still running: after Ctrl-C it must join both children and return");
        }
        return trace.failure("After Ctrl-C the program did not end within 10 s — " + String.join("; ", why) + ".",
                e -> e.kind().equals("ctrl-c") || e.kind().equals(Trace.SEMAPHORE_WAITING));
    }

    @Test
    @Points(3)
    @DisplayName("Ctrl-C to the whole group: all three processes handle it and end cleanly, exit code 0, no stack trace")
    void ctrlCEndsAllThreeCleanly() {
        // GIVEN the three processes running, the receiver waiting in acquire()
        // WHEN Ctrl-C reaches the group
        ScenarioRun run = runAndPressCtrlC();

        // THEN each process ran its handler and ended with exit code 0
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        TraceLog trace = run.trace();
        for (String process : List.of("MainProcess", "sender", "receiver")) {
            ProcbookAssertions.assertThat(trace).has(kind("ctrl-c").in(process));
        }
        for (String child : List.of("sender", "receiver")) {
            TraceEvent exited = trace.the(kind(Trace.EXITED).in(child));
            assertThat(exited.field("code"))
                    .as("exit code of the %s: 0 means its loop saw the stop flag and it ended normally; -2 means SIGINT"
                            + " ended it on the spot because it had no handler of its own", child)
                    .isEqualTo("0");
        }
    }

    @Test
    @Points(3)
    @DisplayName("nobody is left blocked: the receiver waiting in acquire() wakes up, and every process ends")
    void nobodyIsLeftBlocked() {
        // GIVEN the three processes running, the receiver waiting in acquire()
        // WHEN Ctrl-C reaches the group
        ScenarioRun run = runAndPressCtrlC();

        // THEN each of them stopped: the receiver woke up after Ctrl-C, with a permit, and nothing is left running
        TraceLog trace = run.trace();
        ProcbookAssertions.assertThat(trace)
                .has(kind("sender-stopped").in("sender"))
                .has(kind("receiver-stopped").in("receiver"))
                .has(kind("main-stopped").in("MainProcess"))
                .happensBefore(kind("ctrl-c").in("receiver"), kind("receiver-stopped"));
        TraceEvent lastWait = trace.last(kind(Trace.SEMAPHORE_WAITING).in("receiver")).orElseThrow(() -> trace.failure(
                "the receiver never waited in acquire(): it must take a permit of the semaphore before each value", kind("received")));
        assertThat(trace.last(kind(Trace.SEMAPHORE_ACQUIRED).in("receiver")).map(TraceEvent::index).orElse(-1))
                .as("the receiver's last acquire(), which was waiting when Ctrl-C came (#%d), must have got a permit",
                        lastWait.index())
                .isGreaterThan(lastWait.index());
        ProcbookAssertions.assertThat(run).leftNoProcessAlive();
    }

    @Test
    @Points(2)
    @DisplayName("the receiver prints 0, 1, 2, … in order, each value once, each one sent by the sender")
    void valuesInOrder() {
        // GIVEN the sender sending 0, 1, 2, … one a tick, WHEN Ctrl-C stops them
        TraceLog trace = runAndPressCtrlC().trace();

        // THEN what the receiver printed is a prefix of what was sent, in order, none skipped or repeated
        List<Integer> received = trace.events(kind("received").in("receiver")).stream()
                .map(e -> Integer.parseInt(e.field("value"))).toList();
        assertThat(received).as("values the receiver printed, in order").startsWith(IntStream.range(0, VALUES_BEFORE_CTRL_C)
                .boxed().toArray(Integer[]::new));
        assertThat(received).as("values the receiver printed: 0, 1, 2, … with none skipped or repeated")
                .isEqualTo(IntStream.range(0, received.size()).boxed().toList());
        List<Integer> sent = trace.events(kind("sent").in("sender")).stream().map(e -> Integer.parseInt(e.field("value"))).toList();
        assertThat(sent).as("values the sender sent").containsAll(received);
    }
}
