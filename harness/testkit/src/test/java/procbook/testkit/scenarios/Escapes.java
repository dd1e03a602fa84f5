package procbook.testkit.scenarios;

import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * A scenario whose processes try to outlive it: one leaves the process group with {@code setsid},
 * one forks twice through a shell, and a child of mp does the same. Then it waits forever.
 */
public class Escapes {
    /** The seconds each escapee sleeps: how the tests find them among the machine's processes. */
    public static final String MAIN_ESCAPEE = "2718";
    public static final String DOUBLE_FORKED = "2719";
    public static final String CHILD_ESCAPEE = "2720";

    static void child() throws Exception {
        new ProcessBuilder("setsid", "sleep", CHILD_ESCAPEE).start();
        Trace.event("child-ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    public static void main(String[] args) throws Exception {
        new ProcessBuilder("setsid", "sleep", MAIN_ESCAPEE).start();
        new ProcessBuilder("sh", "-c", "setsid sleep " + DOUBLE_FORKED + " >/dev/null 2>&1 &").start().waitFor();
        new Process(Escapes::child).start();
        Trace.event("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
