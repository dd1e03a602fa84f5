package procbook.mp;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * How a {@link Pool} hands out work: a thread of the pool's process that owns the workers and the
 * line of jobs waiting for one. Each round it collects the results that came back, retires workers
 * that ran their share, hands jobs to idle workers (then a few more to workers running tiny tasks),
 * and replaces workers that died — failing exactly the job each was running. So it always knows
 * which worker runs which task.
 */
final class PoolDispatcher {
    enum State { RUNNING, SHUT_DOWN, TERMINATED }

    private static final long HEALTH_CHECK_NANOS = 20_000_000;

    private final String name;
    private final int size;
    private final Target initializer;
    private final int maxTasksPerChild;
    private final List<PoolWorker> workers = new ArrayList<>();
    private final Deque<PoolJobSource> pending = new ArrayDeque<>();
    private final Thread thread;
    private State state = State.RUNNING;
    private long nextJob;
    private int nextWorker;
    private long nextHealthCheck = System.nanoTime();

    PoolDispatcher(String name, int size, Target initializer, int maxTasksPerChild) {
        this.name = name;
        this.size = size;
        this.initializer = initializer;
        this.maxTasksPerChild = maxTasksPerChild;
        for (int i = 0; i < size; i++) {
            workers.add(startWorker());
        }
        thread = new Thread(this::run, "procbook-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    // ---- what the pool's callers ask ----

    synchronized void submit(PoolJobSource jobs, String call) {
        if (state != State.RUNNING) {
            throw new IllegalStateException(call + "() on " + name + " after " + (state == State.SHUT_DOWN ? "shutdown()" : "terminate()")
                    + ": a pool takes no new tasks once it is shut down; give all tasks before shutdown(), or create a new pool");
        }
        pending.add(jobs);
    }

    synchronized void shutdown() {
        if (state == State.RUNNING) {
            state = State.SHUT_DOWN;
        }
    }

    void terminate() {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
            state = State.TERMINATED;
        }
        if (Thread.currentThread() == thread) {
            return; // called from a callback: the loop ends at once
        }
        thread.interrupt();
        joinThread();
    }

    void join() {
        synchronized (this) {
            if (state == State.RUNNING) {
                throw new IllegalStateException("join() on " + name + " while it still accepts tasks: call shutdown()"
                        + " (Python's close()) or terminate() first, then join()");
            }
        }
        joinThread();
    }

    synchronized State state() {
        return state;
    }

    synchronized List<Process> processes() {
        List<Process> all = new ArrayList<>();
        for (PoolWorker w : workers) {
            all.add(w.process);
        }
        return all;
    }

    String name() {
        return name;
    }

    // ---- the loop ----

    private void run() {
        Waiting idle = Waiting.forever();
        while (state() != State.TERMINATED) {
            boolean progress = collectResults();
            progress |= retireTheTired();
            progress |= handOutJobs();
            progress |= replaceTheDead();
            if (allDone()) {
                break;
            }
            if (progress) {
                idle = Waiting.forever();
            } else {
                idle.pause();
            }
        }
        finish();
    }

    private boolean collectResults() {
        boolean progress = false;
        for (PoolWorker w : workers) {
            progress |= w.collect();
        }
        return progress;
    }

    /** A worker that ran maxTasksPerChild tasks leaves once idle, and a new one takes its place. */
    private boolean retireTheTired() {
        boolean progress = false;
        for (int i = 0; i < workers.size(); i++) {
            PoolWorker w = workers.get(i);
            if (maxTasksPerChild > 0 && w.handedOut >= maxTasksPerChild && w.inFlight.isEmpty()) {
                w.retire();
                replace(i);
                progress = true;
            }
        }
        return progress;
    }

    /**
     * Idle workers first, one job each, so that slow tasks spread over every worker; then workers
     * that run tiny tasks get a few more of the same function, in one message.
     */
    private boolean handOutJobs() {
        boolean progress = false;
        for (PoolWorker w : workers) {
            progress |= handTo(w, w.inFlight.isEmpty() ? 1 : 0, null);
        }
        for (PoolWorker w : workers) {
            progress |= handTo(w, w.room(maxTasksPerChild), w.tinyFn);
        }
        return progress;
    }

    private boolean handTo(PoolWorker w, int want, Serializable onlyFn) {
        List<PoolJob> batch = new ArrayList<>();
        for (int k = 0; k < want; k++) {
            PoolJob job = nextJob(onlyFn);
            if (job == null) {
                break;
            }
            batch.add(job);
        }
        if (batch.isEmpty()) {
            return false;
        }
        w.hand(batch);
        return true;
    }

    /** Every 20 ms: a worker that died fails the job it was running; the others it held go back in line. */
    private boolean replaceTheDead() {
        if (System.nanoTime() - nextHealthCheck < 0) {
            return false;
        }
        nextHealthCheck = System.nanoTime() + HEALTH_CHECK_NANOS;
        boolean progress = false;
        for (int i = 0; i < workers.size(); i++) {
            PoolWorker w = workers.get(i);
            if (!w.process.isAlive()) {
                w.collect(); // results it sent before it died still count
                w.died(this);
                replace(i);
                progress = true;
            }
        }
        return progress;
    }

    /** After the loop: workers stop (terminated: at once, their jobs failing), and none is left behind. */
    private void finish() {
        boolean terminated = state() == State.TERMINATED;
        for (PoolWorker w : workers) {
            if (terminated) {
                w.failAll(new Pool.Terminated(name + " was terminated before this task finished"));
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

    // ---- the line of jobs ----

    /**
     * The next job to hand out, in order; with {@code onlyFn}, only a job of that function (one a
     * worker runs in no time), so that no other task queues behind a worker's backlog. imap's input
     * is read only while few of its results wait to be taken.
     */
    private synchronized PoolJob nextJob(Serializable onlyFn) {
        for (Iterator<PoolJobSource> i = pending.iterator(); i.hasNext(); ) {
            PoolJobSource jobs = i.next();
            if (jobs.sink instanceof PoolResults.Stream<?> s && jobs.read() - s.taken() >= 4 * size) {
                continue; // the caller is behind: read no more of its input for now
            }
            if (onlyFn != null && jobs.fn != onlyFn) {
                return null; // the next job in line is another function's: it goes to an idle worker
            }
            PoolJob job = jobs.next(++nextJob);
            if (job != null) {
                return job;
            }
            i.remove(); // exhausted
        }
        return null;
    }

    /** A job whose worker died before starting it goes back to the front of the line. */
    synchronized void requeue(PoolJob job) {
        pending.addFirst(new PoolJobSource(job));
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
        List<PoolJobSource> left;
        synchronized (this) {
            left = new ArrayList<>(pending);
            pending.clear();
        }
        Pool.Terminated t = new Pool.Terminated(name + " was terminated before this task started");
        for (PoolJobSource jobs : left) {
            jobs.sink.failAll(t);
        }
    }

    // ---- workers ----

    private PoolWorker startWorker() {
        Pipe pipe = Pipe.open(name.toLowerCase(java.util.Locale.ROOT) + "-w" + (++nextWorker));
        Process p = new Process(PoolWorkerMain::work, pipe.end2(), initializer, maxTasksPerChild);
        p.setName(name + "-worker-" + nextWorker);
        p.setDaemon(true);
        p.start();
        return new PoolWorker(p, pipe.end1());
    }

    private void replace(int i) {
        if (state() == State.TERMINATED) {
            return;
        }
        PoolWorker fresh = startWorker();
        synchronized (this) {
            workers.set(i, fresh);
        }
    }

    private void joinThread() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
