package procbook.mp;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * a thread of this process, the dispatcher, hands each worker a task or two at a time and reads
 * the results back. So the pool always knows which worker runs which task: when a worker dies —
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

    private enum State { RUNNING, SHUT_DOWN, TERMINATED }

    private static int pools;

    private final String name;
    private final int size;
    private final Target initializer;
    private final int maxTasksPerChild;
    private final List<PoolWorker> workers = new ArrayList<>();
    private final Deque<Jobs> pending = new ArrayDeque<>();
    private final Thread dispatcher;
    private State state = State.RUNNING;
    private long nextJob;
    private int nextWorker;

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
     * (0: never).
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
        this.initializer = initializer;
        this.maxTasksPerChild = maxTasksPerChild;
        for (int i = 0; i < processes; i++) {
            workers.add(startWorker());
        }
        dispatcher = new Thread(this::dispatch, "procbook-" + name);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    // ---- submitting ----

    /** Runs {@code fn(a)} in a worker and waits for the result. */
    public <A, R> R apply(Fn<A, R> fn, A a) {
        return applyAsync(fn, a).get();
    }

    /** Runs {@code fn(a)} in a worker; the result comes later. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> fn, A a) {
        return applyAsync(fn, a, null, null);
    }

    /**
     * Runs {@code fn(a)} in a worker; then calls {@code onSuccess} with the result, or {@code onError}
     * with the exception (either may be null), once, on the pool's thread.
     */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> fn, A a, Consumer<? super R> onSuccess, Consumer<? super Throwable> onError) {
        requireFunction(fn, "applyAsync");
        AsyncResult<R> result = new AsyncResult<>("task " + describe(fn), onSuccess, onError);
        List<Object> one = new ArrayList<>(1);
        one.add(PoolWorker.encodeItem(a, false, "applyAsync(" + describe(fn) + ", ...) cannot send its argument to a worker"));
        submit(new Jobs(fn, false, one.iterator(), 1, new Single<>(result)), "applyAsync");
        return result;
    }

    /** Applies {@code fn} to every item, in the workers, and returns the results in the order of the items. */
    public <A, R> List<R> map(Fn<A, R> fn, Iterable<? extends A> items) {
        return mapAsync(fn, items, 0).get();
    }

    /** The same, handing the workers {@code chunksize} items at a time (0: chosen by the pool). */
    public <A, R> List<R> map(Fn<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return mapAsync(fn, items, chunksize).get();
    }

    /** {@link #map} without waiting: the list of results comes later, whole, in the order of the items. */
    public <A, R> AsyncResult<List<R>> mapAsync(Fn<A, R> fn, Iterable<? extends A> items, int chunksize) {
        requireFunction(fn, "mapAsync");
        List<Object> all = new ArrayList<>();
        int index = 0;
        for (A item : items) {
            all.add(PoolWorker.encodeItem(item, false, "map(" + describe(fn) + ", ...) cannot send item " + index++ + " to a worker"));
        }
        AsyncResult<List<R>> result = new AsyncResult<>("map of " + describe(fn), null, null);
        int chunk = chunksize > 0 ? chunksize : Math.max(1, all.size() / (size * 4));
        submit(new Jobs(fn, false, all.iterator(), chunk, new Gathered<>(result, all.size())), "mapAsync");
        return result;
    }

    /** Applies {@code fn} to each pair of arguments: Python's {@code starmap(fn, [(a, b), ...])}. */
    public <A, B, R> List<R> starmap(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return starmapAsync(fn, pairs, 0).get();
    }

    /** {@link #starmap} without waiting. */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(Fn2<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
            int chunksize) {
        requireFunction(fn, "starmapAsync");
        List<Object> all = new ArrayList<>();
        int index = 0;
        for (Map.Entry<? extends A, ? extends B> pair : pairs) {
            all.add(PoolWorker.encodeItem(new Object[] {pair.getKey(), pair.getValue()}, true,
                    "starmap(" + describe(fn) + ", ...) cannot send pair " + index++ + " to a worker"));
        }
        AsyncResult<List<R>> result = new AsyncResult<>("starmap of " + describe(fn), null, null);
        int chunk = chunksize > 0 ? chunksize : Math.max(1, all.size() / (size * 4));
        submit(new Jobs(fn, true, all.iterator(), chunk, new Gathered<>(result, all.size())), "starmapAsync");
        return result;
    }

    /**
     * Applies {@code fn} to the items as the workers become free, reading {@code items} only as
     * needed, and gives the results in the order of the items.
     */
    public <A, R> Iterator<R> imap(Fn<A, R> fn, Iterable<? extends A> items) {
        return streamed(fn, items, true, "imap");
    }

    /** Like {@link #imap}, but gives each result as soon as it is ready, whatever its place. */
    public <A, R> Iterator<R> imapUnordered(Fn<A, R> fn, Iterable<? extends A> items) {
        return streamed(fn, items, false, "imapUnordered");
    }

    private <A, R> Iterator<R> streamed(Fn<A, R> fn, Iterable<? extends A> items, boolean ordered, String call) {
        requireFunction(fn, call);
        @SuppressWarnings("unchecked")
        Iterator<Object> source = (Iterator<Object>) items.iterator();
        Streamed<R> results = new Streamed<>(ordered, call + " of " + describe(fn));
        submit(new Jobs(fn, false, source, 1, results), call);
        return results;
    }

    // ---- ending ----

    /** No new tasks from now on (Python's {@code close()}); the tasks given go on to their end. */
    public synchronized void shutdown() {
        if (state == State.RUNNING) {
            state = State.SHUT_DOWN;
        }
    }

    /** Stops the workers now: tasks not finished fail with {@link Terminated}. Prompt, however many are queued. */
    public void terminate() {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
            state = State.TERMINATED;
            notifyAll();
        }
        if (Thread.currentThread() == dispatcher) {
            return; // called from a callback: the dispatcher ends its loop at once
        }
        dispatcher.interrupt();
        try {
            dispatcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every task and worker to end. Only after {@link #shutdown()} or {@link #terminate()}. */
    public void join() {
        synchronized (this) {
            if (state == State.RUNNING) {
                throw new IllegalStateException("join() on " + name + " while it still accepts tasks: call shutdown()"
                        + " (Python's close()) or terminate() first, then join()");
            }
        }
        boolean interrupted = false;
        while (dispatcher.isAlive()) {
            try {
                dispatcher.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
    public synchronized List<Process> workers() {
        List<Process> all = new ArrayList<>();
        for (PoolWorker w : workers) {
            all.add(w.process);
        }
        return all;
    }

    @Override
    public synchronized String toString() {
        return name + "[" + size + " workers, " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
    }

    // ---- inside ----

    private void submit(Jobs jobs, String call) {
        synchronized (this) {
            if (state != State.RUNNING) {
                throw new IllegalStateException(call + "() on " + name + " after " + (state == State.SHUT_DOWN ? "shutdown()" : "terminate()")
                        + ": a pool takes no new tasks once it is shut down; give all tasks before shutdown(), or create a new pool");
            }
            pending.add(jobs);
        }
    }

    synchronized long nextJobId() {
        return ++nextJob;
    }

    private PoolWorker startWorker() {
        Pipe pipe = Pipe.open(name.toLowerCase(java.util.Locale.ROOT) + "-w" + (++nextWorker));
        Process p = new Process(PoolWorker::work, pipe.end2(), initializer, maxTasksPerChild);
        p.setName(name + "-worker-" + nextWorker);
        p.setDaemon(true);
        p.start();
        return new PoolWorker(p, pipe.end1());
    }

    /** The dispatcher's loop: hand out tasks, collect results, replace dead workers, until the end. */
    private void dispatch() {
        Waiting idle = Waiting.forever();
        long nextHealthCheck = System.nanoTime();
        while (true) {
            boolean progress = false;
            synchronized (this) {
                if (state == State.TERMINATED) {
                    break;
                }
            }
            for (int i = 0; i < workers.size(); i++) {
                PoolWorker w = workers.get(i);
                progress |= w.collect();
                if (maxTasksPerChild > 0 && w.handedOut >= maxTasksPerChild && w.inFlight.isEmpty()) {
                    w.retire();
                    replace(i);
                    progress = true;
                }
            }
            // idle workers first, one job each, so that slow tasks spread over every worker;
            // then busy workers that run tiny tasks get a few more, in one message
            for (int pass = 0; pass < 2; pass++) {
                for (PoolWorker w : workers) {
                    List<Job> batch = new ArrayList<>();
                    int want = pass == 0 ? (w.inFlight.isEmpty() ? 1 : 0) : w.room(maxTasksPerChild);
                    for (int k = 0; k < want; k++) {
                        Job job = nextJob(pass == 0 ? null : w.tinyFn);
                        if (job == null) {
                            break;
                        }
                        batch.add(job);
                    }
                    if (!batch.isEmpty()) {
                        w.hand(batch);
                        progress = true;
                    }
                }
            }
            if (System.nanoTime() - nextHealthCheck >= 0) {
                nextHealthCheck = System.nanoTime() + 20_000_000;
                for (int i = 0; i < workers.size(); i++) {
                    PoolWorker w = workers.get(i);
                    if (!w.process.isAlive()) {
                        w.collect(); // results it sent before it died still count
                        w.died(this);
                        replace(i);
                        progress = true;
                    }
                }
            }
            if (allDone()) {
                break;
            }
            if (progress) {
                idle = Waiting.forever();
            } else {
                idle.pause();
            }
        }
        boolean terminated;
        synchronized (this) {
            terminated = state == State.TERMINATED;
        }
        for (PoolWorker w : workers) {
            if (terminated) {
                w.failAll(new Terminated(name + " was terminated before this task finished"));
                w.process.terminate();
            } else {
                w.retire();
            }
        }
        if (terminated) {
            failPending();
        }
        for (PoolWorker w : workers) {
            if (!w.process.join(Duration.ofSeconds(2))) {
                w.process.kill();
                w.process.join();
            }
        }
    }

    private void replace(int i) {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
        }
        workers.set(i, startWorker());
    }

    /**
     * The next job to hand out, in order; with {@code onlyFn}, only a job of that function (one a
     * worker runs in no time), so that no other task queues behind a worker's backlog. imap's input
     * is read only while few of its results wait to be taken.
     */
    private synchronized Job nextJob(Serializable onlyFn) {
        for (Iterator<Jobs> i = pending.iterator(); i.hasNext(); ) {
            Jobs jobs = i.next();
            if (jobs.sink instanceof Streamed<?> s && jobs.read() - s.taken() >= 4 * size) {
                continue; // the caller is behind: read no more of its input for now
            }
            if (onlyFn != null && jobs.fn != onlyFn) {
                return null; // the next job in line is another function's: it goes to an idle worker
            }
            Job job = jobs.next(nextJobId());
            if (job != null) {
                return job;
            }
            i.remove(); // exhausted
        }
        return null;
    }

    /** A job whose worker died before starting it goes back to the front of the line. */
    synchronized void requeue(Job job) {
        pending.addFirst(new Jobs(job));
    }

    private synchronized boolean allDone() {
        if (state != State.SHUT_DOWN || !pending.isEmpty()) {
            return false;
        }
        for (PoolWorker w : workers) {
            if (!w.inFlight.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void failPending() {
        List<Jobs> left;
        synchronized (this) {
            left = new ArrayList<>(pending);
            pending.clear();
        }
        Terminated t = new Terminated(name + " was terminated before this task started");
        for (Jobs jobs : left) {
            jobs.sink.failAll(t);
        }
    }

    String name() {
        return name;
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

    // ---- what the dispatcher hands out ----

    /** One message to a worker: a function and the items to apply it to. */
    record Job(long id, Serializable fn, boolean star, List<Object> items, int firstIndex, Sink sink) {
    }

    /** Where the results of jobs go. */
    interface Sink {
        void succeed(Job job, List<Object> results);

        void fail(Job job, Throwable error);

        void failAll(Throwable error);
    }

    /** A source of jobs: the items of one call, cut into chunks, read only as the workers need them. */
    static final class Jobs {
        final Serializable fn;
        final boolean star;
        final Iterator<Object> items;
        final int chunk;
        final Sink sink;
        private int index;
        private Job again;

        Jobs(Serializable fn, boolean star, Iterator<Object> items, int chunk, Sink sink) {
            this.fn = fn;
            this.star = star;
            this.items = items;
            this.chunk = chunk;
            this.sink = sink;
        }

        Jobs(Job again) {
            this(again.fn(), again.star(), java.util.Collections.emptyIterator(), 1, again.sink());
            this.again = again;
        }

        synchronized int read() {
            return index;
        }

        synchronized Job next(long id) {
            if (again != null) {
                Job job = again;
                again = null;
                return job;
            }
            List<Object> batch = new ArrayList<>();
            int first = index;
            try {
                while (batch.size() < chunk && items.hasNext()) {
                    Object item = items.next();
                    batch.add(item instanceof byte[] encoded ? encoded
                            : PoolWorker.encodeItem(item, star, describe(fn) + " cannot send item " + index + " to a worker"));
                    index++;
                }
            } catch (RuntimeException e) {
                sink.failAll(e instanceof IllegalArgumentException ? e
                        : new IllegalStateException("reading the input of " + describe(fn) + " failed at item " + index + ": " + e, e));
                return null;
            }
            if (batch.isEmpty()) {
                if (sink instanceof Streamed<?> s) {
                    s.inputEnded(index);
                }
                return null;
            }
            return new Job(id, fn, star, batch, first, sink);
        }
    }

    /** The sink of one applyAsync. */
    private record Single<R>(AsyncResult<R> result) implements Sink {
        @Override
        @SuppressWarnings("unchecked")
        public void succeed(Job job, List<Object> results) {
            result.succeed((R) results.get(0));
        }

        @Override
        public void fail(Job job, Throwable error) {
            result.fail(error);
        }

        @Override
        public void failAll(Throwable error) {
            result.fail(error);
        }
    }

    /** The sink of a map: fills a list by index and completes it when every chunk is back. */
    private static final class Gathered<R> implements Sink {
        private final AsyncResult<List<R>> result;
        private final Object[] values;
        private int missing;

        Gathered(AsyncResult<List<R>> result, int size) {
            this.result = result;
            this.values = new Object[size];
            this.missing = size;
            if (size == 0) {
                result.succeed(List.of());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void succeed(Job job, List<Object> results) {
            boolean complete;
            synchronized (this) {
                for (int i = 0; i < results.size(); i++) {
                    values[job.firstIndex() + i] = results.get(i);
                }
                missing -= results.size();
                complete = missing == 0;
            }
            if (complete) {
                List<R> list = new ArrayList<>(values.length);
                for (Object v : values) {
                    list.add((R) v);
                }
                result.succeed(list);
            }
        }

        @Override
        public void fail(Job job, Throwable error) {
            result.fail(error);
        }

        @Override
        public void failAll(Throwable error) {
            result.fail(error);
        }
    }

    /** The sink and iterator of imap and imapUnordered. */
    private static final class Streamed<R> implements Sink, Iterator<R> {
        private final boolean ordered;
        private final String what;
        private final java.util.TreeMap<Integer, Object> byIndex = new java.util.TreeMap<>();
        private final Deque<Object> arrived = new ArrayDeque<>();
        private int nextIndex;
        private int total = -1;
        private int given;
        private Throwable error;

        Streamed(boolean ordered, String what) {
            this.ordered = ordered;
            this.what = what;
        }

        synchronized int taken() {
            return given;
        }

        synchronized void inputEnded(int count) {
            total = count;
            notifyAll();
        }

        @Override
        public synchronized void succeed(Job job, List<Object> results) {
            for (int i = 0; i < results.size(); i++) {
                if (ordered) {
                    byIndex.put(job.firstIndex() + i, results.get(i));
                } else {
                    arrived.add(new Object[] {results.get(i)});
                }
            }
            notifyAll();
        }

        @Override
        public synchronized void fail(Job job, Throwable e) {
            if (error == null) {
                error = e;
            }
            notifyAll();
        }

        @Override
        public synchronized void failAll(Throwable e) {
            fail(null, e);
        }

        @Override
        public synchronized boolean hasNext() {
            while (true) {
                if (error != null) {
                    return true; // next() throws it
                }
                if (ordered ? byIndex.containsKey(nextIndex) : !arrived.isEmpty()) {
                    return true;
                }
                if (total >= 0 && given >= total) {
                    return false;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next result of " + what, e);
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized R next() {
            if (!hasNext()) {
                throw new NoSuchElementException(what + ": no more results");
            }
            if (error != null) {
                Throwable e = error;
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                if (e instanceof Error r) {
                    throw r;
                }
                throw new TaskFailed(what + " failed: " + e, e);
            }
            given++;
            if (ordered) {
                return (R) byIndex.remove(nextIndex++);
            }
            return (R) ((Object[]) arrived.poll())[0];
        }
    }
}
