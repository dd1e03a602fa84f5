package procbook.testkit.scenarios;

import java.time.Duration;
import procbook.mp.Process;
import procbook.mp.Semaphore;
import procbook.mp.Trace;

/**
 * Waits that end and waits that cannot. {@code stalls}: a child waits for a permit nobody will
 * release, main joins it. {@code late}: main waits for a permit a child releases after 4 s of silent
 * work. {@code timed}: main waits 4 s at most for a permit that never comes, then goes on.
 */
public class Stalls {
    static void takePermit(Semaphore ready) {
        ready.acquire();
    }

    static void releaseLate(Semaphore ready) throws InterruptedException {
        Thread.sleep(4000); // working, recording nothing
        ready.release();
    }

    public static void main(String[] args) {
        Semaphore ready = new Semaphore(0, "ready");
        switch (args[0]) {
            case "stalls" -> {
                Process child = new Process(Stalls::takePermit, ready).setName("taker");
                child.start();
                child.join();
            }
            case "late" -> {
                Process child = new Process(Stalls::releaseLate, ready).setName("worker");
                child.start();
                ready.acquire();
                child.join();
            }
            case "timed" -> Trace.event("gave-up", "got", ready.acquire(Duration.ofSeconds(4)));
            default -> throw new IllegalArgumentException(args[0]);
        }
        Trace.event("done");
    }
}
