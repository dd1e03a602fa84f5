package procbook.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
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
 * What lesson 03 asks: a daemon child that lives only as long as its parent, and a non-daemon
 * child that the parent waits for. The article's seconds become a short period here.
 */
@DisplayName("Lesson 03 — daemon and non-daemon children")
class DaemonsTest {
    private static final String PERIOD_MILLIS = "100";
    private static final String STEPS = "5";
    private static final String MAIN_WAIT_MILLIS = "300";
    /** Steps of the counter in the run whose main is killed: it must still be counting then. */
    private static final String LONG_COUNT = "1000";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(Daemons.class).timeLimit(Duration.ofSeconds(20));

    @BeforeAll
    static void startTheRuns() {
        // the class's runs all start now and go side by side: they mostly sleep, and each test reads its own when it comes
        scenarios.runOnce(PERIOD_MILLIS, STEPS, MAIN_WAIT_MILLIS);
        scenarios.runOnce(PERIOD_MILLIS, LONG_COUNT, MAIN_WAIT_MILLIS);
    }

    /** The heartbeat must have started as a daemon; said plainly before anything waits on it. */
    private static long heartbeatPid(ScenarioRun run) {
        TraceEvent started = run.awaitEvent(kind(Trace.STARTED).in("heartbeat"));
        assertThat(started.field("daemon"))
                .as("whether the heartbeat process started as a daemon: call setDaemon(true) on it before start()")
                .isEqualTo("true");
        run.awaitEvent(kind("alive").in("heartbeat"));
        return started.pid();
    }

    @Test
    @Points(2)
    @DisplayName("the main process waits for the counter: every step is counted before main-done")
    void counterFinishesFirst() {
        // GIVEN the scenario with a counter of 5 steps
        ScenarioRun run = scenarios.runOnce(PERIOD_MILLIS, STEPS, MAIN_WAIT_MILLIS);
        heartbeatPid(run);

        // WHEN it runs to its end
        ProcbookAssertions.assertThat(run).exitedNormally();

        // THEN the counter, a non-daemon child, did all its steps before the main process went on
        TraceLog trace = run.trace();
        ProcbookAssertions.assertThat(trace)
                .hasExactly(5, kind("count").in("counter"))
                .happensBefore(kind("count-done").in("counter"), kind("main-done").in("MainProcess"));
    }

    @Test
    @Points(2)
    @DisplayName("the daemon heartbeat is ended when the main code is over")
    void daemonEndsWithItsParent() {
        // GIVEN the scenario, with the heartbeat running
        ScenarioRun run = scenarios.runOnce(PERIOD_MILLIS, STEPS, MAIN_WAIT_MILLIS);
        long heartbeat = heartbeatPid(run);

        // WHEN the main process ends
        ProcbookAssertions.assertThat(run).exitedNormally();

        // THEN the heartbeat is gone too, and it beat while the main process waited
        run.awaitGone(heartbeat, "the daemon heartbeat");
        ProcbookAssertions.assertThat(run).leftNoProcessAlive();
        TraceLog trace = run.trace();
        assertThat(trace.the(kind("alive")).index())
                .as("position of the heartbeat's first 'alive' in the trace: it must beat while the main process still runs")
                .isLessThan(trace.the(kind("main-done")).index());
    }

    @Test
    @Points(2)
    @DisplayName("the daemon heartbeat also ends when the main process is killed with SIGKILL")
    void daemonEndsWhenParentIsKilled() {
        // GIVEN the scenario with a long counter, and the heartbeat running (a run of this test's own: it kills main)
        ScenarioRun run = scenarios.runOnce(PERIOD_MILLIS, LONG_COUNT, MAIN_WAIT_MILLIS);
        long heartbeat = heartbeatPid(run);
        run.awaitEvent(kind("children-started"));

        // WHEN the main process is killed outright: no code of it runs any more
        run.signalMain(Signal.KILL);

        // THEN the daemon notices and ends anyway: nothing is left behind
        run.awaitGone(heartbeat, "the daemon heartbeat, after its parent was killed");
        assertThat(run.awaitExit()).as("exit code of the main process killed by SIGKILL: 128+9").isEqualTo(137);
    }
}
