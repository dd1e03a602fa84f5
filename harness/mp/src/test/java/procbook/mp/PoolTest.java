package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Pool: tasks run by worker processes")
class PoolTest {
    @TempDir
    Path dir;


    static int square(Integer x) {
        return x * x;
    }

    static long pid(Integer ignored) {
        return ProcessHandle.current().pid();
    }

    static int add(Integer a, Integer b) {
        return a + b;
    }

    static int slow(Integer millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    static int fail(Integer x) {
        throw new IllegalArgumentException("no good: " + x);
    }

    static int failChecked(Integer x) throws Exception {
        throw new java.io.IOException("disk gone: " + x);
    }

    static Object unserializableResult(Integer x) {
        return new Object();
    }

    static int exitHard(Integer code) {
        System.exit(code);
        return 0;
    }

    static int sleepForever(Integer x) throws InterruptedException {
        Thread.sleep(600_000);
        return x;
    }

    static void markStart(String dir) throws Exception {
        Files.writeString(Path.of(dir, "init-" + ProcessHandle.current().pid()), "");
    }

    @Test
    @DisplayName("a pool has cpuCount workers by default; fewer than 1 is refused")
    void size() {
        try (Pool pool = new Pool()) {
            assertThat(pool.size()).isEqualTo(Process.cpuCount());
            assertThat(pool.workers()).hasSize(Process.cpuCount()).allSatisfy(w -> assertThat(w.isAlive()).isTrue());
        }
        assertThatThrownBy(() -> new Pool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("new Pool(0): a pool needs at least 1 worker process");
    }

    @Test
    @DisplayName("apply, applyAsync, map, starmap: each result to its caller, in the order of the inputs")
    void results() {
        try (Pool pool = new Pool(2)) {
            assertThat(pool.apply(PoolTest::square, 7)).isEqualTo(49);
            List<AsyncResult<Integer>> async = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                async.add(pool.applyAsync(PoolTest::square, i));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(async.get(i).get()).isEqualTo(i * i);
            }
            List<Integer> inputs = IntStream.range(0, 100).boxed().toList();
            assertThat(pool.map(PoolTest::square, inputs)).isEqualTo(inputs.stream().map(x -> x * x).toList());
            assertThat(pool.map(PoolTest::square, inputs, 7)).isEqualTo(inputs.stream().map(x -> x * x).toList());
            assertThat(pool.starmap(PoolTest::add, List.of(Map.entry(1, 2), Map.entry(30, 40)))).containsExactly(3, 70);
            assertThat(pool.map(PoolTest::square, List.of())).isEmpty();
            Set<Long> pids = new HashSet<>(pool.map(PoolTest::pid, inputs, 1));
            assertThat(pids).as("the workers: long-lived, two of them, none of them us")
                    .hasSize(2).doesNotContain(ProcessHandle.current().pid());
        }
    }

    @Test
    @DisplayName("imap gives results in order, imapUnordered as they come; both read their input only as needed")
    void imapIsLazy() {
        try (Pool pool = new Pool(2)) {
            AtomicInteger read = new AtomicInteger();
            Iterable<Integer> endless = () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    return read.incrementAndGet();
                }
            };
            Iterator<Integer> squares = pool.imap(PoolTest::square, endless);
            for (int i = 1; i <= 5; i++) {
                assertThat(squares.next()).isEqualTo(i * i);
            }
            assertThat(read.get()).as("items read from an endless input after 5 results").isLessThan(20);
            Iterator<Integer> unordered = pool.imapUnordered(PoolTest::slow, List.of(400, 10, 10));
            List<Integer> got = new ArrayList<>();
            unordered.forEachRemaining(got::add);
            assertThat(got).containsExactlyInAnyOrder(400, 10, 10).endsWith(400);
        }
    }

    @Test
    @DisplayName("get(timeout) fails while the task runs; successful() before ready() is an error; callbacks run once")
    void asyncResult() throws Exception {
        try (Pool pool = new Pool(1)) {
            AtomicInteger successes = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AsyncResult<Integer> r = pool.applyAsync(PoolTest::slow, 500, v -> successes.incrementAndGet(), e -> errors.incrementAndGet());
            assertThatThrownBy(() -> r.get(Duration.ofMillis(50))).isInstanceOf(AsyncResult.TimedOut.class)
                    .hasMessageContaining("still running");
            assertThat(r.ready()).isFalse();
            assertThatThrownBy(r::successful).isInstanceOf(IllegalStateException.class).hasMessageContaining("not done yet");
            assertThat(r.get()).isEqualTo(500);
            assertThat(r.successful()).isTrue();
            AsyncResult<Integer> bad = pool.applyAsync(PoolTest::fail, 3, v -> successes.incrementAndGet(), e -> errors.incrementAndGet());
            assertThat(bad.await(Duration.ofSeconds(30))).isTrue();
            assertThat(bad.successful()).isFalse();
            // callbacks have run before a result is ready: no wait needed to see them
            assertThat(successes.get()).isEqualTo(1);
            assertThat(errors.get()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a task's exception reaches the caller with its type, message and the worker's stack trace")
    void exceptions() {
        try (Pool pool = new Pool(1)) {
            assertThatThrownBy(() -> pool.apply(PoolTest::fail, 42))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no good: 42")
                    .satisfies(e -> {
                        assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("fail");
                        assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageContaining("raised in Pool-"));
                    });
            assertThatThrownBy(() -> pool.apply(PoolTest::failChecked, 1))
                    .isInstanceOf(Pool.TaskFailed.class).hasCauseInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("disk gone: 1");
            assertThat(pool.apply(PoolTest::square, 3)).as("the pool goes on").isEqualTo(9);
        }
    }

    @Test
    @DisplayName("an unserializable argument fails at once in the caller; an unserializable result fails its task only")
    void unserializable() {
        try (Pool pool = new Pool(1)) {
            Pool.Fn<Socket, Integer> useSocket = s -> 1;
            assertThatThrownBy(() -> pool.applyAsync(useSocket, new Socket()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.net.Socket is not serializable");
            assertThatThrownBy(() -> pool.apply(PoolTest::unserializableResult, 1))
                    .hasMessageContaining("java.lang.Object is not serializable");
            assertThat(pool.apply(PoolTest::square, 4)).isEqualTo(16);
        }
    }

    static int reportPidThenSleep(String file) throws Exception {
        Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
        Thread.sleep(600_000);
        return 0;
    }

    @Test
    @DisplayName("a busy worker killed with SIGKILL fails exactly its task; the pool replaces it and finishes the rest")
    void workerKilled() {
        try (Pool pool = new Pool(2)) {
            // GIVEN a task that says which worker runs it, and 20 short tasks behind it
            Path pidFile = dir.resolve("busy-worker");
            AsyncResult<Integer> doomed = pool.applyAsync(PoolTest::reportPidThenSleep, pidFile.toString());
            List<AsyncResult<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                others.add(pool.applyAsync(PoolTest::slow, 20));
            }
            org.awaitility.Awaitility.await("the busy worker to write its pid").atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isEmpty());
            long busy = Long.parseLong(readQuietly(pidFile));
            // WHEN that worker is killed outright
            Signals.send(busy, Signal.KILL);
            // THEN exactly its task fails, saying so, and every other task completes
            assertThatThrownBy(() -> doomed.get(Duration.ofSeconds(30))).isInstanceOf(Pool.WorkerDied.class)
                    .hasMessageContaining("(pid " + busy + ") died while running").hasMessageContaining("SIGKILL");
            for (AsyncResult<Integer> r : others) {
                assertThat(r.get(Duration.ofSeconds(30))).isEqualTo(20);
            }
            assertThat(pool.workers()).hasSize(2).allSatisfy(w -> assertThat(w.pid()).isNotEqualTo(busy));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a task calling System.exit kills its worker: the task fails saying so, the pool goes on")
    void workerExits() {
        try (Pool pool = new Pool(1)) {
            assertThatThrownBy(() -> pool.apply(PoolTest::exitHard, 3)).isInstanceOf(Pool.WorkerDied.class)
                    .hasMessageContaining("exit code 3");
            assertThat(pool.apply(PoolTest::square, 5)).isEqualTo(25);
        }
    }

    @Test
    @DisplayName("shutdown refuses new tasks and join waits for the given ones; join before shutdown is an error")
    void shutdownAndJoin() {
        Pool pool = new Pool(2);
        assertThatThrownBy(pool::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("call shutdown()");
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.applyAsync(PoolTest::slow, 50));
        }
        pool.shutdown();
        assertThatThrownBy(() -> pool.applyAsync(PoolTest::square, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after shutdown(): a pool takes no new tasks");
        List<Process> workers = pool.workers();
        pool.join();
        assertThat(results).allSatisfy(r -> assertThat(r.ready()).isTrue());
        assertThat(workers).allSatisfy(w -> assertThat(w.isAlive()).isFalse());
    }

    @Test
    @DisplayName("terminate is prompt with 10,000 tasks queued; their results fail with Terminated")
    void terminateIsPrompt() {
        Pool pool = new Pool(2);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            results.add(pool.applyAsync(PoolTest::slow, 100));
        }
        long start = System.nanoTime();
        pool.terminate();
        pool.join();
        assertThat(System.nanoTime() - start).as("nanoseconds to terminate").isLessThan(10_000_000_000L);
        assertThatThrownBy(() -> results.get(9_999).get(Duration.ofSeconds(5))).isInstanceOf(Pool.Terminated.class);
        assertThat(pool.workers()).allSatisfy(w -> assertThat(w.isAlive()).isFalse());
    }

    @Test
    @DisplayName("the initializer runs once in each worker; maxTasksPerChild replaces workers after that many tasks")
    void initializerAndMaxTasks() throws Exception {
        String folder = dir.toString();
        try (Pool pool = new Pool(2, () -> markStart(folder), 3)) {
            List<Long> pids = pool.map(PoolTest::pid, IntStream.range(0, 12).boxed().toList(), 1);
            Map<Long, Long> tasksPerPid = new java.util.HashMap<>();
            pids.forEach(p -> tasksPerPid.merge(p, 1L, Long::sum));
            assertThat(tasksPerPid.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
            assertThat(tasksPerPid).hasSizeGreaterThanOrEqualTo(4);
            try (var files = Files.list(dir)) {
                assertThat(files.count()).as("initializer runs: one per worker started").isGreaterThanOrEqualTo(tasksPerPid.size());
            }
        }
    }
}
