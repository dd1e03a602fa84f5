package procbook.testkit.scenarios;

import java.util.concurrent.atomic.AtomicBoolean;
import procbook.mp.Signal;
import procbook.mp.Signals;
import procbook.mp.Trace;

/** Waits for SIGINT, as a program waits for Ctrl-C, and ends cleanly when it comes. */
public class Interruptible {
    public static void main(String[] args) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Signals.handle(Signal.INT, s -> stop.set(true));
        Trace.event("waiting");
        while (!stop.get()) {
            Thread.sleep(10);
        }
        Trace.event("stopping");
    }
}
