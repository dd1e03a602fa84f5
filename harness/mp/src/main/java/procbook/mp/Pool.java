package procbook.mp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A pool of worker processes that run tasks: Python's {@code multiprocessing.Pool}.
 *
 * <pre>{@code
 * Pool pool = new Pool(4);
 * AsyncResult<Integer> r = pool.applyAsync(Tasks::square, 7);
 * List<Integer> squares = pool.map(Tasks::square, List.of(1, 2, 3));
 * pool.shutdown();   // Python's close(): no new tasks
 * pool.join();       // waits for the tasks and the workers to end
 * }</pre>
 *
 * <p>How it works: each worker is a long-lived {@link Process} holding one end of a {@link Pipe};
 * a thread of this process, the dispatcher ({@code PoolDispatcher}), hands each worker a task or
 * two at a time and reads the results back. So the pool always knows which worker runs which task: when a worker dies —
 * killed, or calling {@code System.exit} — exactly the task it was running fails, with an error
 * that says so, and a new worker takes its place (Python's pool hangs there: bpo-22393). Tasks wait
 * in this process until a worker is free, and {@link #imap} reads its input only as workers need
 * it (Python reads it all at once: gh-64192). A function travels to a worker once; later tasks
 * only name it.
 *
 * <p>Names: Python's {@code close()} is {@link #shutdown()} here, because {@link #close()} is
 * Java's try-with-resources method, and a pool in try-with-resources is terminated at the end of
 * the block — as Python's {@code with Pool() as pool:} does.
 */
public final class Pool implements AutoCloseable {
    /** A task of one argument: a lambda or method reference fits. It travels to a worker, so it is Serializable. */
    @FunctionalInterface
    public interface Fn<A, R> extends Serializable {
        R apply(A a) throws Exception;
    }

    /** A task of two arguments, for {@link #starmap}. */
    @FunctionalInterface
    public interface Fn2<A, B, R> extends Serializable {
        R apply(A a, B b) throws Exception;
    }

    /** A task threw a checked exception (the cause), or one that could not travel back. */
    public static final class TaskFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The worker running the task died before finishing it. */
    public static final class WorkerDied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerDied(String message) {
            super(message);
        }
    }

    /** The pool was terminated before the task finished. */
    public static final class Terminated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Terminated(String message) {
            super(message);
        }
    }

    private static int pools;

    private final String name;
    private final int size;
    private final PoolDispatcher dispatcher;

    /** A pool of {@link Process#cpuCount()} workers. */
    public Pool() {
        this(Process.cpuCount());
    }

    /** A pool of {@code processes} workers. */
    public Pool(int processes) {
        this(processes, null, 0);
    }

    /**
     * A pool of {@code processes} workers; {@code initializer} (may be null) runs once in each worker
     * before its first task; a worker is replaced by a new one after {@code maxTasksPerChild} tasks
     * (0: never). Python's {@code Pool(processes, initializer, maxtasksperchild=...)}.
     */
    public Pool(int processes, Target initializer, int maxTasksPerChild) {
        if (processes < 1) {
            throw new IllegalArgumentException("new Pool(" + processes + "): a pool needs at least 1 worker process;"
                    + " new Pool() makes one per CPU (" + Process.cpuCount() + " here)");
        }
        if (maxTasksPerChild < 0) {
            throw new IllegalArgumentException("maxTasksPerChild must be 0 (no limit) or more, got " + maxTasksPerChild);
        }
        synchronized (Pool.class) {
            this.name = "Pool-" + (++pools);
        }
        this.size = processes;
        this.dispatcher = new PoolDispatcher(name, processes, initializer, maxTasksPerChild);
    }

    // ---- submitting ----

    /** Runs {@code fn(a)} in a worker and waits for the result: Python's {@code apply}. */
    public <A, R> R apply(Fn<A, R> fn, A a) {
        return applyAsync(fn, a).get();
    }

    /** Runs {@code fn(a)} in a worker; the result comes later. Python's {@code apply_async}. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> fn, A a) {
        return applyAsync(fn, a, null, null);
    }

    /**
     * Runs {@code fn(a)} in a worker; then calls {@code onSuccess} with the result, or {@code onError}
     * with the exception (either may be null), once, on the pool's thread, before the result is
     * ready — as Python's {@code callback=} and {@code error_callback=}.
     */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> fn, A a, Consumer<? super R> onSuccess, Consumer<? super Throwable> onError) {
        requireFunction(fn, "applyAsync");
        AsyncResult<R> result = new AsyncResult<>("task " + describe(fn), onSuccess, onError);
        List<Object> one = new ArrayList<>(1);
        one.add(new PoolWire.Encoded(PoolWire.encodeItem(a, false, "applyAsync(" + describe(fn) + ", ...) cannot send its argument to a worker")));
        dispatcher.submit(new PoolJobSource(fn, false, one.iterator(), 1, new PoolResults.Single<>(result)), "applyAsync");
        return result;
    }

    /**
     * Applies {@code fn} to every item, in the workers, and returns the results in the order of the
     * items: Python's {@code map}. If tasks fail, it throws the first failure, once every task is done.
     */
    public <A, R> List<R> map(Fn<A, R> fn, Iterable<? extends A> items) {
        return mapAsync(fn, items, 0).get();
    }

    /** The same, handing the workers {@code chunksize} items at a time (0: chosen by the pool). */
    public <A, R> List<R> map(Fn<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return mapAsync(fn, items, chunksize).get();
    }

    /** {@link #map} without waiting: the list of results comes later, whole, in the order of the items. Python's {@code map_async}. */
    public <A, R> AsyncResult<List<R>> mapAsync(Fn<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return mapAsync(fn, items, chunksize, null, null);
    }

    /**
     * {@link #mapAsync(Fn, Iterable, int)} with Python's {@code callback=} and {@code error_callback=}:
     * once every task is done, {@code onSuccess} gets the list, or {@code onError} the first failure.
     */
    public <A, R> AsyncResult<List<R>> mapAsync(Fn<A, R> fn, Iterable<? extends A> items, int chunksize,
            Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
        requireFunction(fn, "mapAsync");
        List<Object> all = new ArrayList<>();
        int index = 0;
        for (A item : items) {
            all.add(new PoolWire.Encoded(PoolWire.encodeItem(item, false, "map(" + describe(fn) + ", ...) cannot send item " + index++ + " to a worker")));
        }
        return gather(fn, false, all, chunksize, "map of " + describe(fn), onSuccess, onError, "mapAsync");
    }

    /** Applies {@code fn} to each pair of arguments: Python's {@code starmap(fn, [(a, b), ...])}. */
    public <A, B, R> List<R> starmap(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return starmapAsync(fn, pairs, 0).get();
    }

    /** The same, handing the workers {@code chunksize} pairs at a time (0: chosen by the pool). */
    public <A, B, R> List<R> starmap(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs, int chunksize) {
        return starmapAsync(fn, pairs, chunksize).get();
    }

    /** {@link #starmap} without waiting: Python's {@code starmap_async}. */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
            int chunksize) {
        return starmapAsync(fn, pairs, chunksize, null, null);
    }

    /** {@link #starmapAsync(Fn2, Iterable, int)} with Python's {@code callback=} and {@code error_callback=}. */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
            int chunksize, Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
        requireFunction(fn, "starmapAsync");
        List<Object> all = new ArrayList<>();
        int index = 0;
        for (Map.Entry<? extends A, ? extends B> pair : pairs) {
            all.add(new PoolWire.Encoded(PoolWire.encodeItem(new Object[] {pair.getKey(), pair.getValue()}, true,
                    "starmap(" + describe(fn) + ", ...) cannot send pair " + index++ + " to a worker")));
        }
        return gather(fn, true, all, chunksize, "starmap of " + describe(fn), onSuccess, onError, "starmapAsync");
    }

    private <R> AsyncResult<List<R>> gather(Serializable fn, boolean star, List<Object> all, int chunksize, String what,
            Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError, String call) {
        AsyncResult<List<R>> result = new AsyncResult<>(what, onSuccess, onError);
        int chunk = chunksize > 0 ? chunksize : Math.max(1, all.size() / (size * 4));
        dispatcher.submit(new PoolJobSource(fn, star, all.iterator(), chunk, new PoolResults.Gathered<>(result, all.size())), call);
        return result;
    }

    /**
     * Applies {@code fn} to the items as the workers become free, reading {@code items} only as
     * needed, and gives the results in the order of the items: Python's {@code imap}. A task that
     * failed throws its exception from {@code next()} in its turn, after the results before it; an
     * exception of the input's own iterator comes the same way, as itself, and ends the results.
     */
    public <A, R> Iterator<R> imap(Fn<A, R> fn, Iterable<? extends A> items) {
        return streamed(fn, items, true, "imap");
    }

    /** Like {@link #imap}, but gives each result as soon as it is ready, whatever its place: Python's {@code imap_unordered}. */
    public <A, R> Iterator<R> imapUnordered(Fn<A, R> fn, Iterable<? extends A> items) {
        return streamed(fn, items, false, "imapUnordered");
    }

    private <A, R> Iterator<R> streamed(Fn<A, R> fn, Iterable<? extends A> items, boolean ordered, String call) {
        requireFunction(fn, call);
        @SuppressWarnings("unchecked")
        Iterator<Object> source = (Iterator<Object>) items.iterator();
        PoolResults.Stream<R> results = new PoolResults.Stream<>(ordered, call + " of " + describe(fn));
        dispatcher.submit(new PoolJobSource(fn, false, source, 1, results), call);
        return results;
    }

    // ---- ending ----

    /** No new tasks from now on (Python's {@code close()}); the tasks given go on to their end. */
    public void shutdown() {
        dispatcher.shutdown();
    }

    /** Stops the workers now: tasks not finished fail with {@link Terminated}. Prompt, however many are queued. Python's {@code terminate()}. */
    public void terminate() {
        dispatcher.terminate();
    }

    /** Waits for every task and worker to end: Python's {@code join()}. Only after {@link #shutdown()} or {@link #terminate()}. */
    public void join() {
        dispatcher.join();
    }

    /** Terminates the pool: what try-with-resources calls at the end of the block, as Python's {@code with}. */
    @Override
    public void close() {
        terminate();
    }

    /** The number of worker processes. */
    public int size() {
        return size;
    }

    /** The worker processes now (they change when one dies or retires). */
    public List<Process> workers() {
        return dispatcher.processes();
    }

    @Override
    public String toString() {
        return name + "[" + size + " workers, " + dispatcher.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
    }

    static String describe(Serializable fn) {
        String s = fn.getClass().getName();
        int lambda = s.indexOf("$$Lambda");
        return lambda > 0 ? s.substring(s.lastIndexOf('.', lambda) + 1, lambda) + "::(lambda)" : s;
    }

    private static void requireFunction(Serializable fn, String call) {
        if (fn == null) {
            throw new IllegalArgumentException(call + "(null, ...): give the function to run, e.g. Tasks::square");
        }
    }
}
