package procbook.bench;

import procbook.mp.Connection;
import procbook.mp.Lock;
import procbook.mp.AsyncResult;
import procbook.mp.Pipe;
import procbook.mp.Pool;
import procbook.mp.Process;
import procbook.mp.Queue;

/**
 * The mp benchmark: prints the figures of {@code shared/peer/mp_peer_bench.py} under the same
 * names, with the same workloads, so both can run side by side and be compared as ratios.
 *
 * <p>Run: {@code harness/mp-bench/bench [--quick]}, which prints Python's figures and the ratios too.
 * It lives in a module of its own, out of the mp jar that lessons import.
 */
public final class Bench {
    private Bench() {
    }

    static void noop() {
    }

    static void echo(Connection c) {
        while (true) {
            Object m = c.recv();
            if (m == null) {
                return;
            }
            c.send(m);
        }
    }

    static void consume(Queue<Integer> q, Integer n) {
        for (int i = 0; i < n; i++) {
            q.get();
        }
    }

    /** Mean microseconds for a message to a child and its echo back, after one exchange to start. */
    static double pipeRoundTripMicros(int n) {
        Pipe pipe = Pipe.open();
        Process p = new Process(Bench::echo, pipe.end2());
        p.start();
        Connection a = pipe.end1();
        a.send(0);
        a.recv();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            a.send(i);
            a.recv();
        }
        double micros = (System.nanoTime() - t) / 1e3 / n;
        a.send(null);
        p.join();
        return micros;
    }

    /** Items per second through a queue of 1000 to a consumer process, its start included, as the peer does. */
    static double queueItemsPerSecond(int n) {
        Queue<Integer> q = new Queue<>(1000);
        Process p = new Process(Bench::consume, q, n);
        p.start();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            q.put(i);
        }
        p.join();
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** Mean nanoseconds for acquire and release of a lock nobody else wants. */
    static double lockUncontendedNanos(Lock lock, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            lock.acquire();
            lock.release();
        }
        return (double) (System.nanoTime() - t) / n;
    }

    static int square(Integer x) {
        return x * x;
    }

    /** Tiny tasks per second through a pool of two workers, after one task to start, as the peer does. */
    static double poolTasksPerSecond(int n) {
        try (Pool pool = new Pool(2)) {
            pool.apply(Bench::square, 1);
            long t = System.nanoTime();
            java.util.List<AsyncResult<Integer>> results = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(pool.applyAsync(Bench::square, i));
            }
            for (AsyncResult<Integer> r : results) {
                r.get();
            }
            return n / ((System.nanoTime() - t) / 1e9);
        }
    }

    /** Mean milliseconds to start a child that does nothing and wait for its end; no warm-up, as the peer does. */
    static double startJoinMillis(int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Process p = new Process(Bench::noop);
            p.start();
            p.join();
        }
        return (System.nanoTime() - t) / 1e6 / n;
    }

    public static void main(String[] args) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        int nRtt = quick ? 2000 : 20000;
        int nQueue = quick ? 20000 : 100000;
        int nLock = quick ? 50000 : 200000;
        int nStart = quick ? 5 : 20;
        // The lock runs first, while no child JVM is booting in the background on this 2-core machine.
        // Python has no JIT; Java's first run of a loop is interpreted, then compiled. The peer's figure
        // is a steady state, so ours is the second run of the same workload; the first is shown too.
        Lock lock = new Lock();
        double lockFirstRun = lockUncontendedNanos(lock, nLock);
        double lockNanos = lockUncontendedNanos(lock, nLock);
        System.out.printf("pipe_round_trip %.1f us%n", pipeRoundTripMicros(nRtt));
        System.out.printf("queue_throughput %.0f items/s%n", queueItemsPerSecond(nQueue));
        System.out.printf("lock_uncontended %.0f ns%n", lockNanos);
        System.out.printf("lock_uncontended_first_run %.0f ns%n", lockFirstRun);
        System.out.printf("start_join_spawn %.2f ms%n", startJoinMillis(nStart));
        System.out.printf("pool_apply_async %.0f tasks/s%n", poolTasksPerSecond(quick ? 4000 : 20000));
    }
}
