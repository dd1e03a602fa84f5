package procbook.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import procbook.mp.JavaCommand;
import procbook.mp.Trace;

/**
 * Starts a lesson's scenario — its main class — as a real process tree, and makes sure nothing
 * of it survives the test. Register it in a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * final Scenarios scenarios = Scenarios.of(Lifecycle.class).timeLimit(Duration.ofSeconds(30));
 *
 * @Test
 * void childReportsItsParent() {
 *     ScenarioRun run = scenarios.run("300");
 *     run.awaitExit();
 *     ...
 * }
 * }</pre>
 *
 * <p>Every run gets a fresh temporary folder as its working directory, a process group of its
 * own, INT/TERM/HUP at their defaults, and a trace that all its processes append to. After each
 * test, every process of every run is killed — and if the test JVM itself dies, a watchdog does it.
 *
 * <p><b>One run, many facts.</b> A lesson's tests mostly check different facts of the same run.
 * Registered on a {@code static} field, {@link #runOnce(String...)} and {@link #shared(String, Supplier)}
 * start the run for the first test that asks and hand the same run to every later one; it ends
 * after the last test of the class. That is what keeps a verdict fast: each scenario costs a
 * dozen JVMs, and its facts are independent of each other.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Scenarios scenarios = Scenarios.of(TicketOffice.class);
 *
 * @Test
 * void oneBuyerAtATime() {
 *     TraceLog trace = scenarios.runOnce("3", "10", "60").trace();
 *     ...
 * }
 * }</pre>
 */
public final class Scenarios implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** Extra class path entries put first in a scenario's class path: how the self-check runs variants. */
    public static final String CLASSPATH_PREPEND_PROPERTY = "procbook.scenario.classpathPrepend";
    static final String TRACE_FILE = "trace.log";
    static final String STDOUT_FILE = "stdout.log";
    static final String STDERR_FILE = "stderr.log";
    private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private static final Set<ScenarioRun> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // A test JVM that ends normally mid-test (System.exit, a failing fork) still cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(ScenarioRun::close), "procbook-scenarios-cleanup"));
    }

    /** The lesson's class whose main runs; null for a program that is not a JVM ({@link #command}). */
    private final Class<?> mainClass;
    /** The program that runs instead of a JVM, e.g. {@code python3 listing.py}; empty for a lesson's class. */
    private final List<String> command;
    private final Duration timeLimit;
    /** Class path entries put before this JVM's: a compiled variant of the lesson. */
    private final List<Path> classPathFirst;
    private final List<ScenarioRun> mine = new ArrayList<>();
    /** The shared runs by name, each as it came out: the run, or what its script threw. */
    private final Map<String, Shared> shared = new LinkedHashMap<>();
    /** Set when registered on a static field: shared runs then live until the class's last test. */
    private volatile boolean classWide;

    private record Shared(ScenarioRun run, RuntimeException exception, Error error) {
        ScenarioRun get() {
            if (exception != null) {
                throw exception;
            }
            if (error != null) {
                throw error;
            }
            return run;
        }
    }

    private Scenarios(Class<?> mainClass, List<String> command, Duration timeLimit, List<Path> classPathFirst) {
        this.mainClass = mainClass;
        this.command = List.copyOf(command);
        this.timeLimit = timeLimit;
        this.classPathFirst = List.copyOf(classPathFirst);
    }

    /** Scenarios running {@code mainClass}'s {@code main}. */
    public static Scenarios of(Class<?> mainClass) {
        if (mainClass == null) {
            throw new IllegalArgumentException("mainClass is null: pass the lesson's class with the main method, e.g. Scenarios.of(Lifecycle.class)");
        }
        return new Scenarios(mainClass, List.of(), DEFAULT_TIME_LIMIT, List.of());
    }

    /**
     * Scenarios running a program that is not a lesson's JVM — Python's original of a lesson, say,
     * {@code command("python3", "ticket_office.py")} — in the same clean session, with the same trace
     * file named by {@value Trace#ENVIRONMENT_VARIABLE}, so the same assertions apply to its trace.
     */
    public static Scenarios command(String... command) {
        if (command.length == 0 || command[0].isBlank()) {
            throw new IllegalArgumentException("a command needs a program to run, e.g. command(\"python3\", \"listing.py\")");
        }
        return new Scenarios(null, List.of(command), DEFAULT_TIME_LIMIT, List.of());
    }

    /**
     * The same, with {@code classes} before this JVM's class path: a variant of the lesson compiled
     * there (the reference, a wrong solution) runs instead of the class of the same name.
     */
    public Scenarios classPathFirst(Path classes) {
        List<Path> first = new ArrayList<>(classPathFirst);
        first.add(classes);
        return new Scenarios(mainClass, command, timeLimit, first);
    }

    /** The same, with every run ended by force after {@code limit}. */
    public Scenarios timeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive, got " + limit);
        }
        return new Scenarios(mainClass, command, limit, classPathFirst);
    }

    /** Starts the scenario with these program arguments and returns at once. */
    public ScenarioRun run(String... args) {
        if (mainClass != null) {
            LessonArchitecture.check(mainClass);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("procbook-scenario-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for the scenario: " + e.getMessage(), e);
        }
        // temporary files of the scenario's processes live in its folder, deleted with it
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + tmp + ": " + e.getMessage(), e);
        }
        // mp's shared memory of this run in a folder of its own: removed with the run, even after a SIGKILL
        Path shm = sharedMemoryFolder(dir);
        List<String> cmd = new ArrayList<>(Confinement.prefix());
        cmd.addAll(CleanSession.prefix());
        if (mainClass == null) {
            cmd.addAll(command);
        } else {
            cmd.addAll(JavaCommand.of(mainClass.getName(), classPath(),
                    Map.of("java.io.tmpdir", tmp.toString(), "procbook.mp.shm", shm.toString()), "procbook.mp."));
        }
        cmd.addAll(Arrays.asList(args));

        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(STDOUT_FILE).toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(STDERR_FILE).toFile()));
        pb.environment().put(Trace.ENVIRONMENT_VARIABLE, dir.resolve(TRACE_FILE).toString());
        String mark = UUID.randomUUID().toString();
        pb.environment().put(RunMembers.MARK_VARIABLE, mark);

        Watchdog watchdog = Watchdog.start();
        java.lang.Process main;
        try {
            main = pb.start();
        } catch (IOException e) {
            watchdog.dismiss();
            throw new IllegalStateException("cannot start the scenario " + name() + ": " + e.getMessage(), e);
        }
        RunMembers members = RunMembers.watch(mark, main.pid());
        watchdog.guard(main.pid(), mark, List.of(dir, shm));
        ScenarioRun run = new ScenarioRun(name(), timeLimit, dir, shm, main, members, watchdog);
        LIVE.add(run);
        synchronized (mine) {
            mine.add(run);
        }
        return run;
    }

    /**
     * The run with these arguments that an earlier test of the class started, or a new one. The
     * run is left as it is: each test awaits and checks what it needs of it.
     */
    public ScenarioRun runOnce(String... args) {
        return shared("run " + String.join(" ", args), () -> run(args));
    }

    /**
     * The outcome of {@code script} — a run it started and drove, e.g. pressed Ctrl-C in — as the
     * first test that named it left it. A later test with the same name gets the same run, or the
     * same failure if the script failed, so every test that rests on it reports the same cause.
     */
    public ScenarioRun shared(String name, Supplier<ScenarioRun> script) {
        if (name == null || script == null) {
            throw new IllegalArgumentException("a shared run needs a name and a script, got " + name + " and " + script);
        }
        synchronized (shared) {
            Shared outcome = shared.get(name);
            if (outcome == null) {
                try {
                    outcome = new Shared(script.get(), null, null);
                } catch (RuntimeException e) {
                    outcome = new Shared(null, e, null);
                } catch (AssertionError | OutOfMemoryError | StackOverflowError e) {
                    outcome = new Shared(null, null, e);
                }
                shared.put(name, outcome);
            }
            return outcome.get();
        }
    }

    /** In memory where the OS offers it ({@code /dev/shm}), else inside the run's folder. */
    private static Path sharedMemoryFolder(Path dir) {
        Path devShm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(devShm) && Files.isWritable(devShm)) {
                return Files.createTempDirectory(devShm, "procbook-scenario-");
            }
            return Files.createDirectory(dir.resolve("shm"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a shared-memory folder for the scenario: " + e.getMessage(), e);
        }
    }

    private String classPath() {
        List<String> entries = new ArrayList<>();
        classPathFirst.forEach(p -> entries.add(p.toString()));
        String prepend = System.getProperty(CLASSPATH_PREPEND_PROPERTY, "").trim();
        if (!prepend.isEmpty()) {
            entries.add(prepend);
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    /** What runs, as messages name it: the lesson's class, or the command. */
    private String name() {
        return mainClass != null ? mainClass.getName() : String.join(" ", command);
    }

    static void forget(ScenarioRun run) {
        LIVE.remove(run);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classWide = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeRuns(!classWide);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeRuns(true);
    }

    /** Ends this test's own runs, and the shared ones too when {@code alsoShared}. */
    private void closeRuns(boolean alsoShared) {
        List<ScenarioRun> kept = new ArrayList<>();
        synchronized (shared) {
            if (alsoShared) {
                shared.clear();
            } else {
                shared.values().stream().map(Shared::run).filter(java.util.Objects::nonNull).forEach(kept::add);
            }
        }
        List<ScenarioRun> ending;
        synchronized (mine) {
            ending = new ArrayList<>(mine);
            ending.removeAll(kept);
            mine.retainAll(kept);
        }
        ending.forEach(ScenarioRun::close);
    }
}
