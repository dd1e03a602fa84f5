package procbook.lesson10;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import procbook.mp.AsyncResult;
import procbook.mp.Pool;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 10 — a process pool.
 *
 * <p>Five tasks, each sleeping a while and reporting how long it ran, go to a pool of worker
 * processes at once; a sixth task is broken (it asks to sleep a negative time). Then the pool is
 * shut down — a task given afterwards is refused — and joined, and the results are collected.
 *
 * <p>Run: {@code java procbook.lesson10.PoolTasks [workers, 0 for one per CPU] [napMillis]}
 */
public class PoolTasks {
    /** What a task is given: its number and how long to sleep. A record travels as a copy: Serializable. */
    record Nap(int task, long millis) implements Serializable {
    }

    // tag::task[]
    /** A task, run by a worker process: sleeps, and says for how long. */
    static String nap(Nap nap) throws InterruptedException {
        Trace.event("task-start", "task", nap.task());
        long start = System.nanoTime();
        Thread.sleep(nap.millis());
        long ran = (System.nanoTime() - start) / 1_000_000;
        Trace.event("task-end", "task", nap.task(), "ran", ran);
        return "task " + nap.task() + " ran " + ran + " ms in " + Process.currentProcess().name();
    }
    // end::task[]

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long napMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;

        // tag::main[]
        Pool pool = workers > 0 ? new Pool(workers) : new Pool();
        List<AsyncResult<String>> results = new ArrayList<>();
        for (int task = 1; task <= 5; task++) {
            results.add(pool.applyAsync(PoolTasks::nap, new Nap(task, napMillis)));
        }
        AsyncResult<String> broken = pool.applyAsync(PoolTasks::nap, new Nap(6, -1));
        pool.shutdown(); // Python's close(): no new tasks
        try {
            pool.applyAsync(PoolTasks::nap, new Nap(7, napMillis));
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
            Trace.event("refused", "message", e.getMessage());
        }
        pool.join();
        Trace.event("pool-joined");
        for (int task = 1; task <= 5; task++) {
            String result = results.get(task - 1).get();
            System.out.println(result);
            Trace.event("result", "task", task, "text", result);
        }
        try {
            broken.get();
        } catch (IllegalArgumentException e) {
            System.out.println("task 6 failed: " + e.getMessage());
            Trace.event("task-failed", "task", 6, "message", e.getMessage());
        }
        // end::main[]
    }
}
