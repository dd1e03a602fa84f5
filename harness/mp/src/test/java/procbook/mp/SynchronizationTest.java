package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Lock, RLock, Semaphore, Event, Condition, Barrier across processes")
class SynchronizationTest {
    @TempDir
    Path dir;


    /** Read, pause, write: without the lock, increments get lost. */
    static void incrementUnderLock(Lock lock, String file, Integer times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (Held held = lock.hold()) {
                int n = Integer.parseInt(Files.readString(Path.of(file)));
                Thread.onSpinWait();
                Files.writeString(Path.of(file), Integer.toString(n + 1));
            }
        }
    }

    static void waitThenWrite(Event go, String file) throws Exception {
        go.await();
        Files.writeString(Path.of(file), "went");
    }

    static void awaitSignal(Condition c, Event waiting, String file) throws Exception {
        try (Held held = c.hold()) {
            waiting.set();
            boolean signalled = c.await(Duration.ofSeconds(30));
            Files.writeString(Path.of(file), "signalled=" + signalled + " holds=" + (c.toString().contains("held by pid " + ProcessHandle.current().pid())));
        }
    }

    static void meet(Barrier b, String file) throws Exception {
        int index = b.await(Duration.ofSeconds(30));
        Files.writeString(Path.of(file), Integer.toString(index));
    }

    static void countAction(String file) throws Exception {
        Files.writeString(Path.of(file), "x", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    @DisplayName("Lock: four processes incrementing a file under the lock lose no increment")
    void lockMutualExclusion() throws Exception {
        Path counter = dir.resolve("counter");
        Files.writeString(counter, "0");
        Lock lock = new Lock("counter");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Process p = new Process(SynchronizationTest::incrementUnderLock, lock, counter.toString(), 100);
            p.start();
            ps.add(p);
        }
        ps.forEach(Process::join);
        assertThat(ps).allSatisfy(p -> assertThat(p.exitCode()).hasValue(0));
        assertThat(Files.readString(counter)).isEqualTo("400");
    }

    @Test
    @DisplayName("Lock: acquire with a timeout gives up after it; release by a process not holding it is an error")
    void lockTimeoutAndOwner() {
        Lock lock = new Lock("mine");
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("called release() on lock 'mine' but nobody holds it");
        lock.acquire();
        assertThat(lock.tryAcquire()).isFalse();
        long start = System.nanoTime();
        assertThat(lock.acquire(Duration.ofMillis(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
        lock.release();
        assertThat(lock.tryAcquire()).isTrue();
        lock.release();
        assertThatThrownBy(() -> new Lock("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a name must be one word");
    }

    @Test
    @DisplayName("RLock: the holder re-enters and must release as often")
    void rlock() {
        RLock lock = new RLock("again");
        lock.acquire();
        lock.acquire();
        assertThat(lock.holdCount()).isEqualTo(2);
        lock.release();
        assertThat(lock.toString()).contains("held by pid " + ProcessHandle.current().pid());
        lock.release();
        assertThat(lock.holdCount()).isZero();
        assertThatThrownBy(lock::release).hasMessageContaining("nobody holds it");
    }

    @Test
    @DisplayName("Semaphore may be released beyond its initial value; BoundedSemaphore refuses")
    void semaphores() {
        Semaphore s = new Semaphore(1, "free");
        s.release();
        assertThat(s.value()).isEqualTo(2);
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
        assertThat(s.acquire(Duration.ofMillis(50))).isFalse();
        BoundedSemaphore b = new BoundedSemaphore(2, "bounded");
        try (Held held = b.hold()) {
            assertThat(b.value()).isEqualTo(1);
        }
        assertThatThrownBy(b::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released bounded semaphore 'bounded' more times than it was acquired");
        assertThatThrownBy(() -> new Semaphore(-1)).hasMessageContaining("the initial value must be 0 or more");
    }

    @Test
    @DisplayName("Event: a child waits until the parent sets it; await(timeout) returns false when the time runs out")
    void event() throws Exception {
        Event go = new Event("go");
        assertThat(go.await(Duration.ofMillis(50))).isFalse();
        Path out = dir.resolve("went");
        Process child = new Process(SynchronizationTest::waitThenWrite, go, out.toString());
        child.start();
        assertThat(child.join(Duration.ofMillis(300))).isFalse();
        go.set();
        child.join();
        assertThat(Files.readString(out)).isEqualTo("went");
        go.clear();
        assertThat(go.isSet()).isFalse();
    }

    static void holdUntil(Lock lock, Event holding, Event done) {
        try (Held held = lock.hold()) {
            holding.set();
            done.await(Duration.ofSeconds(60));
        }
    }

    @Test
    @DisplayName("Lock.locked() says whether any process holds the lock, as Python's locked()")
    void locked() {
        // GIVEN a free lock
        Lock lock = new Lock("door");
        assertThat(lock.locked()).as("a new lock").isFalse();
        // WHEN a child holds it, THEN it is locked for us too
        Event holding = new Event();
        Event done = new Event();
        Process child = new Process(SynchronizationTest::holdUntil, lock, holding, done);
        child.start();
        assertThat(holding.await(Duration.ofSeconds(30))).isTrue();
        assertThat(lock.locked()).as("while a child holds it").isTrue();
        // WHEN it lets go, THEN it is free again
        done.set();
        child.join();
        assertThat(lock.locked()).as("after the child released it").isFalse();
    }

    static void awaitForever(Condition c, Event waiting) {
        try (Held held = c.hold()) {
            waiting.set();
            c.await(); // releases the lock only once it counts as a sleeper
        }
    }

    static void awaitAndRecord(Condition c, Event waiting, Queue<String> woken, String who) {
        try (Held held = c.hold()) {
            waiting.set();
            if (c.await(Duration.ofSeconds(30))) {
                woken.put(who);
            }
        }
    }

    @Test
    @DisplayName("Condition: a waiter killed inside await() is not a sleeper — a later signal with nobody waiting is lost, as in Python")
    void killedWaiterIsNotASleeper() {
        // GIVEN a child waiting inside await(): we get the lock only once it has let go of it there
        Condition c = new Condition(new RLock(), "ready");
        Event waiting = new Event();
        Process child = new Process(SynchronizationTest::awaitForever, c, waiting);
        child.start();
        assertThat(waiting.await(Duration.ofSeconds(30))).isTrue();
        try (Held held = c.hold()) {
            // WHEN it is killed there, and we signal with nobody alive waiting
            child.kill();
            child.join();
            c.signal();
            // THEN that signal was not banked for the next waiter
            assertThat(c.await(Duration.ofMillis(500))).as("await after a signal nobody was waiting for").isFalse();
        }
    }

    @Test
    @DisplayName("Condition: signal() wakes the waiter that came first")
    void signalWakesTheOldestWaiter() {
        // GIVEN two children waiting, the first one first
        Condition c = new Condition(new RLock(), "turns");
        Queue<String> woken = new Queue<>();
        Event firstWaiting = new Event();
        Process first = new Process(SynchronizationTest::awaitAndRecord, c, firstWaiting, woken, "first");
        first.start();
        assertThat(firstWaiting.await(Duration.ofSeconds(30))).isTrue();
        c.acquire(); // granted once the first child waits inside await()
        Event secondWaiting = new Event();
        Process second = new Process(SynchronizationTest::awaitAndRecord, c, secondWaiting, woken, "second");
        second.start();
        c.release();
        assertThat(secondWaiting.await(Duration.ofSeconds(30))).isTrue();
        // WHEN we signal one, then the other
        try (Held held = c.hold()) {
            c.signal();
        }
        String firstWoken = woken.get(Duration.ofSeconds(30));
        try (Held held = c.hold()) {
            c.signal();
        }
        first.join();
        second.join();
        // THEN the first to wait was the first woken
        assertThat(firstWoken).isEqualTo("first");
        assertThat(woken.get(Duration.ofSeconds(30))).isEqualTo("second");
    }

    @Test
    @DisplayName("Condition: a child awaits, the parent signals, and the child holds the lock again")
    void condition() throws Exception {
        Condition c = new Condition();
        assertThatThrownBy(c::await).isInstanceOf(IllegalStateException.class).hasMessageContaining("without holding its lock");
        Event waiting = new Event();
        Path out = dir.resolve("cond");
        Process child = new Process(SynchronizationTest::awaitSignal, c, waiting, out.toString());
        child.start();
        assertThat(waiting.await(Duration.ofSeconds(30))).isTrue();
        try (Held held = c.hold()) { // the child has released the lock inside await
            c.signal();
        }
        child.join();
        assertThat(Files.readString(out)).isEqualTo("signalled=true holds=true");
        try (Held held = c.hold()) {
            assertThat(c.await(Duration.ofMillis(50))).isFalse();
            assertThat(c.waitFor(() -> true, Duration.ZERO)).isTrue();
        }
    }

    @Test
    @DisplayName("Barrier: three processes meet, the action runs once per round; a timeout breaks it, reset mends it")
    void barrier() throws Exception {
        Path actions = dir.resolve("actions");
        String actionsFile = actions.toString(); // a Path is not serializable; its name is
        Barrier b = new Barrier(3, () -> countAction(actionsFile), null, "meet");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = new Process(SynchronizationTest::meet, b, dir.resolve("p" + i).toString());
            p.start();
            ps.add(p);
        }
        int mine = b.await(Duration.ofSeconds(30));
        ps.forEach(Process::join);
        List<Integer> indexes = new ArrayList<>(List.of(mine));
        for (int i = 0; i < 2; i++) {
            indexes.add(Integer.parseInt(Files.readString(dir.resolve("p" + i))));
        }
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(Files.readString(actions)).isEqualTo("x");
        assertThatThrownBy(() -> b.await(Duration.ofMillis(100))).isInstanceOf(Barrier.Broken.class)
                .hasMessageContaining("only 1 of 3 parties had arrived");
        assertThat(b.isBroken()).isTrue();
        assertThatThrownBy(b::await).isInstanceOf(Barrier.Broken.class).hasMessageContaining("broken before");
        b.reset();
        assertThat(b.isBroken()).isFalse();
        assertThat(b.waiting()).isZero();
        b.abort();
        assertThat(b.isBroken()).isTrue();
    }
}
