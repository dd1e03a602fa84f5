package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.testkit.scenarios.Stalls;

@DisplayName("A run where every process waits for ever fails in seconds, naming the waits; a wait that can end is waited for")
class StalemateTest {
    @RegisterExtension
    final Scenarios stalls = Scenarios.of(Stalls.class).timeLimit(Duration.ofSeconds(60));

    @Test
    @DisplayName("a child waiting for a permit nobody will release, and main joining it: 'stalled', long before the 60-s limit")
    void stalledRunFailsEarly() {
        assumeTrue(RunMembers.tracksProcesses(), "the kit sees a run's processes on Linux only");
        // GIVEN a run that can never end
        ScenarioRun run = stalls.run("stalls");
        // WHEN the test waits for its end, THEN it hears that the run stalled, and who waits for what
        assertThatThrownBy(run::awaitExit)
                .hasMessageStartingWith("stalled waiting for the scenario's main process to end: every process still running waits")
                .hasMessageContaining("taker (pid ")
                .hasMessageContaining("semaphore.waiting name=ready")
                .hasMessageContaining("join.waiting child=taker")
                .hasMessageNotContaining("timed out after 60 s");
    }

    @Test
    @DisplayName("main waiting for a permit that a child releases after 4 s of silent work is not stalled")
    void silentWorkIsNotAStall() {
        ScenarioRun run = stalls.run("late");
        assertThat(run.awaitExit()).as("exit code of the run whose permit came late").isZero();
        assertThat(run.trace().events(Events.kind("done"))).hasSize(1);
    }

    @Test
    @DisplayName("a wait with a time limit is not stalled: it ends by itself")
    void timedWaitIsNotAStall() {
        ScenarioRun run = stalls.run("timed");
        assertThat(run.awaitExit()).as("exit code of the run that gave up waiting").isZero();
        assertThat(run.trace().the(Events.kind("gave-up")).field("got")).isEqualTo("false");
    }
}
