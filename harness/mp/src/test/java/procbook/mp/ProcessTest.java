package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Process here is a real child JVM of the test JVM. */
@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Process: a real OS process")
class ProcessTest {
    @TempDir
    Path dir;


    static void sleep(Long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    static void writePidAndParent(String file) throws Exception {
        ParentProcess parent = Process.parentProcess().orElseThrow();
        Files.writeString(Path.of(file), Process.currentProcess().name() + " " + ProcessHandle.current().pid() + " " + parent.pid()
                + " " + parent.name());
    }

    static void startGrandchild(String file) {
        Process p = new Process(ProcessTest::writePidAndParent, file);
        p.start();
        p.join();
    }

    @Test
    @DisplayName("many processes terminated right after start() all read as ended by SIGTERM (-15), as in CPython's test_many_processes")
    void manyTerminatedAtOnce() {
        // GIVEN sixty sleepers, each terminated the moment it has started — often before mp's own start-up in it is done
        List<Process> sleepers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Process p = new Process(ProcessTest::sleep, 600_000L);
            p.start();
            sleepers.add(p);
        }
        // WHEN each is terminated
        sleepers.forEach(Process::terminate);
        // THEN every one reads as killed by SIGTERM, never as "exited with 143"
        for (Process p : sleepers) {
            assertThat(p.join(Duration.ofSeconds(60))).as("%s joined", p.name()).isTrue();
            assertThat(p.exitCode()).as("exit code of %s, terminated right after start()", p.name()).hasValue(-15);
        }
    }

    @Test
    @DisplayName("close() refuses while the process runs; after it ended, close() lets go, and the object refuses further use, as in Python")
    void close() {
        // GIVEN a running process
        Process p = new Process(ProcessTest::sleep, 600_000L);
        p.start();
        // WHEN we close it while it runs, THEN that is refused
        assertThatThrownBy(p::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot close " + p.name()).hasMessageContaining("it is still running");
        // WHEN it has ended and we close it, THEN its exit code and the rest are gone, its name stays
        p.kill();
        p.join();
        p.close();
        p.close(); // twice does nothing
        assertThatThrownBy(p::exitCode).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the exit code of " + p.name() + ": this Process object was closed (close() was"
                        + " called after it ended), so it no longer knows its process");
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("was closed");
        assertThatThrownBy(p::isAlive).isInstanceOf(IllegalStateException.class).hasMessageContaining("was closed");
        assertThat(p.name()).startsWith("Process-");
        assertThat(p.toString()).contains("closed");
    }

    /** Leaves the writing to a thread and returns at once: the process must wait for that thread. */
    static void writeFromAThread(String file, Boolean daemon) {
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(daemon ? 600_000 : 300);
                Files.writeString(Path.of(file), "written by a thread");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        writer.setDaemon(daemon);
        writer.start();
    }

    @Test
    @DisplayName("a child ends only once the (non-daemon) threads it started have ended, as in Python")
    void waitsForItsThreads() throws Exception {
        // GIVEN a child whose run() starts a thread that writes a file a little later, and returns
        Path out = dir.resolve("thread");
        Process p = new Process(ProcessTest::writeFromAThread, out.toString(), false);
        // WHEN it runs to its end
        p.start();
        p.join(Duration.ofSeconds(30));
        // THEN the thread's work was done before the process ended
        assertThat(p.exitCode()).hasValue(0);
        assertThat(out).as("the file the child's thread writes").hasContent("written by a thread");
    }

    @Test
    @DisplayName("a daemon thread does not keep a child alive: it ends with the process")
    void doesNotWaitForDaemonThreads() {
        // GIVEN a child whose run() starts a daemon thread that would sleep ten minutes
        Process p = new Process(ProcessTest::writeFromAThread, dir.resolve("never").toString(), true);
        // WHEN it runs, THEN it ends right after run() returns
        p.start();
        assertThat(p.join(Duration.ofSeconds(30))).as("joined within 30 s").isTrue();
        assertThat(p.exitCode()).hasValue(0);
    }

    @Test
    @DisplayName("a child runs in another JVM, knows its name, pid and parent, and ends with exit code 0")
    void childIdentity() throws Exception {
        // GIVEN a process that writes who it is
        Path out = dir.resolve("who");
        Process p = new Process(ProcessTest::writePidAndParent, out.toString());
        // WHEN it runs
        p.start();
        long pid = p.pid();
        p.join();
        // THEN it was another process, our child, named Process-N
        String[] who = Files.readString(out).split(" ");
        assertThat(who[0]).isEqualTo(p.name()).matches("Process-\\d+");
        assertThat(Long.parseLong(who[1])).isEqualTo(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Long.parseLong(who[2])).isEqualTo(ProcessHandle.current().pid());
        assertThat(who[3]).isEqualTo("MainProcess");
        assertThat(p.exitCode()).hasValue(0);
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a child's children are named Process-N:M")
    void grandchildNames() throws Exception {
        // GIVEN a child that starts a grandchild
        Path out = dir.resolve("grandchild");
        Process p = new Process(ProcessTest::startGrandchild, out.toString());
        // WHEN both run
        p.start();
        p.join();
        // THEN the grandchild's name extends its parent's
        assertThat(Files.readString(out).split(" ")[0]).isEqualTo(p.name() + ":1");
        assertThat(Files.readString(out).split(" ")[3]).isEqualTo(p.name());
    }

    @Test
    @DisplayName("exit codes: none while running, 1 after an exception, System.exit's value, -15 after terminate, -9 after kill")
    void exitCodes() {
        Process sleeper = new Process(ProcessTest::sleep, 60_000L);
        sleeper.start();
        assertThat(sleeper.exitCode()).isEmpty();
        assertThat(sleeper.isAlive()).isTrue();

        Process failing = new Process(() -> {
            throw new IllegalStateException("boom");
        });
        failing.start();
        failing.join();
        assertThat(failing.exitCode()).hasValue(1);

        Process exiting = new Process(() -> System.exit(143));
        exiting.start();
        exiting.join();
        assertThat(exiting.exitCode()).as("System.exit(143) is an exit code, not a signal").hasValue(143);
        assertThat(exiting.killedBy()).isEmpty();

        sleeper.terminate();
        sleeper.join();
        assertThat(sleeper.exitCode()).hasValue(-15);
        assertThat(sleeper.killedBy()).contains(Signal.TERM);

        Process killed = new Process(ProcessTest::sleep, 60_000L);
        killed.start();
        killed.kill();
        killed.join();
        assertThat(killed.exitCode()).hasValue(-9);
    }

    @Test
    @DisplayName("join(timeout) returns false while the child runs, and is not an error")
    void joinWithTimeout() {
        Process p = new Process(ProcessTest::sleep, 60_000L);
        p.start();
        assertThat(p.join(Duration.ofMillis(50))).isFalse();
        assertThat(p.isAlive()).isTrue();
        p.kill();
        assertThat(p.join(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    @DisplayName("misuse fails with the reason: start twice, join before start, daemon flag after start")
    void misuse() {
        Process p = new Process(() -> { });
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join " + p.name() + ": it was never started — call start() first");
        assertThatThrownBy(p::pid).hasMessage(p.name() + " has no pid yet: it is not started");
        p.start();
        assertThatThrownBy(() -> p.setDaemon(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("set the daemon flag before start(): " + p.name() + " is already started (pid " + p.pid() + ")");
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(p.name() + " was already started (pid " + p.pid() + "): a process can be started only once");
        p.join();
    }

    static void tryToStartChild(String file) throws Exception {
        try {
            new Process(() -> { }).start();
            Files.writeString(Path.of(file), "started");
        } catch (IllegalStateException e) {
            Files.writeString(Path.of(file), e.getMessage());
        }
    }

    @Test
    @DisplayName("a daemon may not start children of its own")
    void daemonHasNoChildren() throws Exception {
        Path out = dir.resolve("daemon");
        Process d = new Process(ProcessTest::tryToStartChild, out.toString()).setDaemon(true);
        d.start();
        d.join();
        assertThat(Files.readString(out)).startsWith("daemonic processes are not allowed to have children: " + d.name() + " is a daemon");
    }

    static void reportDaemonDefault(String file) throws Exception {
        Files.writeString(Path.of(file), Boolean.toString(new Process(() -> { }).isDaemon()));
    }

    @Test
    @DisplayName("a Process made inside a daemon is a daemon too by default, as in Python; made in main, it is not")
    void daemonFlagDefaultsToTheCreators() throws Exception {
        // GIVEN a daemon child that makes a Process, WHEN it reports that Process's flag
        Path out = dir.resolve("default");
        Process d = new Process(ProcessTest::reportDaemonDefault, out.toString()).setDaemon(true);
        d.start();
        d.join();

        // THEN it was a daemon; one made here, in a non-daemon, is not
        assertThat(Files.readString(out)).isEqualTo("true");
        assertThat(new Process(() -> { }).isDaemon()).isFalse();
    }

    static void tryToJoin(Process sibling, String file) throws Exception {
        try {
            sibling.join();
            Files.writeString(Path.of(file), "joined");
        } catch (IllegalStateException e) {
            Files.writeString(Path.of(file), e.getMessage());
        }
    }

    @Test
    @DisplayName("joining a process that another process started says 'can only join a child process'")
    void onlyTheParentJoins() throws Exception {
        // GIVEN a started child, handed to a second child
        Process sleeper = new Process(ProcessTest::sleep, 2_000L);
        sleeper.start();
        Path out = dir.resolve("join");
        Process other = new Process(ProcessTest::tryToJoin, sleeper, out.toString());

        // WHEN the second child tries to join it
        other.start();
        other.join();
        sleeper.kill();
        sleeper.join();

        // THEN it is refused, saying who may
        assertThat(Files.readString(out)).isEqualTo("cannot join " + sleeper.name() + ": can only join a child process — " + sleeper.name()
                + " was started by pid " + ProcessHandle.current().pid() + ", and only that process can wait for it or signal it");
    }

    /** Holds something that cannot travel to another JVM. */
    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial")
        final Object socket = new Socket();
    }

    @Test
    @DisplayName("an unserializable argument fails at start(), in the parent, naming its type and where it sits")
    void unserializableArgument() {
        Process p = new Process((Holder h) -> { }, new Holder());
        assertThatThrownBy(p::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot start " + p.name() + ": a java.net.Socket is not serializable (it is argument 1 → field 'socket' of Holder)")
                .hasMessageContaining("must implement java.io.Serializable");
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    @DisplayName("activeChildren lists the running children only, and cpuCount is positive")
    void activeChildren() {
        Process a = new Process(ProcessTest::sleep, 60_000L);
        Process b = new Process(() -> { });
        a.start();
        b.start();
        b.join();
        assertThat(Process.activeChildren()).containsExactly(a);
        a.kill();
        a.join();
        assertThat(Process.activeChildren()).isEmpty();
        assertThat(Process.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors()).isPositive();
    }

    @Test
    @DisplayName("a subclass's run() and its fields travel to the child")
    void subclass() throws Exception {
        Path out = dir.resolve("sub");
        Process p = new Writer(out.toString(), "hello from a subclass");
        p.start();
        p.join();
        assertThat(Files.readString(out)).isEqualTo("hello from a subclass");
        assertThat(p.exitCode()).hasValue(0);
    }

    static final class Writer extends Process {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final String text;

        Writer(String file, String text) {
            this.file = file;
            this.text = text;
        }

        @Override
        public void run() throws Exception {
            Files.writeString(Path.of(file), text);
        }
    }

    @Test
    @DisplayName("the main process is MainProcess, with no parent process")
    void mainProcess() {
        assertThat(Process.currentProcess().name()).isEqualTo("MainProcess");
        assertThat(Process.currentProcess().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(Process.parentProcess()).isEmpty();
        assertThatThrownBy(() -> Process.currentProcess().start()).hasMessage("MainProcess is the process you are in: it is already running");
    }
}
