package procbook.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import procbook.mp.Signal;
import procbook.mp.Signals;

/**
 * One run of a lesson's scenario: a real process tree in its own process group and its own
 * temporary folder, with its output and trace captured. Made by {@link Scenarios#run(String...)},
 * ended — every process of it killed — by {@link #close()}, which the extension calls after each test.
 */
public final class ScenarioRun implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);
    /** How often a wait looks for a stalled run: each look lists /proc. */
    private static final long STALEMATE_EVERY_NANOS = 250_000_000L;

    private final String mainClass;
    private final Duration timeLimit;
    private final Path dir;
    private final Path sharedMemory;
    private final java.lang.Process main;
    private final RunMembers members;
    private final Watchdog watchdog;
    private final java.util.Set<Long> checkedPids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Instant deadline;
    private boolean closed;
    private final Stalemate stalemate = new Stalemate();
    private long nextStalemateCheck;

    ScenarioRun(String mainClass, Duration timeLimit, Path dir, Path sharedMemory, java.lang.Process main, RunMembers members, Watchdog watchdog) {
        this.mainClass = mainClass;
        this.timeLimit = timeLimit;
        this.dir = dir;
        this.sharedMemory = sharedMemory;
        this.main = main;
        this.members = members;
        this.watchdog = watchdog;
        this.deadline = Instant.now().plus(timeLimit);
    }

    /** The pid of the scenario's main JVM; also its process group id. */
    public long pid() {
        return main.pid();
    }

    public long processGroup() {
        return main.pid();
    }

    /** The scenario's folder: its working directory, with its output and trace files. */
    public Path directory() {
        return dir;
    }

    /**
     * A snapshot of the trace so far.
     *
     * @throws TraceTamperedError if a line is not one mp writes, or comes from a process outside the scenario
     */
    public TraceLog trace() {
        TraceLog log = TraceLog.read(dir.resolve(Scenarios.TRACE_FILE)).withOutput(this::outputReport);
        if (RunMembers.tracksProcesses()) {
            log.events().forEach(this::requireFromTheScenario);
        }
        return log;
    }

    /**
     * An event's pid must be a process of this run: one the kit saw while it ran. The kit looks every
     * 10 ms and every process of mp is a JVM, which lives far longer than that.
     */
    private void requireFromTheScenario(TraceEvent e) {
        if (checkedPids.contains(e.pid())) {
            return;
        }
        boolean ours = members.wasMember(e.pid());
        if (!ours) {
            throw new TraceTamperedError("its line " + (e.index() + 1) + " says that " + e.process() + " (pid " + e.pid()
                    + ") recorded '" + e.kind() + "', but no process with pid " + e.pid() + " ever belonged to this scenario");
        }
        checkedPids.add(e.pid());
    }

    /** Where mp keeps this run's shared memory: removed with the run. */
    Path sharedMemoryFolder() {
        return sharedMemory;
    }

    /** Everything the scenario's processes printed on standard output so far. */
    public String stdout() {
        return read(Scenarios.STDOUT_FILE);
    }

    /** Everything the scenario's processes printed on standard error so far. */
    public String stderr() {
        return read(Scenarios.STDERR_FILE);
    }

    public boolean hasEnded() {
        return !main.isAlive();
    }

    /** The main JVM's exit code as the OS reports it (128+N after signal N); empty while it runs. */
    public java.util.OptionalInt exitCode() {
        return main.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(main.exitValue());
    }

    /**
     * Waits for the main JVM to end, at most until the run's time limit, and returns its exit code.
     * Fails, showing what was going on, if it does not end in time.
     */
    public int awaitExit() {
        return awaitExit("the scenario's main process to end");
    }

    /** The same, naming what the test waits for in the failure message. */
    public int awaitExit(String what) {
        return awaitExit(what, timeLimit);
    }

    /**
     * Waits for the main JVM to end, at most {@code bound} (and never past the run's time limit).
     * The failure names every process still running and the last thing it recorded: "receiver:
     * semaphore.waiting name=ready" says at once who waits for what.
     */
    public int awaitExit(String what, Duration bound) {
        long left = Math.min(Duration.between(Instant.now(), deadline).toMillis(), bound.toMillis());
        long end = System.nanoTime() + Math.max(left, 0) * 1_000_000L;
        try {
            boolean ended = false;
            while (!ended) {
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                ended = main.waitFor(Math.min(remaining, STALEMATE_EVERY_NANOS), TimeUnit.NANOSECONDS);
                if (!ended) {
                    failIfStalled("waiting for " + what);
                }
            }
            if (!ended) {
                failNotDoneYet();
                throw stuck("timed out after " + Math.min(bound.toSeconds(), timeLimit.toSeconds()) + " s waiting for " + what
                        + ". Something is waiting forever: a join on a child that never ends, a lock or semaphore never released,"
                        + " a process that never got its signal?" + stillRunning());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        failNotDoneYet();
        return main.exitValue();
    }

    /**
     * Waits until the trace satisfies {@code condition}, at most until the run's time limit.
     * Gives up at once, with a clear message, if the scenario ends without satisfying it.
     *
     * @param what what is awaited, in the lesson's words: "the receiver has printed 3 values"
     */
    public TraceLog awaitTrace(String what, Predicate<TraceLog> condition) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            left = Duration.ofMillis(1);
        }
        try {
            Awaitility.await(what)
                    .atMost(left)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .failFast("the scenario ended before " + what, () -> {
                        failIfStalled("waiting until " + what);
                        return hasEnded() && !condition.test(trace());
                    })
                    .until(() -> condition.test(trace()));
        } catch (ConditionTimeoutException e) {
            failNotDoneYet();
            throw failure("timed out after " + timeLimit.toSeconds() + " s waiting until " + what + ".");
        } catch (TerminalFailureException e) {
            failNotDoneYet();
            throw failure("the scenario's main process ended (exit code " + main.exitValue() + ") before " + what + ".");
        }
        return trace();
    }

    /** Waits until some process has recorded an event matching {@code which}, and returns the first such event. */
    public TraceEvent awaitEvent(Events which) {
        return awaitTrace("an event " + which + " is recorded", t -> t.first(which).isPresent()).the(which);
    }

    /**
     * Fails at once, naming every wait, if the run has stalled ({@link Stalemate}): each living process
     * waits for ever for another, and nothing has been recorded for a while.
     */
    private void failIfStalled(String what) {
        long now = System.nanoTime();
        if (!RunMembers.tracksProcesses() || now - nextStalemateCheck < 0) {
            return;
        }
        nextStalemateCheck = now + STALEMATE_EVERY_NANOS;
        java.util.Optional<java.util.List<TraceEvent>> waits;
        try {
            waits = stalemate.check(trace(), members::living);
        } catch (TraceTamperedError e) {
            return; // the check that reads the trace next says so, in its own words
        }
        if (waits.isPresent()) {
            failNotDoneYet();
            StringBuilder who = new StringBuilder();
            for (TraceEvent e : waits.get()) {
                who.append("\n  - ").append(e.process()).append(" (pid ").append(e.pid()).append(") waits: ").append(e.describe());
            }
            throw stuck("stalled " + what + ": every process still running waits, with no time limit, for something"
                    + " only another of them could do, and nothing was recorded for " + Stalemate.QUIET.toSeconds() + " s — they would"
                    + " wait for ever. A lock or semaphore never released, an event never set, a queue never filled, a join on a"
                    + " child that waits itself?" + who);
        }
    }

    /** A failure about processes that never ended: the last event each recorded is marked. */
    private AssertionError stuck(String message) {
        TraceLog t = trace();
        java.util.Set<Integer> last = new java.util.HashSet<>();
        t.lastOfUnended().forEach(e -> last.add(e.index()));
        return t.failure(message, e -> last.contains(e.index()));
    }

    /** Each process that has recorded no 'exited' event yet, with the last event it recorded. */
    private String stillRunning() {
        StringBuilder out = new StringBuilder();
        for (TraceEvent e : trace().lastOfUnended()) {
            out.append("\n  - ").append(e.process()).append(" is still running; the last thing it recorded: ").append(e.describe());
        }
        return out.length() == 0 ? "" : "\nStill running:" + out;
    }

    /** Waits until process {@code pid} is gone (ended, or a zombie), at most until the time limit. */
    public void awaitGone(long pid, String what) {
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            Awaitility.await(what + " (pid " + pid + ") to end")
                    .atMost(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> !ProcessTree.isAlive(pid));
        } catch (ConditionTimeoutException e) {
            throw failure(what + " (pid " + pid + ") was still running " + timeLimit.toSeconds() + " s into the run.");
        }
    }

    /** Sends {@code signal} to every process of the scenario, as Ctrl-C in a terminal does with INT. */
    public void signalGroup(Signal signal) {
        Signals.sendToGroup(processGroup(), signal);
    }

    /** Sends {@code signal} to the scenario's main JVM only. */
    public void signalMain(Signal signal) {
        Signals.send(pid(), signal);
    }

    /** Sends {@code signal} to one process of the scenario, by pid. */
    public void signal(long pid, Signal signal) {
        Signals.send(pid, signal);
    }

    /**
     * The living processes of the scenario: its process group, the main JVM included while it runs, and
     * on Linux every process that left the group (setsid, a double fork) but came from the run.
     */
    public List<ProcessTree.Info> livingProcesses() {
        java.util.Map<Long, ProcessTree.Info> out = new java.util.LinkedHashMap<>();
        ProcessTree.groupMembers(processGroup()).forEach(i -> out.put(i.pid(), i));
        for (long pid : members.living()) {
            ProcessTree.info(pid).filter(i -> !i.isZombie()).ifPresent(i -> out.putIfAbsent(pid, i));
        }
        return List.copyOf(out.values());
    }

    /** An AssertionError that shows the lesson's words first, then what the scenario did. */
    public AssertionError failure(String message) {
        return new AssertionError(trace().failureMessage(message, java.util.Set.of()));
    }

    /** What a failure message shows after its first line: output, errors, the timeline. */
    public String report() {
        return trace().context();
    }

    private RunOutput outputReport() {
        return new RunOutput("scenario: " + mainClass + " (pid " + pid() + ", "
                + (hasEnded() ? "exit code " + main.exitValue() + ScenarioRunAssert.explain(main.exitValue()) : "still running") + ")",
                stdout(), stderr());
    }

    /** A stub that still says "not done yet" fails every test with that, and nothing else. */
    void failNotDoneYet() {
        java.util.Optional<AssertionError> notDone = NotDoneYet.in(stderr(), mainClass);
        if (notDone.isPresent()) {
            throw notDone.get();
        }
    }

    /** Kills every process of the scenario and waits until none is left. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            killEverything();
            Awaitility.await("every process of the scenario " + mainClass + " to be gone")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(POLL)
                    .until(() -> {
                        boolean none = livingProcesses().isEmpty();
                        if (!none) {
                            killEverything(); // one was forking while we killed
                        }
                        return none;
                    });
        } finally {
            watchdog.dismiss();
            members.forget();
            Scenarios.forget(this);
            deleteDirectory(dir);
            deleteDirectory(sharedMemory);
        }
    }

    private void killEverything() {
        try {
            Signals.sendToGroup(processGroup(), Signal.KILL);
        } catch (IllegalStateException e) {
            // the group emptied itself between the look and the kill
        }
        main.destroyForcibly();
        for (long pid : members.living()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless; leftover processes are not, and are handled above
        }
    }

    @Override
    public String toString() {
        return "ScenarioRun[" + mainClass + ", pid " + pid() + (hasEnded() ? ", ended" : ", running") + "]";
    }
}
