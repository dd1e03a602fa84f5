package procbook.lesson03;

import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 03 — daemon and non-daemon children. Reference solution.
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
        Process heart = new Process(Daemons::heartbeat, period).setName("heartbeat");
        heart.setDaemon(true);
        Process counter = new Process(Daemons::counter, steps, period).setName("counter");
        heart.start();
        counter.start();
        Trace.event("children-started", "heartbeat", heart.pid(), "counter", counter.pid());

        Thread.sleep(mainWait);
        System.out.println("main: done waiting, now waiting for the counter");
        Trace.event("main-waiting");
        counter.join();
        Trace.event("main-done");
        // main ends here: mp ends the daemon heartbeat, as Python does
        // end::main[]
    }
}
