package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import procbook.testkit.scenarios.LaunchTreeThenHang;
import procbook.testkit.scenarios.Tree;

/**
 * The kit's promise: when a test ends — passed, failed, timed out, or its JVM killed — no process
 * of its scenario is left. Each case runs for real and looks at the OS afterwards.
 */
@DisplayName("The test kit leaves no process behind")
class NoLeakTest {
    /** Process groups the fixture tests started; read after they ran. */
    static final Set<Long> GROUPS = ConcurrentHashMap.newKeySet();

    /** Tests run by EngineTestKit from the tests below, never directly (surefire skips nested classes). */
    static class Fixture {
        @RegisterExtension
        // generous: a loaded machine starts JVMs slowly, and only timesOut waits for a limit, its own short one
        final Scenarios scenarios = Scenarios.of(Tree.class).timeLimit(Duration.ofSeconds(60));

        private ScenarioRun treeReady() {
            ScenarioRun run = scenarios.run();
            run.awaitEvent(procbook.testkit.Events.kind("ready"));
            GROUPS.add(run.processGroup());
            // main, child, grandchild, and the warm spare JVMs that main and child keep ready
            assertThat(run.livingProcesses()).hasSizeGreaterThanOrEqualTo(3);
            return run;
        }

        @Test
        void passes() {
            treeReady();
        }

        @Test
        void fails() {
            treeReady();
            throw new AssertionError("failing on purpose");
        }

        @Test
        void timesOut() {
            treeReady().awaitExit("a scenario that never ends", Duration.ofSeconds(2));
        }
    }

    private static Events run(String method) {
        GROUPS.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Fixture.class, method)).execute().testEvents();
    }

    private static void assertGroupsGone() {
        assertThat(GROUPS).as("the process groups the fixture started").hasSize(1);
        for (long pgid : GROUPS) {
            assertThat(ProcessTree.groupMembers(pgid)).as("processes left of scenario group %d", pgid).isEmpty();
        }
    }

    @Test
    @DisplayName("after a test that passed")
    void afterPass() {
        // GIVEN a test that starts a three-process tree, WHEN it passes
        run("passes").assertStatistics(s -> s.succeeded(1));
        // THEN the tree is gone
        assertGroupsGone();
    }

    @Test
    @DisplayName("after a test that failed")
    void afterFailure() {
        run("fails").assertStatistics(s -> s.failed(1));
        assertGroupsGone();
    }

    @Test
    @DisplayName("after a test whose scenario ran out of time, with a message saying so")
    void afterTimeout() {
        Events events = run("timesOut");
        events.assertStatistics(s -> s.failed(1));
        Throwable why = events.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(why).hasMessageStartingWith("timed out after 2 s waiting for a scenario that never ends");
        assertGroupsGone();
    }

    @Test
    @DisplayName("after the test JVM itself was killed with SIGKILL")
    void afterTestJvmKilled() throws Exception {
        // GIVEN a JVM playing a test JVM, which started a scenario tree and hangs
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.lang.Process testJvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LaunchTreeThenHang.class.getName())
                .redirectError(new File("/dev/null")).start();
        long pgid;
        Path scenarioDir;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(testJvm.getInputStream(), StandardCharsets.UTF_8))) {
            String[] line = String.valueOf(out.readLine()).split(" ");
            assertThat(line[0]).as("what the stand-in test JVM printed").isEqualTo("PGID");
            pgid = Long.parseLong(line[1]);
            scenarioDir = Path.of(line[3]);
        }
        assertThat(ProcessTree.groupMembers(pgid)).hasSizeGreaterThanOrEqualTo(3);

        // WHEN it is killed outright: no code of it runs any more
        testJvm.destroyForcibly().waitFor();

        // THEN the watchdog ends the whole scenario tree
        Awaitility.await("the scenario group " + pgid + " to be empty after its test JVM was killed")
                .atMost(Duration.ofSeconds(30))
                .until(() -> ProcessTree.groupMembers(pgid).isEmpty());
        assertThat(ProcessTree.groupMembers(pgid)).isEqualTo(List.of());
        // the killed JVM could not delete its scenario's folder: the watchdog does
        Awaitility.await("the scenario's folder " + scenarioDir + " to be removed by the watchdog")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(scenarioDir));
    }
}
