package procbook.mp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process this JVM is: its identity, its children, and what it does at its end. One per JVM.
 *
 * <p>What happens at the end mirrors Python: when the main code of a process is over, it waits
 * for its non-daemon children, then ends its daemon children. A signal with no handler ends the
 * process at once, without waiting for anybody.
 */
final class ThisProcess {
    private static final Duration DAEMON_GRACE = Duration.ofSeconds(2);
    /** This process's id, as shared memory records holders and owners (pids fit an int on Linux and macOS). */
    static final int PID = (int) ProcessHandle.current().pid();

    private static Process self = Process.mainProcess();
    private static ParentProcess parent;
    private static String statusFile;
    private static int childCount;
    private static int statusCount;
    private static final List<Process> children = new ArrayList<>();
    private static boolean ending;
    private static Path scratch;
    private static FileChannel fromParent;
    /** True in a warm JVM not yet handed a process: it records nothing and leaves without a word. */
    private static volatile boolean spare;

    static {
        for (Signal s : new Signal[] {Signal.INT, Signal.TERM, Signal.HUP}) {
            Signals.restoreDefault(s);
        }
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread("procbook-mp-exit") {
            @Override
            public void run() {
                atExit();
            }
        });
    }

    private ThisProcess() {
    }

    static synchronized Process current() {
        return self;
    }

    static String name() {
        return current().name();
    }

    static synchronized Optional<ParentProcess> parent() {
        return Optional.ofNullable(parent);
    }

    /** Called first in every child JVM, while it may still be a spare that nobody waits for. */
    static void becomeSpare() {
        spare = true;
    }

    static boolean isSpare() {
        return spare;
    }

    /** Called once in a child JVM, when it is handed its process, before the target runs. */
    static synchronized void becomeChild(Launch launch) {
        self = launch.process();
        self.becomeSelf();
        parent = new ParentProcess(launch.parentName(), launch.parentPid());
        statusFile = launch.statusFile();
        spare = false;
        writeStatus(ExitStatus.STARTED); // the parent's signals wait for this: see Process.sendSignal
    }

    static synchronized int[] nextChildIdentity() {
        int[] mine = self.identity();
        int[] id = Arrays.copyOf(mine, mine.length + 1);
        id[mine.length] = ++childCount;
        return id;
    }

    static synchronized int nextStatusNumber() {
        return ++statusCount;
    }

    static synchronized void adopt(Process child) {
        children.add(child);
    }

    /** A closed Process object is no longer ours to wait for: Python's close() discards it too. */
    static synchronized void forget(Process child) {
        children.remove(child);
    }

    /** The children still running; finished ones are forgotten, as Python's active_children() does. */
    static synchronized List<Process> liveChildren() {
        for (java.util.Iterator<Process> i = children.iterator(); i.hasNext();) {
            if (!i.next().isAlive()) {
                i.remove();
            }
        }
        return List.copyOf(children);
    }

    /**
     * Where this JVM's children leave a word on how they ended, when their exit code alone could
     * mislead. Only named here: the child that needs it creates it, so most runs never do.
     */
    static synchronized Path scratch() {
        if (scratch == null) {
            scratch = Path.of(System.getProperty("java.io.tmpdir"), "procbook-mp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        }
        return scratch;
    }

    /** A child's main code is over: wait for our children, say how we ended, leave. */
    static void finish(int code) {
        endChildren();
        WarmJvm.discard();
        SharedMemory.endOfProcess();
        Trace.lifecycle(Trace.EXITED, "code", code);
        if (code > 128) {
            writeStatus("exit"); // otherwise the parent would read 128+N as "ended by signal N"
        }
        stopWatchingParent();
        System.exit(code);
    }

    /** The default effect of INT, TERM and HUP: end now, as the OS would, and say why. */
    static void endBySignal(Signal signal) {
        if (spare) {
            java.lang.Runtime.getRuntime().halt(128 + signal.number());
        }
        synchronized (ThisProcess.class) {
            ending = true;
        }
        Trace.lifecycle(Trace.EXITED, "code", -signal.number(), "signal", signal.name());
        writeStatus("signal " + signal.number());
        WarmJvm.discard();
        stopWatchingParent();
        java.lang.Runtime.getRuntime().halt(128 + signal.number());
    }

    private static final List<Path> LEFTOVERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Files this process made for others (a manager's socket) that must go with it, however it ends:
     * deleted in this order, a folder only once empty.
     */
    static void deleteAtEnd(Path... paths) {
        LEFTOVERS.addAll(List.of(paths));
    }

    private static void deleteLeftovers() {
        for (Path p : LEFTOVERS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a folder others still use, or one already gone
            }
        }
    }

    /** A daemon child whose parent is gone ends too: nothing is ever left behind. */
    static void watchParent(FileChannel pipe) {
        synchronized (ThisProcess.class) {
            fromParent = pipe;
        }
        Thread watcher = new Thread("procbook-mp-parent-watch") {
            @Override
            public void run() {
                try {
                    while (pipe.read(ByteBuffer.allocate(1)) >= 0) {
                        // the parent never writes after the launch; a read returns only at its end
                    }
                } catch (IOException e) {
                    // a broken pipe is an end of the parent too, unless we closed it ourselves to exit
                }
                synchronized (ThisProcess.class) {
                    if (ending) {
                        return;
                    }
                }
                if (current().isDaemon()) {
                    deleteLeftovers();
                    Trace.lifecycle(Trace.EXITED, "code", -Signal.KILL.number(), "reason", "parent-ended");
                    java.lang.Runtime.getRuntime().halt(128 + Signal.KILL.number());
                }
            }
        };
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Wakes the parent watcher, so that the JVM does not wait for it at exit. */
    private static void stopWatchingParent() {
        FileChannel pipe;
        synchronized (ThisProcess.class) {
            ending = true;
            pipe = fromParent;
        }
        if (pipe != null) {
            try {
                pipe.close();
            } catch (IOException e) {
                // closing only to wake the watcher; nothing else depends on it
            }
        }
    }

    private static void atExit() {
        synchronized (ThisProcess.class) {
            if (ending) {
                return;
            }
            ending = true;
        }
        endChildren();
        WarmJvm.discard();
        SharedMemory.endOfProcess();
        deleteLeftovers();
        if (statusFile != null) {
            writeStatus(signalEndingThisJvm().map(signal -> "signal " + signal.number()).orElse("exit"));
        }
        stopWatchingParent();
        if (scratch != null && Files.isDirectory(scratch)) {
            try (var files = Files.list(scratch)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // a few bytes left in the temp folder; nothing to tell the user about
            }
        }
    }

    /**
     * The signal whose default JVM handler is shutting this JVM down, if one is: a signal that came
     * before mp's own handlers were in place still ended the process (exit code -N, not 128+N).
     * The JVM's handler, {@code java.lang.Terminator}, runs on a thread named after the signal.
     */
    private static Optional<Signal> signalEndingThisJvm() {
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            String name = t.getKey().getName();
            boolean terminator = java.util.Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName().startsWith("java.lang.Terminator"));
            if (terminator && name.startsWith("SIG") && name.endsWith(" handler")) {
                String signal = name.substring(3, name.length() - " handler".length());
                return java.util.Arrays.stream(Signal.values()).filter(s -> s.name().equals(signal)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** True once this process has begun to end: its main code is over, or a signal is ending it. */
    static synchronized boolean isEnding() {
        return ending;
    }

    private static void endChildren() {
        synchronized (ThisProcess.class) {
            ending = true;
        }
        List<Process> live = liveChildren();
        for (Process p : live) {
            if (!p.isDaemon()) {
                p.join();
            }
        }
        for (Process p : live) {
            if (p.isDaemon() && p.isAlive()) {
                p.terminate();
            }
        }
        for (Process p : live) {
            if (p.isDaemon() && !p.join(DAEMON_GRACE)) {
                p.kill();
                p.join();
            }
        }
    }

    private static void writeStatus(String status) {
        String file;
        synchronized (ThisProcess.class) {
            file = statusFile;
        }
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(file).getParent());
            Files.writeString(Path.of(file), status);
        } catch (IOException e) {
            System.err.println("procbook.mp: could not record how " + name() + " ended in " + file + ": " + e.getMessage());
        }
    }
}
