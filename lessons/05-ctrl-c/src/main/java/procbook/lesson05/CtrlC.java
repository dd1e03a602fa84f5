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
        // TODO 1: with Signals.handle(Signal.INT, signal -> { ... }), record Trace.event("ctrl-c") and then
        //         set stopped = true — nothing more: the loops see the flag and finish by themselves.
        //         (The handler runs on a thread of its own: record first, or the loop may finish first.)
        throw new UnsupportedOperationException("not done yet: stopOnCtrlC() — install the SIGINT handler (TODO 1)");
    }
    // end::handler[]

    // tag::sender[]
    /** Sends 0, 1, 2, … one per tick, releasing the semaphore after each; on stop, one last value and release. */
    static void sender(Connection out, Semaphore ready, Long tickMillis) throws InterruptedException {
        // TODO 2: install this process's handler (stopOnCtrlC()).
        // TODO 3: until stopped: send the counter, record Trace.event("sent", "value", counter),
        //         add 1 to it, release the semaphore, sleep one tick.
        // TODO 4: once stopped: send the counter once more (catch BrokenPipeException: the receiver may
        //         already be gone), release the semaphore once more — a receiver waiting in acquire()
        //         must wake up — and record Trace.event("sender-stopped");
        throw new UnsupportedOperationException("not done yet: sender() — count until stopped, then wake the receiver (TODO 2 to 4)");
    }
    // end::sender[]

    // tag::receiver[]
    /** Until stopped: waits for the semaphore, then receives one value and prints it. */
    static void receiver(Connection in, Semaphore ready) {
        // TODO 5: install this process's handler too: a child JVM does not inherit its parent's.
        // TODO 6: until stopped: acquire the semaphore, receive a value, print it and record
        //         Trace.event("received", "value", value); then record Trace.event("receiver-stopped");
        throw new UnsupportedOperationException("not done yet: receiver() — acquire, then receive, until stopped (TODO 5 and 6)");
    }
    // end::receiver[]

    public static void main(String[] args) throws InterruptedException {
        long tickMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;

        // tag::main[]
        // TODO 7: install main's handler; create a Semaphore at 0 named "ready" and a one-way Pipe named "values".
        // TODO 8: start a Process named "sender" running sender(<send end>, ready, tickMillis) and one named
        //         "receiver" running receiver(<receive end>, ready).
        // TODO 9: print "running: press Ctrl-C to stop", then idle (sleep 20 ms at a time) until stopped;
        //         join both children, print "stopped cleanly" and record Trace.event("main-stopped");
        throw new UnsupportedOperationException("not done yet: main() — start both, idle until Ctrl-C, join (TODO 7 to 9)");
        // end::main[]
    }
}
