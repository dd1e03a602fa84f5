package procbook.lesson10;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

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

/**
 * What lesson 10 asks: five sleeping tasks on a pool of four, then of five. The order of the
 * recorded events says how many ran at once: a task can start on a busy pool only after another
 * has recorded its end, since a worker takes its next task only once it has answered. Nothing here
 * rests on how fast the workers start: on a busy machine one worker may well take two tasks before
 * another has started.
 */
@DisplayName("Lesson 10 — a process pool")
class PoolTasksTest {
    private static final String NAP_MILLIS = "600";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(PoolTasks.class).timeLimit(Duration.ofSeconds(60));

    @BeforeAll
    static void startTheRuns() {
        // the class's runs all start now and go side by side: they mostly sleep, and each test reads its own when it comes
        scenarios.runOnce("4", NAP_MILLIS);
        scenarios.runOnce("5", NAP_MILLIS);
    }

    private TraceLog runToTheEnd(String workers) {
        ScenarioRun run = scenarios.runOnce(workers, NAP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    /**
     * The pool's workers: the processes other than main that mp saw start. The tasks ran only in
     * them, so a pool of N must have started N.
     */
    private static List<String> workersStarted(TraceLog trace) {
        return trace.events(kind(Trace.STARTED)).stream().map(TraceEvent::process).filter(p -> !p.equals("MainProcess"))
                .distinct().toList();
    }

    /** The five good tasks each started once and ended once: without this, a pool that ran nothing would pass. */
    private static void assertEachTaskRanOnce(TraceLog trace) {
        for (int task = 1; task <= 5; task++) {
            assertThat(trace.count(kind("task-start").with("task", task)))
                    .as("how many times task %d started: once — every task given to the pool runs, and only once", task)
                    .isEqualTo(1);
            assertThat(trace.count(kind("task-end").with("task", task)))
                    .as("how many times task %d ended: once, after its nap", task)
                    .isEqualTo(1);
        }
    }

    @Test
    @Points(3)
    @DisplayName("a pool of four: four workers, never more than four tasks at once, the fifth starts only once one has ended")
    void poolOfFour() {
        // GIVEN a pool of four workers and five tasks given at once, WHEN they all run
        TraceLog trace = runToTheEnd("4");

        // THEN every task ran, in a pool that started four workers ...
        assertEachTaskRanOnce(trace);
        assertThat(workersStarted(trace)).as("the processes the pool started: new Pool(4) starts its four workers at once")
                .hasSize(4);
        // ... which never ran more than four tasks at once ...
        ProcbookAssertions.assertThat(trace).atMostInside(4, "task-start", "task-end",
                "%s ran at the same time: more than the pool's 4 workers — tasks must go to the pool, which runs at most 4 at once");
        // ... so the fifth task to start had to wait for a worker to finish one
        TraceEvent fifth = trace.events(kind("task-start")).get(4);
        TraceEvent firstEnd = trace.the(kind("task-end"));
        assertThat(fifth.index())
                .as("the fifth task to start (#%d) came before any task ended (first end #%d): four workers take four tasks,"
                        + " the fifth waits until one of them is free", fifth.index(), firstEnd.index())
                .isGreaterThan(firstEnd.index());
        // AND main gave every task, up to the refused seventh, before any task was over: all at once, results later
        TraceEvent refused = trace.the(kind("refused").in("MainProcess"));
        assertThat(refused.index())
                .as("main refused task 7 (#%d) only after a task had ended (#%d): give all the tasks with applyAsync first,"
                        + " then collect the results — waiting for each result as it is given runs the tasks one at a time",
                        refused.index(), firstEnd.index())
                .isLessThan(firstEnd.index());
    }

    @Test
    @Points(2)
    @DisplayName("a pool of five: five workers, and all five tasks run")
    void poolOfFive() {
        // GIVEN a pool of five workers (the first argument), WHEN the tasks run
        TraceLog trace = runToTheEnd("5");

        // THEN the pool has as many workers as asked, and every task ran once
        assertEachTaskRanOnce(trace);
        assertThat(workersStarted(trace)).as("the processes the pool started, asked for 5 workers: the pool's size is the"
                + " program's first argument").hasSize(5);
        ProcbookAssertions.assertThat(trace).atMostInside(5, "task-start", "task-end",
                "%s ran at the same time: more than the pool's 5 workers");
    }

    @Test
    @Points(2)
    @DisplayName("the tasks run in the pool's long-lived workers: at most four processes for six tasks, none of them main")
    void tasksRunInTheWorkers() {
        // GIVEN a pool of four and six tasks, WHEN they all run
        TraceLog trace = runToTheEnd("4");

        // THEN the tasks ran in a few long-lived worker processes, never in main
        assertEachTaskRanOnce(trace);
        List<String> runners = trace.events(kind("task-start")).stream().map(TraceEvent::process).distinct().toList();
        assertThat(runners).as("the processes that ran the six tasks: the pool's workers, each taking several tasks")
                .hasSizeBetween(1, 4).doesNotContain("MainProcess");
    }

    @Test
    @Points(1)
    @DisplayName("each result comes back to its own caller, after join")
    void resultsToTheRightCaller() {
        // GIVEN five tasks given to a pool of four, WHEN main collects their results
        TraceLog trace = runToTheEnd("4");

        // THEN the result of task N says "task N ran …", and main read it after the pool was joined
        for (int task = 1; task <= 5; task++) {
            TraceEvent result = trace.the(kind("result").with("task", task));
            assertThat(result.field("text")).as("the result collected for task %d", task).startsWith("task " + task + " ran ");
            ProcbookAssertions.assertThat(trace).happensBefore(kind("pool-joined"), kind("result").with("task", task));
        }
    }

    @Test
    @Points(1)
    @DisplayName("an exception in a task reaches the caller")
    void exceptionReachesTheCaller() {
        // GIVEN task 6, which throws in its worker, WHEN main asks for its result
        TraceLog trace = runToTheEnd("4");

        // THEN main gets that exception, with its message
        assertThat(trace.the(kind("task-failed")).field("message"))
                .as("the message of the exception task 6 threw in its worker, as its caller got it")
                .contains("negative");
    }

    @Test
    @Points(1)
    @DisplayName("a task given after shutdown is refused with a clear error")
    void refusedAfterShutdown() {
        // GIVEN a pool that was shut down, WHEN main gives it task 7
        TraceLog trace = runToTheEnd("4");

        // THEN the pool refuses it with a message that says why, and task 7 never runs
        assertThat(trace.the(kind("refused")).field("message")).contains("after shutdown()");
        ProcbookAssertions.assertThat(trace).hasNo(kind("task-start").with("task", 7), "task 7 came after shutdown(): it must never run");
    }
}
