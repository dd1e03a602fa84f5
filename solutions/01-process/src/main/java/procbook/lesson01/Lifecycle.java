package procbook.lesson01;

import java.util.List;
import java.util.stream.Collectors;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 01 — a process: lifecycle and identity. Reference solution.
 *
 * <p>The main process starts a child that says who it is, works a while, and ends; the main
 * process waits for it. Then a second child, written as a subclass, does the same.
 *
 * <p>Run: {@code java procbook.lesson01.Lifecycle [workMillis]}
 */
public class Lifecycle {

    // tag::child[]
    /** Runs in the child process: say who you are, then work a while. */
    static void greet(String who, Long workMillis) throws InterruptedException {
        Process me = Process.currentProcess();
        long parentPid = Process.parentProcess().orElseThrow().pid();
        System.out.printf("%s: hello %s, my pid is %d and my parent's is %d%n", me.name(), who, me.pid(), parentPid);
        Trace.event("greeted", "who", who, "name", me.name(), "pid", me.pid(), "parent", parentPid);
        Thread.sleep(workMillis);
        Trace.event("done");
    }
    // end::child[]

    // tag::subclass[]
    /** The same idea as a subclass: the code of the process is its run() method. */
    static class Greeter extends Process {
        private static final long serialVersionUID = 1L;
        private final String who;

        Greeter(String who) {
            this.who = who;
        }

        @Override
        public void run() {
            System.out.printf("%s: hello %s, from a subclass%n", name(), who);
            Trace.event("greeted-by-subclass", "who", who);
        }
    }
    // end::subclass[]

    public static void main(String[] args) throws Exception {
        long workMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        System.out.printf("MainProcess: my pid is %d, this machine has %d CPUs%n", ProcessHandle.current().pid(), Process.cpuCount());
        Trace.event("main-started", "cpus", Process.cpuCount());

        // tag::start-join[]
        Process child = new Process(Lifecycle::greet, "Ada", workMillis);
        child.start();
        Trace.event("after-start", "alive", child.isAlive(), "active", names(Process.activeChildren()));
        child.join();
        Trace.event("after-join", "alive", child.isAlive(), "exitcode", exitCodeOf(child),
                "active", names(Process.activeChildren()));
        // end::start-join[]

        // tag::start-twice[]
        try {
            child.start();
            Trace.event("started-twice");
        } catch (IllegalStateException e) {
            System.out.println("MainProcess: " + e.getMessage());
            Trace.event("second-start-refused");
        }
        // end::start-twice[]

        // tag::subclass-use[]
        Greeter greeter = new Greeter("Grace");
        greeter.start();
        greeter.join();
        // end::subclass-use[]
        Trace.event("main-done");
    }

    /** The exit code as the trace records it: {@code none} while the process has not ended (or was not joined). */
    static String exitCodeOf(Process process) {
        return process.exitCode().isPresent() ? Integer.toString(process.exitCode().getAsInt()) : "none";
    }

    /** The names of some processes, comma-separated: what the trace records for activeChildren(). */
    static String names(List<Process> processes) {
        return processes.stream().map(Process::name).collect(Collectors.joining(","));
    }
}
