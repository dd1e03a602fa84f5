package procbook.mp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Handling and sending signals: Python's {@code signal.signal}, {@code os.kill} and {@code os.killpg}.
 *
 * <p>Every JVM that uses {@code mp} starts with the behaviour a Python process has: INT, TERM
 * and HUP end it at once (exit code {@code -N} as its parent sees it). Its daemon children
 * notice and end too; its other children live on as orphans. A handler replaces that.
 *
 * <p>A handler runs on a thread of its own, like any JVM signal handler: keep it short, set a
 * flag, let the main code see the flag.
 */
public final class Signals {
    /** What to do when a signal arrives. */
    @FunctionalInterface
    public interface Handler {
        void handle(Signal signal);
    }

    private static final Map<Signal, Boolean> ignoredAtStart = new EnumMap<>(Signal.class);

    private Signals() {
    }

    /**
     * Runs {@code handler} whenever {@code signal} reaches this process, instead of ending it.
     *
     * @throws IllegalArgumentException for {@link Signal#KILL}, which no process can handle
     */
    public static void handle(Signal signal, Handler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler is null: to go back to ending the process, call Signals.restoreDefault(" + signal.name() + ")");
        }
        install(signal, handler);
    }

    /** Makes this process ignore {@code signal} from now on. */
    public static void ignore(Signal signal) {
        install(signal, s -> { });
    }

    /** Gives {@code signal} back its default effect: it ends this process. */
    public static void restoreDefault(Signal signal) {
        install(signal, END_THE_PROCESS);
    }

    // Named classes, not lambdas, on the path every child takes at start: in a JVM that has just
    // started, the first lambda costs milliseconds of set-up.
    private static final Handler END_THE_PROCESS = new EndTheProcess();

    private static final class EndTheProcess implements Handler {
        @Override
        public void handle(Signal signal) {
            ThisProcess.endBySignal(signal);
        }
    }

    /** Records the signal, then runs the handler, and reports a handler that fails. */
    private static final class Dispatch implements sun.misc.SignalHandler {
        private final Signal signal;
        private final Handler handler;

        Dispatch(Signal signal, Handler handler) {
            this.signal = signal;
            this.handler = handler;
        }

        @Override
        public void handle(sun.misc.Signal s) {
            Trace.lifecycle(Trace.SIGNAL, "signal", signal.name());
            try {
                handler.handle(signal);
            } catch (RuntimeException | Error e) {
                System.err.println("procbook.mp: the handler for " + signal + " in " + ThisProcess.name() + " failed:");
                e.printStackTrace();
            }
        }
    }

    /** Sends {@code signal} to the process {@code pid}: Python's {@code os.kill(pid, sig)}. */
    public static void send(long pid, Signal signal) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, got " + pid + " (to signal a whole group, use sendToGroup)");
        }
        kill(signal, Long.toString(pid));
    }

    /**
     * Sends {@code signal} to every process of the process group {@code pgid}: Python's
     * {@code os.killpg}. Ctrl-C in a terminal does this with INT for the foreground group.
     */
    public static void sendToGroup(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("process group id must be above 1, got " + pgid);
        }
        kill(signal, "-" + pgid);
    }

    /** The process group of this process: Python's {@code os.getpgid(0)}. */
    public static long processGroup() {
        return processGroupOf(ProcessHandle.current().pid());
    }

    /** The process group of process {@code pid}: Python's {@code os.getpgid(pid)}. */
    public static long processGroupOf(long pid) {
        try {
            if (ProcStat.AVAILABLE) {
                return ProcStat.of(pid).orElseThrow(() -> new IllegalStateException("no such process")).group();
            }
            return Long.parseLong(run("ps", "-o", "pgid=", "-p", Long.toString(pid)).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the process group of pid " + pid + ": is it still running? (" + e.getMessage() + ")", e);
        }
    }

    private static void install(Signal signal, Handler handler) {
        // First let this JVM's process set its defaults, so that they never replace a handler given here.
        ThisProcess.current();
        if (signal == Signal.KILL) {
            throw new IllegalArgumentException("SIGKILL cannot be handled, ignored or blocked: the OS ends the process at once");
        }
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), new Dispatch(signal, handler));
        synchronized (ignoredAtStart) {
            if (!ignoredAtStart.containsKey(signal)) {
                boolean ignored = previous == sun.misc.SignalHandler.SIG_IGN;
                ignoredAtStart.put(signal, ignored);
                if (ignored) {
                    System.err.println("procbook.mp: warning: " + signal + " was ignored when " + ThisProcess.name()
                            + " started (pid " + ProcessHandle.current().pid() + "), and a JVM cannot undo that: its handler will never run."
                            + " This happens to programs started in the background ('&') by a script. Start it from an interactive shell,"
                            + " or through the test kit, which resets INT, TERM and HUP to their defaults.");
                }
            }
        }
    }

    private static void kill(Signal signal, String target) {
        String out = run("/bin/sh", "-c", "kill -s " + signal.name() + " -- " + target + " 2>&1 || exit 1");
        if (!out.isBlank()) {
            throw new IllegalStateException("could not send " + signal + " to " + target + ": " + out.trim());
        }
    }

    private static String run(String... command) {
        try {
            java.lang.Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && out.isBlank()) {
                return String.join(" ", command) + " failed with exit code " + p.exitValue();
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
