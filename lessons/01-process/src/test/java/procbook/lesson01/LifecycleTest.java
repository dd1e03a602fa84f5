package procbook.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
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
 * What lesson 01 asks: a child process that knows who it is and who its parent is, and a parent
 * that starts it, sees it alive, waits for it, and cannot start it twice.
 */
@DisplayName("Lesson 01 — a process: lifecycle and identity")
class LifecycleTest {
    /** How long the child works: long enough to be seen alive, short enough to keep the tests fast. */
    private static final String WORK_MILLIS = "300";
    private static final String CHILD = "Process-1";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(Lifecycle.class).timeLimit(Duration.ofSeconds(30));

    private TraceLog runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(WORK_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally();
        return run.trace();
    }

    @Test
    @Points(2)
    @DisplayName("the child reports its own pid and name, and the main process's pid as its parent")
    void childKnowsWhoItIsAndWhoItsParentIs() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the child's report matches what the OS says
        TraceEvent greeted = trace.the(kind("greeted"));
        long mainPid = trace.pidOf("MainProcess");
        assertThat(greeted.process()).as("the process that greeted").isEqualTo(CHILD);
        assertThat(greeted.field("name")).as("the name the child reported for itself").isEqualTo(CHILD);
        assertThat(greeted.longField("pid"))
                .as("the pid the child reported: it must be its own, and not the main process's (%d)", mainPid)
                .isEqualTo(greeted.pid())
                .isNotEqualTo(mainPid);
        assertThat(greeted.longField("parent"))
                .as("the parent pid the child reported: the main process started it, so it must be the main process's pid")
                .isEqualTo(mainPid);
    }

    @Test
    @Points(2)
    @DisplayName("join() waits for the child: 'after-join' comes after the child's last event")
    void joinWaitsForTheChild() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the main process went on only once the child was done: it had an exit code, and it was no longer alive
        TraceEvent afterJoin = trace.the(kind("after-join"));
        assertThat(afterJoin.field("exitcode"))
                .as("the child's exit code when main recorded 'after-join': 'none' means the child was still running — did you"
                        + " forget child.join() before recording it? After a normal end it is 0")
                .isEqualTo("0");
        assertThat(afterJoin.field("alive")).as("isAlive() right after join(): the child has ended, so it must be false").isEqualTo("false");
        ProcbookAssertions.assertThat(trace).happensBefore(kind("done").in(CHILD), kind("after-join").in("MainProcess"));
    }

    @Test
    @Points(1)
    @DisplayName("the child is alive between start() and its end, and is the one active child then")
    void aliveBetweenStartAndEnd() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN right after start() the child runs and is listed; after join() nothing is
        TraceEvent afterStart = trace.the(kind("after-start"));
        assertThat(afterStart.field("alive")).as("isAlive() right after start(): the child works for " + WORK_MILLIS + " ms").isEqualTo("true");
        assertThat(afterStart.field("active")).as("activeChildren() right after start()").isEqualTo(CHILD);
        assertThat(trace.the(kind("after-join")).field("active"))
                .as("activeChildren() after join(): a child that has ended is no longer active").isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("a process cannot be started twice")
    void cannotStartTwice() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the second start() was refused
        ProcbookAssertions.assertThat(trace)
                .hasNo(kind("started-twice"), "the second start() of the same Process must throw IllegalStateException")
                .has(kind("second-start-refused").in("MainProcess"));
    }

    @Test
    @Points(2)
    @DisplayName("a Process subclass runs its own run() in a process of its own")
    void subclassRunsItsRun() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the greeting came from a child, not from the main process ...
        TraceEvent greeted = trace.the(kind("greeted-by-subclass"));
        assertThat(greeted.field("who")).isEqualTo("Grace");
        assertThat(greeted.process()).as("the process that ran Greeter.run(): it must be a new child, so start() it, do not call run()")
                .isNotEqualTo("MainProcess");
        assertThat(greeted.pid()).isNotEqualTo(trace.pidOf("MainProcess"));
        // ... and main waited for it: mp records 'joined' when join() sees a child end, so this holds
        // however fast the Greeter is
        ProcbookAssertions.assertThat(trace).happensBefore(
                kind(Trace.JOINED).with("child", greeted.process()).in("MainProcess"), kind("main-done").in("MainProcess"));
    }
}
