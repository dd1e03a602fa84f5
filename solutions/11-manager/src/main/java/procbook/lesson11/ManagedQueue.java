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
        try (Held held = job.shared().lock().hold()) {
            Trace.event("writer-start", "letters", job.letters());
            for (char c : job.letters().toCharArray()) {
                job.shared().queue().put(String.valueOf(c));
                Trace.event("wrote", "item", c);
                Thread.sleep(job.pauseMillis());
            }
            Trace.event("writer-end", "letters", job.letters());
        }
        return job.letters().length();
    }
    // end::writer[]

    // tag::reader[]
    /** A reader task, run once the writers are done: takes every item left on the queue. */
    static String read(Shared shared) {
        StringBuilder all = new StringBuilder();
        while (!shared.queue().empty()) { // the writers are done: "empty" now means empty for good
            String item = shared.queue().get();
            Trace.event("read", "item", item);
            all.append(item);
        }
        return all.toString();
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
        try (Manager manager = Manager.start(); Pool pool = new Pool(2)) {
            Shared shared = new Shared(manager.queue(), manager.lock());
            AsyncResult<Integer> first = pool.applyAsync(ManagedQueue::write, new Letters(shared, "ABC", pauseMillis));
            AsyncResult<Integer> second = pool.applyAsync(ManagedQueue::write, new Letters(shared, "XYZ", pauseMillis));
            int written = first.get() + second.get();
            String read = pool.apply(ManagedQueue::read, shared);
            System.out.println("wrote " + written + " letters, read " + read);
            Trace.event("done", "written", written, "read", read);
        }
        // end::main[]
    }
}
