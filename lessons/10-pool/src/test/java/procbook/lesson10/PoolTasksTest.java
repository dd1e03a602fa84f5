package procbook.lesson10;

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
 * What lesson 10 asks: five sleeping tasks on a pool of four, then of five. The order of the
 * recorded events says how many ran at once: a task can start on a busy pool only after another
 * has recorded its end, since a worker takes its next task only once it has answered.
 */
@DisplayName("Lesson 10 — a process pool")
class PoolTasksTest {
    private static final String NAP_MILLIS = "600";

    @RegisterExtension
    final Scenarios scenarios = Scenarios.of(PoolTasks.class).timeLimit(Duration.ofSeconds(60));

    private TraceLog runToTheEnd(String workers) {
        ScenarioRun run = scenarios.run(workers, NAP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    /** How many tasks had started when the first task ended. */
    private static int startedBeforeFirstEnd(TraceLog trace) {
        int firstEnd = trace.first(kind("task-end")).map(TraceEvent::index).orElseThrow();
        return (int) trace.events(kind("task-start")).stream().filter(e -> e.index() < firstEnd).count();
    }

    @Test
    @Points(3)
    @DisplayName("a pool of four: four tasks start together, never more than four run at once, the fifth waits for one to end")
    void poolOfFour() {
        TraceLog trace = runToTheEnd("4");
        ProcbookAssertions.assertThat(trace).atMostInside(4, "task-start", "task-end",
                "%s ran at the same time: more than the pool's 4 workers — tasks must go to the pool, which runs at most 4 at once");
        assertThat(startedBeforeFirstEnd(trace)).as("tasks started before the first one ended: the 4 workers all took one").isEqualTo(4);
        List<TraceEvent> starts = trace.events(kind("task-start"));
        TraceEvent fifth = starts.get(4);
        assertThat(fifth.index()).as("the fifth task to start (#%d) must wait until a task has ended", fifth.index())
                .isGreaterThan(trace.first(kind("task-end")).orElseThrow().index());
    }

    @Test
    @Points(2)
    @DisplayName("a pool of five: all five tasks start together")
    void poolOfFive() {
        TraceLog trace = runToTheEnd("5");
        assertThat(startedBeforeFirstEnd(trace)).as("tasks started before the first one ended, with 5 workers").isEqualTo(5);
    }

    @Test
    @Points(2)
    @DisplayName("the tasks run in the pool's long-lived workers: at most four processes for six tasks, none of them main")
    void tasksRunInTheWorkers() {
        TraceLog trace = runToTheEnd("4");
        List<String> runners = trace.events(kind("task-start")).stream().map(TraceEvent::process).distinct().toList();
        assertThat(runners).as("the processes that ran the six tasks: the pool's workers, each taking several tasks")
                .hasSizeBetween(1, 4).doesNotContain("MainProcess");
    }

    @Test
    @Points(1)
    @DisplayName("each result comes back to its own caller, after join")
    void resultsToTheRightCaller() {
        TraceLog trace = runToTheEnd("4");
        for (int task = 1; task <= 5; task++) {
            TraceEvent result = trace.the(kind("result").with("task", task));
            assertThat(result.field("text")).as("the result collected for task %d", task).startsWith("task " + task + " ran ");
            ProcbookAssertions.assertThat(trace).happensBefore(kind("joined"), kind("result").with("task", task));
        }
    }

    @Test
    @Points(1)
    @DisplayName("an exception in a task reaches the caller")
    void exceptionReachesTheCaller() {
        TraceLog trace = runToTheEnd("4");
        assertThat(trace.the(kind("task-failed")).field("message"))
                .as("the message of the exception task 6 threw in its worker, as its caller got it")
                .contains("negative");
    }

    @Test
    @Points(1)
    @DisplayName("a task given after shutdown is refused with a clear error")
    void refusedAfterShutdown() {
        TraceLog trace = runToTheEnd("4");
        assertThat(trace.the(kind("refused")).field("message")).contains("after shutdown()");
        ProcbookAssertions.assertThat(trace).hasNo(kind("task-start").with("task", 7), "task 7 came after shutdown(): it must never run");
    }
}
