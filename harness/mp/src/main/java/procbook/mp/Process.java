package procbook.mp;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A real OS process running a {@link Target} — Python's {@code multiprocessing.Process}.
 *
 * <p>{@link #start()} launches a new JVM with this JVM's java executable and class path, and
 * sends it this object through the child's standard input: the target, its arguments and any
 * fields of a subclass — written field by field when they are plain values ({@link LaunchCodec}),
 * by Java serialization otherwise. The child shares no memory with the parent; it works on its
 * own copy.
 *
 * <pre>{@code
 * Process child = new Process(Greeter::greet, "Ada", 300L);
 * child.start();
 * child.join();
 * child.exitCode();   // OptionalInt[0]
 * }</pre>
 *
 * <p>Import it by name, {@code import procbook.mp.Process;}, so that it wins over
 * {@code java.lang.Process}.
 */
public class Process implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long a signal waits for a cold child JVM to be up before it is sent anyway (a loaded machine is slow). */
    private static final Duration START_UP_LIMIT = Duration.ofSeconds(20);

    private final Serializable target;
    private final Object[] args;
    private final int[] identity;
    private String name;
    private boolean daemon;
    /** The pid of the process that started this one, 0 before start(): travels with a copy, so a copy knows it is not ours. */
    private long startedBy;

    // The parent's handle on the running child. Never sent anywhere.
    private transient java.lang.Process os;
    private transient Path statusFile;
    private transient DataOutputStream toChild;
    private transient Integer exitCode;
    // true for the object standing for the JVM we are in
    private transient boolean self;
    private transient boolean closed;
    // in a child launched by LaunchCodec: the target's method, called by reflection
    private transient LambdaCall call;

    /** A process that will run {@code target()}. */
    public Process(Target target) {
        this(requireTarget(target), new Object[0]);
    }

    /** A process that will run {@code target(a)}. */
    public <A> Process(Target.One<A> target, A a) {
        this(requireTarget(target), new Object[] {a});
    }

    /** A process that will run {@code target(a, b)}. */
    public <A, B> Process(Target.Two<A, B> target, A a, B b) {
        this(requireTarget(target), new Object[] {a, b});
    }

    /** A process that will run {@code target(a, b, c)}. */
    public <A, B, C> Process(Target.Three<A, B, C> target, A a, B b, C c) {
        this(requireTarget(target), new Object[] {a, b, c});
    }

    /** A process that will run {@code target(a, b, c, d)}. */
    public <A, B, C, D> Process(Target.Four<A, B, C, D> target, A a, B b, C c, D d) {
        this(requireTarget(target), new Object[] {a, b, c, d});
    }

    /** For subclasses that override {@link #run()} instead of passing a target. */
    protected Process() {
        this((Serializable) null, new Object[0]);
    }

    private Process(Serializable target, Object[] args) {
        this.target = target;
        this.args = args;
        this.identity = ThisProcess.nextChildIdentity();
        // Python's default: the creator's flag. In a daemon, start() then says why it cannot have children.
        this.daemon = ThisProcess.current().isDaemon();
        StringBuilder n = new StringBuilder("Process");
        for (int i = 0; i < identity.length; i++) {
            n.append(i == 0 ? '-' : ':').append(identity[i]);
        }
        this.name = n.toString();
    }

    static Process mainProcess() {
        Process main = new Process("MainProcess", false, new int[0], null, new Object[0]);
        main.self = true;
        return main;
    }

    /** A Process known by its fields: the main process, or a child's own as LaunchCodec reads it (its target's method in {@code call}). */
    private Process(String name, boolean daemon, int[] identity, LambdaCall call, Object[] args) {
        this.target = null;
        this.args = args;
        this.identity = identity;
        this.name = name;
        this.daemon = daemon;
        this.call = call;
    }

    static Process launched(String name, boolean daemon, int[] identity, LambdaCall call, Object[] args) {
        return new Process(name, daemon, identity, call, args);
    }

    Serializable target() {
        return target;
    }

    Object[] args() {
        return args.clone();
    }

    private static Serializable requireTarget(Serializable target) {
        if (target == null) {
            throw new IllegalArgumentException("target is null: pass the code the process should run, e.g. new Process(MyLesson::work, arg)");
        }
        return target;
    }

    // ---- Python's module-level functions ----

    /** This process: {@code MainProcess} in the first JVM, the running Process in a child. */
    public static Process currentProcess() {
        return ThisProcess.current();
    }

    /** The process that started this one; empty in the main process. */
    public static Optional<ParentProcess> parentProcess() {
        return ThisProcess.parent();
    }

    /** The children of this process that are still running. Finished ones are left out. */
    public static List<Process> activeChildren() {
        return ThisProcess.liveChildren();
    }

    /** How many CPUs this JVM may use. */
    public static int cpuCount() {
        return java.lang.Runtime.getRuntime().availableProcessors();
    }

    // ---- what the child runs ----

    /**
     * The code of the process. By default it calls the target with its arguments; a subclass
     * may override it instead. It runs in the child, never in the parent.
     */
    public void run() throws Exception {
        if (call != null) {
            call.call(args);
            return;
        }
        if (target == null) {
            throw new IllegalStateException(name + " has nothing to run: pass a target to the constructor, or override run() in a subclass");
        }
        LambdaCall.run(target, args);
    }

    // ---- identity and settings ----

    public String name() {
        return name;
    }

    /** Renames the process; any time, as in Python. */
    public Process setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process name must not be blank");
        }
        this.name = name;
        return this;
    }

    /** Whether the process is a daemon. Until set, the flag of the process that created it, as in Python. */
    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Marks the process as a daemon: it is ended when its parent's main code is over, and when
     * its parent dies. Only before {@link #start()}.
     */
    public synchronized Process setDaemon(boolean daemon) {
        if (self) {
            throw new IllegalStateException("cannot change the daemon flag of the running process " + name + " from inside it");
        }
        if (os != null) {
            throw new IllegalStateException("set the daemon flag before start(): " + name + " is already started (pid " + os.pid() + ")");
        }
        this.daemon = daemon;
        return this;
    }

    /** In a child JVM: this deserialized object is the process we are in. */
    synchronized void becomeSelf() {
        self = true;
    }

    int[] identity() {
        return identity.clone();
    }

    /**
     * The OS process id.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized long pid() {
        requireNotClosed("read the pid of");
        if (self) {
            return ProcessHandle.current().pid();
        }
        if (os == null) {
            throw new IllegalStateException(name + " has no pid yet: it is not started");
        }
        return os.pid();
    }

    // ---- lifecycle ----

    /**
     * Launches the child JVM and returns at once, while the child is still starting.
     *
     * @throws IllegalStateException    if already started, or if this process is a daemon
     * @throws IllegalArgumentException if the target, its arguments or a field cannot be serialized
     */
    public synchronized void start() {
        requireNotClosed("start");
        if (self) {
            throw new IllegalStateException(name + " is the process you are in: it is already running");
        }
        if (os != null) {
            throw new IllegalStateException(name + " was already started (pid " + os.pid()
                    + "): a process can be started only once — create a new Process to run the target again");
        }
        Process me = ThisProcess.current();
        if (me.isDaemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children: " + me.name()
                    + " is a daemon, so it cannot start " + name + ". Make " + me.name() + " a non-daemon, or let its parent start " + name);
        }
        statusFile = ThisProcess.scratch().resolve(name.replace(':', '_') + "-" + ThisProcess.nextStatusNumber() + ".status");
        ChildJvm.Launched child = ChildJvm.launch(new Launch(this, me.name(), ProcessHandle.current().pid(), statusFile.toString()), name);
        os = child.process();
        toChild = child.toChild();
        startedBy = ProcessHandle.current().pid();
        ThisProcess.adopt(this);
        WarmJvm.prepareNext();
    }

    /** Waits until the process ends. Python's {@code join()}. */
    public void join() {
        java.lang.Process p = requireStarted("join");
        if (Trace.ON && p.isAlive()) {
            Trace.mp(Trace.JOIN_WAITING, "child", name);
        }
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        settle();
    }

    /**
     * Waits at most {@code timeout} for the process to end ({@code null}: no limit; negative: zero, as
     * everywhere in mp). Running out of time is not an error: the result says whether it ended, as
     * {@link #isAlive()} would afterwards.
     */
    public boolean join(Duration timeout) {
        java.lang.Process p = requireStarted("join");
        if (timeout == null) {
            join();
            return true;
        }
        if (Trace.ON && p.isAlive()) {
            Trace.mp(Trace.JOIN_WAITING, "child", name, "timeout", Math.max(0, timeout.toMillis()));
        }
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        settle();
        return true;
    }

    /** Whether the process has been started and has not ended yet. */
    public synchronized boolean isAlive() {
        requireNotClosed("check on");
        return self || (os != null && os.isAlive());
    }

    /**
     * How the process ended: empty while it runs (or before start), {@code 0} after a normal
     * end, {@code 1} after an uncaught exception, the value given to {@code System.exit}, or
     * {@code -N} when signal N ended it — as Python's {@code exitcode}. See {@link #killedBy()}.
     */
    public OptionalInt exitCode() {
        synchronized (this) {
            requireNotClosed("read the exit code of");
            if (self || os == null || os.isAlive()) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(settle());
    }

    /** The signal that ended the process, if one did. */
    public Optional<Signal> killedBy() {
        OptionalInt code = exitCode();
        return code.isPresent() && code.getAsInt() < 0 ? Optional.of(Signal.ofNumber(-code.getAsInt())) : Optional.empty();
    }

    /**
     * Asks the process to end: sends SIGTERM and returns. Python's {@code terminate()}. A child whose JVM
     * is still starting gets the signal once it is up (see {@link #sendSignal}), so that it, too, ends with -15.
     */
    public void terminate() {
        sendSignal(Signal.TERM);
    }

    /** Ends the process for sure: sends SIGKILL, which cannot be handled. Python's {@code kill()}. */
    public void kill() {
        sendSignal(Signal.KILL);
    }

    /** Sends SIGINT, as Ctrl-C would to this process alone. */
    public void interrupt() {
        sendSignal(Signal.INT);
    }

    /**
     * Sends {@code signal} to the process. Nothing happens if it has already ended. Any signal but SIGKILL
     * first waits, if need be, until the child's JVM is up: a JVM still initialising dies of it with exit
     * value 1 instead of being ended by it.
     */
    public void sendSignal(Signal signal) {
        java.lang.Process p = requireStarted("send " + signal + " to");
        if (!p.isAlive()) {
            return;
        }
        if (signal != Signal.KILL) {
            awaitStartUp(p);
        }
        Trace.lifecycle(Trace.SIGNAL_SENT, "signal", signal.name(), "to", name);
        switch (signal) {
            case TERM -> p.destroy();
            case KILL -> p.destroyForcibly();
            default -> Signals.send(p.pid(), signal);
        }
    }

    /**
     * A JVM that SIGTERM or SIGINT meets while it is still initialising dies with exit value 1 and
     * "Error occurred during initialization of VM", where a Python child would be ended by the signal.
     * So such a signal waits until the child has said it is up — its status file exists — which a warm
     * JVM has at once and a cold one within its start-up time. After {@link #START_UP_LIMIT} it goes anyway.
     */
    private void awaitStartUp(java.lang.Process p) {
        long deadline = System.nanoTime() + START_UP_LIMIT.toNanos();
        while (p.isAlive() && !Files.exists(statusFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized java.lang.Process requireStarted(String action) {
        requireNotClosed(action);
        if (self) {
            throw new IllegalStateException("cannot " + action + " " + name + ": it is the process you are in");
        }
        if (os == null && startedBy != 0 && startedBy != ProcessHandle.current().pid()) {
            throw new IllegalStateException("cannot " + action + " " + name + ": can only join a child process — " + name
                    + " was started by pid " + startedBy + ", and only that process can wait for it or signal it");
        }
        if (os == null) {
            throw new IllegalStateException("cannot " + action + " " + name + ": it was never started — call start() first");
        }
        return os;
    }

    private synchronized void requireNotClosed(String action) {
        if (closed) {
            throw new IllegalStateException("cannot " + action + " " + name + ": this Process object was closed (close() was"
                    + " called after it ended), so it no longer knows its process");
        }
    }

    /**
     * Lets go of what this object holds of its ended process (the pipe to it, its status file);
     * afterwards only {@link #name()}, {@link #isDaemon()} and {@code close()} still work. Python's
     * {@code close()}, which also refuses while the process runs. Closing twice does nothing.
     *
     * @throws IllegalStateException if the process is still running
     */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (os != null && os.isAlive()) {
                throw new IllegalStateException("cannot close " + name + " (pid " + os.pid() + "): it is still running — join() it,"
                        + " or terminate() and then join() it, before close()");
            }
            if (os != null) {
                settle();
            }
            closed = true;
        }
        ThisProcess.forget(this); // outside our lock: ThisProcess, holding its own, asks its children whether they live
    }

    /**
     * What becomes ready when the process ends, to wait on together with other processes and pipe
     * ends: {@code Connection.waitAny(List.of(a.sentinel(), b.sentinel(), conn), timeout)}. Python's
     * {@code sentinel}.
     */
    public Waitable sentinel() {
        requireStarted("wait for the end of");
        return new ProcessSentinel(this);
    }

    /** Reads, once, how the ended child said it ended. */
    private synchronized int settle() {
        if (exitCode != null) {
            return exitCode;
        }
        exitCode = ExitStatus.of(os.exitValue(), statusFile);
        try {
            toChild.close();
        } catch (IOException e) {
            // the child has ended: nobody reads that pipe any more
        }
        if (ThisProcess.isEnding()) {
            // the join every process does for its children as it ends: the timeline says so, not a join() of the code
            Trace.lifecycle(Trace.JOINED, "child", name, "code", exitCode, "automatic", "at-exit");
        } else {
            Trace.lifecycle(Trace.JOINED, "child", name, "code", exitCode);
        }
        return exitCode;
    }

    @Override
    public synchronized String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("name='" + name + "'");
        if (self) {
            parts.add("pid=" + ProcessHandle.current().pid());
            parts.add("current");
        } else if (closed) {
            parts.add("closed");
        } else if (os == null) {
            parts.add("initial");
        } else {
            parts.add("pid=" + os.pid());
            parts.add(os.isAlive() ? "started" : "stopped exitcode=" + settle());
        }
        if (daemon) {
            parts.add("daemon");
        }
        return "<Process " + String.join(" ", parts) + ">";
    }
}
