package procbook.lesson11;

import java.io.Serializable;
import java.util.List;
import procbook.mp.AsyncResult;
import procbook.mp.Held;
import procbook.mp.LockProxy;
import procbook.mp.Manager;
import procbook.mp.Pool;
import procbook.mp.Queue;
import procbook.mp.QueueProxy;
import procbook.mp.Trace;

/**
 * Lesson 11 — a manager shares a queue and a lock with pool workers.
 *
 * <p>A plain queue cannot be handed to a pool task (the program shows the error it gives). A
 * manager can: it owns a queue and a lock, and hands out proxies that go anywhere. Two writer
 * tasks, each holding the manager's lock while it writes its letters (slowly: a pause between
 * letters), then a reader task that drains the queue — all through a pool.
 *
 * <p>Run: {@code java procbook.lesson11.ManagedQueue [pauseMillis]}
 */
public class ManagedQueue {
    /** What the tasks share: the proxies of the manager's queue and lock. Proxies travel: Serializable. */
    record Shared(QueueProxy<String> queue, LockProxy lock) implements Serializable {
    }

    /** What a writer task is given. */
    record Letters(Shared shared, String letters, long pauseMillis) implements Serializable {
    }

    // tag::writer[]
    /** A writer task: puts its letters on the queue, holding the lock, so that no other writer's letters come between. */
    static int write(Letters job) throws InterruptedException {
        // TODO 1: hold the manager's lock (job.shared().lock()) for all of the following:
        //   record Trace.event("writer-start", "letters", job.letters());
        //   for each letter: put it on job.shared().queue() as a String, record Trace.event("wrote", "item", letter),
        //   then sleep job.pauseMillis();
        //   record Trace.event("writer-end", "letters", job.letters());
        // TODO 2: return the number of letters written.
        throw new UnsupportedOperationException("not done yet: write() — write the letters holding the lock (TODO 1 and 2)");
    }
    // end::writer[]

    // tag::reader[]
    /** A reader task, run once the writers are done: takes every item left on the queue. */
    static String read(Shared shared) {
        // TODO 3: while the queue is not empty, get an item, record Trace.event("read", "item", item) and add it
        //         to the text you return. (Run only once the writers are done: then "empty" means empty for good.)
        throw new UnsupportedOperationException("not done yet: read() — drain the queue (TODO 3)");
    }
    // end::reader[]

    static int usePlainQueue(Queue<String> queue) {
        return queue.qsize();
    }

    public static void main(String[] args) {
        long pauseMillis = args.length > 0 ? Long.parseLong(args[0]) : 100;

        // tag::plain[]
        try (Pool pool = new Pool(2)) {
            pool.apply(ManagedQueue::usePlainQueue, new Queue<String>());
        } catch (IllegalArgumentException e) {
            System.out.println("a plain queue cannot go to a pool task: " + e.getMessage());
            Trace.event("plain-queue-refused", "message", e.getMessage());
        }
        // end::plain[]

        // tag::main[]
        // TODO 4: start a Manager and a Pool of 2 workers (try-with-resources for both).
        // TODO 5: make Shared from the manager's queue and lock; give the pool two writer tasks without waiting:
        //         write(new Letters(shared, "ABC", pauseMillis)) and write(new Letters(shared, "XYZ", pauseMillis)).
        // TODO 6: wait for both writers' results, then run read(shared) in the pool and wait for it; print both and
        //         record Trace.event("done", "written", <letters written>, "read", <the text read>);
        throw new UnsupportedOperationException("not done yet: main() — the manager, the pool and the tasks (TODO 4 to 6)");
        // end::main[]
    }
}
