package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
@DisplayName("Manager: shared objects in a server process, reached through proxies")
class ManagerTest {
    static void putThrough(QueueProxy<String> q, String text) {
        q.put(text);
    }

    static int writeUnderLock(QueueProxy<String> q, LockProxy lock) {
        try (Held held = lock.hold()) {
            for (String s : List.of("A", "B", "C")) {
                q.put(s);
            }
        }
        return 3;
    }

    static int useConnected(Manager.Address address) {
        Manager m = Manager.connect(address);
        ValueProxy<Integer> v = m.value(41);
        return v.get() + 1;
    }

    static void holdForever(LockProxy lock, EventProxy holding) throws InterruptedException {
        lock.acquire();
        holding.set();
        Thread.sleep(600_000);
    }

    static void startManagerAndWait(Queue<Long> pids) throws InterruptedException {
        Manager m = Manager.start();
        pids.put(m.process().pid());
        Thread.sleep(600_000);
    }

    static int usePlainQueue(Queue<String> q) {
        return 0;
    }

    @Test
    @DisplayName("a queue proxy carries items between processes; the object's exceptions keep their type")
    void queueProxy() {
        try (Manager manager = Manager.start()) {
            QueueProxy<String> q = manager.queue();
            Process child = new Process(ManagerTest::putThrough, q, "hello via the manager");
            child.start();
            child.join();
            assertThat(q.get(Duration.ofSeconds(10))).isEqualTo("hello via the manager");
            assertThatThrownBy(() -> q.get(Duration.ofMillis(50))).isInstanceOf(Queue.Empty.class);
            QueueProxy<Integer> small = manager.queue(1);
            small.put(1);
            assertThatThrownBy(() -> small.putNowait(2)).isInstanceOf(Queue.Full.class);
        }
    }

    @Test
    @DisplayName("proxies go to pool tasks: a writer under the manager's lock, then the items, each once")
    void proxiesInPoolTasks() {
        try (Manager manager = Manager.start(); Pool pool = new Pool(2)) {
            QueueProxy<String> q = manager.queue();
            LockProxy lock = manager.lock();
            Pool.Fn<QueueProxy<String>, Integer> writer = w -> writeUnderLock(w, lock); // the lock proxy travels inside the function
            int written = pool.apply(writer, q);
            assertThat(written).isEqualTo(3);
            assertThat(List.of(q.get(), q.get(), q.get())).containsExactly("A", "B", "C");
            assertThat(q.empty()).isTrue();
        }
    }

    @Test
    @DisplayName("a plain Queue given to a pool task fails at submission, saying to use a manager")
    void plainQueueToPoolTask() {
        try (Pool pool = new Pool(1)) {
            Queue<String> plain = new Queue<>();
            assertThatThrownBy(() -> pool.applyAsync(ManagerTest::usePlainQueue, plain))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a Queue cannot go to a pool task")
                    .hasMessageContaining("should only be shared between processes through inheritance")
                    .hasMessageContaining("manager.queue()");
        }
    }

    @Test
    @DisplayName("dict, list and value; another process can connect by address")
    void collectionsAndConnect() {
        try (Manager manager = Manager.start()) {
            MapProxy<String, Integer> map = manager.dict();
            map.put("a", 1);
            map.put("b", null);
            assertThat(map.copy()).containsEntry("a", 1).containsEntry("b", null);
            assertThat(map.getOrDefault("c", 7)).isEqualTo(7);
            ListProxy<String> list = manager.list();
            list.append("x");
            list.append("y");
            assertThat(list.copy()).containsExactly("x", "y");
            assertThatThrownBy(() -> list.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
            try (Pool pool = new Pool(1)) {
                assertThat(pool.apply(ManagerTest::useConnected, manager.address())).isEqualTo(42);
            }
            EventProxy e = manager.event();
            assertThat(e.await(Duration.ofMillis(20))).isFalse();
            e.set();
            assertThat(e.isSet()).isTrue();
            SemaphoreProxy s = manager.boundedSemaphore(1);
            assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("more times than it was acquired");
        }
    }

    @Test
    @DisplayName("shutdown is idempotent; afterwards every proxy call fails with Gone, naming the manager")
    void shutdown() {
        Manager manager = Manager.start();
        QueueProxy<String> q = manager.queue();
        manager.shutdown();
        manager.shutdown();
        assertThat(manager.process().isAlive()).isFalse();
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(Manager.Gone.class).hasMessageContaining("Manager-");
    }

    @Test
    @DisplayName("a manager killed with SIGKILL: every call fails with the one clear error, even a call already waiting")
    void managerKilled() throws Exception {
        Manager manager = Manager.start();
        QueueProxy<String> q = manager.queue();
        Thread killer = new Thread(() -> {
            PipeTest.sleepQuietly(300);
            manager.process().kill();
        });
        killer.start();
        assertThatThrownBy(q::get).isInstanceOf(Manager.Gone.class)
                .hasMessageContaining(manager.address().name()).hasMessageContaining("is gone");
        killer.join();
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(Manager.Gone.class);
        assertThatThrownBy(() -> manager.lock()).isInstanceOf(Manager.Gone.class);
        manager.shutdown();
        assertThat(Path.of(manager.address().socket())).as("the killed manager's socket, after shutdown()").doesNotExist();
    }

    @Test
    @DisplayName("a process killed while holding a manager's lock: the manager gives the lock back")
    void holderKilled() {
        try (Manager manager = Manager.start()) {
            LockProxy lock = manager.lock();
            EventProxy holding = manager.event();
            Process holder = new Process(ManagerTest::holdForever, lock, holding);
            holder.start();
            assertThat(holding.await(Duration.ofSeconds(30))).isTrue();
            assertThat(lock.tryAcquire()).isFalse();
            holder.kill();
            holder.join();
            assertThat(lock.acquire(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    @DisplayName("the manager ends when its parent ends, even a parent killed with SIGKILL")
    void managerEndsWithItsParent() {
        Queue<Long> pids = new Queue<>();
        Process parent = new Process(ManagerTest::startManagerAndWait, pids);
        parent.start();
        long managerPid = pids.get(Duration.ofSeconds(60));
        assertThat(Liveness.isAlive(managerPid)).isTrue();
        parent.kill();
        Awaitility.await("the manager (pid " + managerPid + ") to end after its parent was killed")
                .atMost(Duration.ofSeconds(20)).until(() -> !Liveness.isAlive(managerPid));
    }

    @Test
    @DisplayName("a condition and a barrier through the manager")
    void conditionAndBarrier() {
        try (Manager manager = Manager.start()) {
            ConditionProxy c = manager.condition();
            assertThatThrownBy(() -> c.await(Duration.ofMillis(10))).hasMessageContaining("without holding its lock");
            try (Held held = c.hold()) {
                assertThat(c.await(Duration.ofMillis(20))).isFalse();
                c.signalAll();
            }
            BarrierProxy b = manager.barrier(1);
            assertThat(b.await()).isZero();
            assertThat(b.parties()).isEqualTo(1);
            Map<String, Integer> none = manager.<String, Integer>dict().copy();
            assertThat(none).isEmpty();
        }
    }
}
