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
        // TODO 1: record Trace.event("task-start", "task", nap.task()); sleep nap.millis();
        //         record Trace.event("task-end", "task", nap.task(), "ran", <milliseconds it slept>);
        //         return "task " + nap.task() + " ran " + <ms> + " ms in " + Process.currentProcess().name()
        throw new UnsupportedOperationException("not done yet: nap() — sleep and report (TODO 1)");
    }
    // end::task[]

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long napMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;

        // tag::main[]
        // TODO 2: a Pool of `workers` processes (new Pool() when workers is 0: one per CPU).
        // TODO 3: give it, without waiting, nap(new Nap(task, napMillis)) for task = 1 to 5 (applyAsync);
        //         then a broken task: nap(new Nap(6, -1)) — a negative sleep throws IllegalArgumentException.
        // TODO 4: shut the pool down (Python's close()); then try to give it one more task (Nap 7): catch the
        //         IllegalStateException, print it and record Trace.event("refused", "message", e.getMessage()).
        // TODO 5: join the pool and record Trace.event("pool-joined"); then for task = 1 to 5 get its result, print it
        //         and record Trace.event("result", "task", task, "text", result);
        // TODO 6: get the broken task's result: catch the IllegalArgumentException it throws here, print it and record
        //         Trace.event("task-failed", "task", 6, "message", e.getMessage());
        throw new UnsupportedOperationException("not done yet: main() — the pool, its tasks, shutdown and join (TODO 2 to 6)");
        // end::main[]
    }
}
