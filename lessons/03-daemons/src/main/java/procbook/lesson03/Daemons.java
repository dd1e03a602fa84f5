package procbook.lesson03;

import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 03 — daemon and non-daemon children.
 *
 * <p>A daemon child beats forever; a non-daemon child counts a few steps. The main process
 * waits a little, then waits for the counter, and ends — and the daemon ends with it.
 *
 * <p>Run: {@code java procbook.lesson03.Daemons [periodMillis] [steps] [mainWaitMillis]}
 */
public class Daemons {

    // tag::heartbeat[]
    /** Runs forever: only its parent's end stops it. */
    static void heartbeat(Long periodMillis) throws InterruptedException {
        while (true) {
            System.out.println("heartbeat: alive");
            Trace.event("alive");
            Thread.sleep(periodMillis);
        }
    }
    // end::heartbeat[]

    // tag::counter[]
    /** Counts {@code steps} steps, one per period, then ends. */
    static void counter(Integer steps, Long periodMillis) throws InterruptedException {
        for (int step = 1; step <= steps; step++) {
            Thread.sleep(periodMillis);
            System.out.println("counter: " + step);
            Trace.event("count", "step", step);
        }
        Trace.event("count-done");
    }
    // end::counter[]

    public static void main(String[] args) throws InterruptedException {
        long period = args.length > 0 ? Long.parseLong(args[0]) : 500;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long mainWait = args.length > 2 ? Long.parseLong(args[2]) : 3000;

        // tag::main[]
        // TODO 1: create a Process named "heartbeat" running heartbeat(period), and make it a daemon.
        // TODO 2: create a Process named "counter" running counter(steps, period) — not a daemon.
        // TODO 3: start both, then record
        //         Trace.event("children-started", "heartbeat", <heartbeat's pid>, "counter", <counter's pid>);
        // TODO 4: sleep mainWait ms, print a line and record Trace.event("main-waiting");
        //         then wait for the counter, and record Trace.event("main-done");
        //         Do not stop the heartbeat yourself: when main ends, mp ends its daemon children.
        throw new UnsupportedOperationException("not done yet: main() — start a daemon and a counter (TODO 1 to 4)");
        // end::main[]
    }
}
