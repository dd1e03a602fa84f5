package procbook.lesson02;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ProcessTree;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What lesson 02 asks: read how each child ended — normally, by an exception, by System.exit,
 * by SIGTERM, by SIGKILL — and see that terminating a process leaves its own child running, as
 * an orphan adopted by another process.
 */
@DisplayName("Lesson 02 — exit codes, terminate and orphans")
class ExitCodesTest {
    /** How long the sleepers sleep: longer than any test, so only a signal can end them. */
    private static final String SLEEP_MILLIS = "60000";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(ExitCodes.class).timeLimit(Duration.ofSeconds(15));

    private static String exitCodeOf(TraceLog trace, String name) {
        return trace.the(kind("exit-code").with("name", name)).field("code");
    }

    @Test
    @Points(2)
    @DisplayName("a normal end gives 0, an uncaught exception 1, System.exit(3) gives 3 — and no code while running")
    void exitCodesOfNormalEnds() {
        // GIVEN the scenario, WHEN it runs to its end
        ScenarioRun run = scenarios.runOnce(SLEEP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally();
        TraceLog trace = run.trace();

        // THEN each child's exit code says how it ended
        assertThat(exitCodeOf(trace, "Process-1")).as("exit code of the child running finishes()").isEqualTo("0");
        assertThat(exitCodeOf(trace, "Process-2")).as("exit code of the child running fails(), which throws").isEqualTo("1");
        assertThat(exitCodeOf(trace, "Process-3")).as("exit code of the child running exits(3)").isEqualTo("3");
        assertThat(trace.events("running")).as("exitCode() right after start(), for each of the three children")
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.field("exitcode")).as("exitCode() of %s while it runs", e.field("name")).isEqualTo("none"));
    }

    @Test
    @Points(2)
    @DisplayName("terminate() ends a sleeping child by SIGTERM: exit code -15")
    void terminateSendsSigterm() {
        // GIVEN the scenario, WHEN it runs to its end
        ScenarioRun run = scenarios.runOnce(SLEEP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally();

        // THEN the sleeper ended by SIGTERM, long before its sleep was over
        assertThat(exitCodeOf(run.trace(), "sleeper")).as("exit code of the sleeper after terminate(): -N means 'ended by signal N'")
                .isEqualTo("-15");
    }

    @Test
    @Points(2)
    @DisplayName("a child that ignores SIGTERM survives terminate(); kill() ends it: exit code -9")
    void killEndsWhatTerminateCannot() {
        // GIVEN the scenario, WHEN it runs to its end
        ScenarioRun run = scenarios.runOnce(SLEEP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally();
        TraceLog trace = run.trace();

        // THEN terminate() was ignored, and SIGKILL — which no process can ignore — ended it
        ProcbookAssertions.assertThat(trace).has(kind("ignoring-term").in("stubborn"));
        assertThat(trace.the(kind("after-terminate")).field("ended"))
                .as("whether the stubborn child ended within 500 ms of terminate(): it ignores SIGTERM, so it must not have").isEqualTo("false");
        assertThat(exitCodeOf(trace, "stubborn")).as("exit code of the stubborn child: kill() sends SIGKILL (9)").isEqualTo("-9");
    }

    @Test
    @Points(2)
    @DisplayName("terminating a process leaves its child running, adopted by another process")
    void grandchildBecomesAnOrphan() {
        // GIVEN the scenario, WHEN it runs to its end
        ScenarioRun run = scenarios.runOnce(SLEEP_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally();
        TraceLog trace = run.trace();

        // THEN the middle process ended by SIGTERM ...
        assertThat(exitCodeOf(trace, "middle")).as("exit code of the middle process after terminate()").isEqualTo("-15");
        // ... and its child, the grandchild, still runs, with a new parent
        TraceEvent started = trace.the(kind("grandchild-started").in("middle"));
        long grandchild = started.longField("pid");
        long middle = started.pid();
        assertThat(trace.the(kind("orphan")).field("alive")).as("whether the grandchild was alive right after its parent ended").isEqualTo("true");
        assertThat(ProcessTree.isAlive(grandchild)).as("the grandchild (pid %d) is still running after the whole scenario's main process ended", grandchild)
                .isTrue();
        assertThat(ProcessTree.parentOf(grandchild)).as("the grandchild's parent pid now: its first parent, the middle process (pid %d), is gone", middle)
                .isPresent()
                .get().isNotEqualTo(middle);
    }
}
