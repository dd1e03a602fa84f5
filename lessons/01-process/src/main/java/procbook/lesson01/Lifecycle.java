package procbook.lesson01;

import java.util.List;
import java.util.stream.Collectors;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 01 — a process: lifecycle and identity.
 *
 * <p>The main process starts a child that says who it is, works a while, and ends; the main
 * process waits for it. Then a second child, written as a subclass, does the same.
 *
 * <p>Fill in the TODOs, then run {@code ./procbook run 01} from the project's top folder (or see the README).
 * Keep every {@code Trace.event(...)} call: the tests read what they record.
 */
public class Lifecycle {

    // tag::child[]
    /** Runs in the child process: say who you are, then work a while. */
    static void greet(String who, Long workMillis) throws InterruptedException {
        // TODO 1: find out who this process is: its name and pid (Process.currentProcess()), and
        //         its parent's pid (Process.parentProcess()). Print a line saying so, and record
        //         Trace.event("greeted", "who", who, "name", <name>, "pid", <pid>, "parent", <parent's pid>);
        // TODO 2: work: sleep workMillis milliseconds, then record Trace.event("done");
        throw new UnsupportedOperationException("not done yet: greet() — the child must say who it is (TODO 1 and 2)");
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
            // TODO 3: print a hello to `who` with this process's name, and record
            //         Trace.event("greeted-by-subclass", "who", who);
            throw new UnsupportedOperationException("not done yet: Greeter.run() (TODO 3)");
        }
    }
    // end::subclass[]

    public static void main(String[] args) throws Exception {
        long workMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        System.out.printf("MainProcess: my pid is %d, this machine has %d CPUs%n", ProcessHandle.current().pid(), Process.cpuCount());
        Trace.event("main-started", "cpus", Process.cpuCount());

        // tag::start-join[]
        // TODO 4: create a Process that runs greet("Ada", workMillis) and start it. Then record
        //         Trace.event("after-start", "alive", child.isAlive(), "active", names(Process.activeChildren()));
        // TODO 5: wait for the child to end. Then record
        //         Trace.event("after-join", "alive", child.isAlive(), "exitcode", exitCodeOf(child),
        //                 "active", names(Process.activeChildren()));
        // end::start-join[]

        // TODO 6: start the same child a second time. It must be refused: catch the exception,
        //         print its message and record Trace.event("second-start-refused");
        //         (if it were not refused, record Trace.event("started-twice");)

        // TODO 7: start a Greeter for "Grace" and wait for it.
        throw new UnsupportedOperationException("not done yet: main() — start the child and wait for it (TODO 4 to 7)");
        // When it is all done, the last line of main() records: Trace.event("main-done");
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
