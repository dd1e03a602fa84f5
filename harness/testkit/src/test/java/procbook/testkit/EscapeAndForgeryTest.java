package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.testkit.scenarios.Escapes;
import procbook.testkit.scenarios.ForgesItsTrace;

/**
 * What a scenario cannot get away with: a process that leaves its group is still ended with the
 * run, and a trace line no process of the run recorded through mp fails every check of the run.
 */
@DisplayName("A scenario cannot escape the kit or forge its trace")
class EscapeAndForgeryTest {
    @RegisterExtension
    final Scenarios escapes = Scenarios.of(Escapes.class).timeLimit(Duration.ofSeconds(30));

    @RegisterExtension
    final Scenarios forgers = Scenarios.of(ForgesItsTrace.class).timeLimit(Duration.ofSeconds(30));

    @Test
    @DisplayName("processes that left the group with setsid, or by a double fork, are ended with the run")
    void escapeesAreEnded() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/environ")), "needs /proc: Linux only");
        // GIVEN a run whose processes started sleepers that left its process group
        ScenarioRun run = escapes.run();
        run.awaitEvent(Events.kind("ready"));
        run.awaitEvent(Events.kind("child-ready"));
        // setsid and the shell fork before the sleepers exist: wait until all three do
        Awaitility.await("the three escapees to run").atMost(Duration.ofSeconds(30)).until(() -> sleepers().size() == 3);
        List<Long> escapees = sleepers();
        assertThat(run.livingProcesses()).extracting(ProcessTree.Info::pid).as("the run's processes").containsAll(escapees);
        Path shm = run.sharedMemoryFolder();
        assertThat(shm).as("the run's shared-memory folder while it runs").isDirectory();

        // WHEN the run is closed, as after every test
        run.close();

        // THEN none of them runs any more, and the run's folder is gone
        assertThat(sleepers()).as("escapees left after the run was closed").isEmpty();
        assertThat(run.directory()).doesNotExist();
        assertThat(shm).doesNotExist();
    }

    @Test
    @DisplayName("an event from a pid that never belonged to the run fails with 'tampered'")
    void madeUpPid() {
        ScenarioRun run = forgers.run("made-up-pid");
        run.awaitExit();
        assertThatThrownBy(run::trace).isInstanceOf(TraceTamperedError.class)
                .hasMessageStartingWith("The trace was tampered with: its line 2 says that Process-1 (pid 999999) recorded 'started',"
                        + " but no process with pid 999999 ever belonged to this scenario.");
    }

    @Test
    @DisplayName("an event in the name of a process outside the run fails with 'tampered'")
    void outsiderPid() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/environ")), "needs /proc: Linux only");
        ScenarioRun run = forgers.run("outsider-pid");
        run.awaitExit();
        assertThatThrownBy(run::trace).isInstanceOf(TraceTamperedError.class)
                .hasMessageContaining("init (pid 1) recorded 'greeted', but no process with pid 1 ever belonged to this scenario");
    }

    @Test
    @DisplayName("a line that is not mp's format fails with a message that quotes it")
    void garbage() {
        ScenarioRun run = forgers.run("garbage");
        run.awaitExit();
        assertThatThrownBy(run::trace).isInstanceOf(TraceTamperedError.class)
                .hasMessageStartingWith("The trace was tampered with: line 2 of the trace is not a line mp writes"
                        + " (it has 1 tab-separated columns, mp writes at least 5): 'this is no trace line'.");
    }

    /** The pids of the escapees still running (not zombies). */
    private static List<Long> sleepers() throws IOException {
        List<String> wanted = List.of("sleep " + Escapes.MAIN_ESCAPEE, "sleep " + Escapes.DOUBLE_FORKED, "sleep " + Escapes.CHILD_ESCAPEE);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
                            return wanted.contains(cmd) && ProcessTree.isAlive(Long.parseLong(p.getFileName().toString()));
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        }
    }

}
