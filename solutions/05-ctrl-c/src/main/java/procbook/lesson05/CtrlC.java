package procbook.lesson05;

import procbook.mp.BrokenPipeException;
import procbook.mp.Connection;
import procbook.mp.Pipe;
import procbook.mp.Process;
import procbook.mp.Semaphore;
import procbook.mp.Signal;
import procbook.mp.Signals;
import procbook.mp.Trace;

/**
 * Lesson 05 — the complete example: a pipe, a semaphore, and Ctrl-C.
 *
 * <p>A sender counts 0, 1, 2, … into a pipe, releasing a semaphore after each value; a receiver
 * acquires the semaphore, then receives and prints. Ctrl-C in a terminal sends SIGINT to the whole
 * process group, so all three processes get it: each one's handler only sets its stop flag, and
 * each one finishes its loop cleanly. The sender releases once more on its way out, so that a
 * receiver waiting in {@code acquire()} is not left waiting forever.
 *
 * <p>Run: {@code java procbook.lesson05.CtrlC [tickMillis]}, then press Ctrl-C.
 */
public class CtrlC {
    /** This process's stop flag: set by its Ctrl-C handler, read by its loop. */
    static volatile boolean stopped;

    // tag::handler[]
    /** Makes Ctrl-C (SIGINT) set this process's stop flag instead of ending it on the spot. */
    static void stopOnCtrlC() {
        Signals.handle(Signal.INT, signal -> {
            Trace.event("ctrl-c"); // first: once the flag is set, the loop may end and record its last line
            stopped = true;
        });
    }
    // end::handler[]

    // tag::sender[]
    /** Sends 0, 1, 2, … one per tick, releasing the semaphore after each; on stop, one last value and release. */
    static void sender(Connection out, Semaphore ready, Long tickMillis) throws InterruptedException {
        stopOnCtrlC();
        int counter = 0;
        while (!stopped) {
            out.send(counter);
            Trace.event("sent", "value", counter);
            counter++;
            ready.release();
            Thread.sleep(tickMillis);
        }
        try {
            out.send(counter); // the last value, for a receiver still waiting
            Trace.event("sent", "value", counter);
        } catch (BrokenPipeException e) {
            // the receiver stopped first and closed its end: nobody needs the last value
        }
        ready.release(); // once more: a receiver waiting in acquire() wakes up and sees its flag
        Trace.event("sender-stopped");
    }
    // end::sender[]

    // tag::receiver[]
    /** Until stopped: waits for the semaphore, then receives one value and prints it. */
    static void receiver(Connection in, Semaphore ready) {
        stopOnCtrlC(); // each process installs its own handler: a child JVM does not inherit them
        while (!stopped) {
            ready.acquire();
            int value = in.recv();
            System.out.println("received " + value);
            Trace.event("received", "value", value);
        }
        Trace.event("receiver-stopped");
    }
    // end::receiver[]

    public static void main(String[] args) throws InterruptedException {
        long tickMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;

        // tag::main[]
        stopOnCtrlC(); // in main too: Ctrl-C reaches the whole group
        Semaphore ready = new Semaphore(0, "ready");
        Pipe pipe = Pipe.oneWay("values");
        Process sender = new Process(CtrlC::sender, pipe.sendEnd(), ready, tickMillis);
        sender.setName("sender");
        Process receiver = new Process(CtrlC::receiver, pipe.receiveEnd(), ready);
        receiver.setName("receiver");
        sender.start();
        receiver.start();
        System.out.println("running: press Ctrl-C to stop");
        while (!stopped) {
            Thread.sleep(20);
        }
        sender.join();
        receiver.join();
        System.out.println("stopped cleanly");
        Trace.event("main-stopped");
        // end::main[]
    }
}
