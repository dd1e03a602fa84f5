package procbook.mp.bench;

import procbook.mp.Process;

/**
 * The mp benchmark: prints the figures of {@code shared/peer/mp_peer_bench.py} under the same
 * names, with the same workloads, so both can run side by side and be compared as ratios.
 *
 * <p>Run: {@code ./mvnw -q -pl harness/mp exec:java -Dexec.mainClass=procbook.mp.bench.Bench [-Dexec.args=--quick]}
 * or {@code java -cp harness/mp/target/classes procbook.mp.bench.Bench [--quick]}.
 * Only {@code start_join_spawn} exists so far; the pipe, queue, lock and pool figures come with those primitives.
 */
public final class Bench {
    private Bench() {
    }

    static void noop() {
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
        int nStart = quick ? 5 : 20;
        System.out.printf("start_join_spawn %.2f ms%n", startJoinMillis(nStart));
    }
}
