package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import procbook.testkit.scenarios.Tree;

/**
 * One run, many facts: the tests of a class that ask for the same run get the same process tree,
 * which ends after the class's last test — and a run whose script failed fails every test that
 * rests on it, with the same cause, without being tried again.
 */
@DisplayName("A run shared by the tests of a class")
class SharedRunTest {
    static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();
    static final Set<Long> ALIVE_IN_LAST_TEST = ConcurrentHashMap.newKeySet();
    static final AtomicInteger SCRIPT_CALLS = new AtomicInteger();

    private static ScenarioRun treeReady(Scenarios scenarios) {
        ScenarioRun run = scenarios.runOnce();
        run.awaitEvent(procbook.testkit.Events.kind("ready"));
        PIDS.add(run.pid());
        return run;
    }

    /** Run by EngineTestKit from the tests below, never directly (surefire skips nested classes). */
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ClassWide {
        @RegisterExtension
        static final Scenarios scenarios = Scenarios.of(Tree.class).timeLimit(Duration.ofSeconds(60));

        @Test
        void a() {
            treeReady(scenarios);
        }

        @Test
        void b() {
            ScenarioRun run = treeReady(scenarios);
            if (ProcessTree.isAlive(run.pid())) {
                ALIVE_IN_LAST_TEST.add(run.pid());
            }
        }
    }

    static class PerTest {
        @RegisterExtension
        final Scenarios scenarios = Scenarios.of(Tree.class).timeLimit(Duration.ofSeconds(60));

        @Test
        void a() {
            treeReady(scenarios);
        }

        @Test
        void b() {
            treeReady(scenarios);
        }
    }

    static class BrokenScript {
        @RegisterExtension
        static final Scenarios scenarios = Scenarios.of(Tree.class);

        private static ScenarioRun broken() {
            return scenarios.shared("pressed Ctrl-C", () -> {
                SCRIPT_CALLS.incrementAndGet();
                throw new AssertionError("the receiver never waited");
            });
        }

        @Test
        void a() {
            broken();
        }

        @Test
        void b() {
            broken();
        }
    }

    private static Events run(Class<?> fixture) {
        PIDS.clear();
        ALIVE_IN_LAST_TEST.clear();
        SCRIPT_CALLS.set(0);
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    @DisplayName("on a static field, two tests asking for the same arguments get one run, ended after the last test")
    void staticFieldSharesTheRun() {
        // GIVEN two tests that each ask for the run with no arguments, WHEN the class runs
        run(ClassWide.class).assertStatistics(s -> s.succeeded(2));

        // THEN they saw one and the same main process, still alive in the second test, gone after the class
        assertThat(PIDS).as("main pids the two tests saw").hasSize(1);
        assertThat(ALIVE_IN_LAST_TEST).as("the shared run, alive in the class's last test").isEqualTo(PIDS);
        for (long pid : PIDS) {
            assertThat(ProcessTree.groupMembers(pid)).as("processes left of the shared run's group %d", pid).isEmpty();
        }
    }

    @Test
    @DisplayName("on an instance field, each test gets its own run, ended after that test")
    void instanceFieldRunsPerTest() {
        run(PerTest.class).assertStatistics(s -> s.succeeded(2));

        assertThat(PIDS).as("main pids the two tests saw").hasSize(2);
        for (long pid : PIDS) {
            assertThat(ProcessTree.groupMembers(pid)).as("processes left of group %d", pid).isEmpty();
        }
    }

    @Test
    @DisplayName("a script that failed is not tried again: every test that names it fails with its cause")
    void failedScriptFailsEveryTestOnce() {
        Events events = run(BrokenScript.class);

        events.assertStatistics(s -> s.failed(2));
        assertThat(SCRIPT_CALLS).as("times the failing script ran").hasValue(1);
        List<String> messages = events.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
                .toList();
        assertThat(messages).containsExactly("the receiver never waited", "the receiver never waited");
    }
}
