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

    /** Acquires, says so, and keeps its connection until told to end: what another process released must not come back. */
    static void acquireAndWait(AcquirableProxy lock, EventProxy taken, EventProxy end) {
        lock.acquire();
        taken.set();
        end.await(Duration.ofSeconds(60));
    }

    static String namespaceFromAChild(NamespaceProxy ns) {
        ns.set("answer", 42);
        ns.delete("question");
        return ns.attributes().toString();
    }

    static String connectWithTheKey(String socket) {
        Manager m = Manager.connect(Path.of(socket), "open sesame");
        return m.address().name() + ":" + m.value("hello").get();
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

    @Test
    @DisplayName("no phantom permits: a lock taken by one process and released by another is not given back again when the taker leaves")
    void lockReleasedByAnotherIsNotGivenBackTwice() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding the manager's lock, which we release for it
            LockProxy lock = manager.lock();
            EventProxy taken = manager.event();
            EventProxy end = manager.event();
            Process taker = new Process(ManagerTest::acquireAndWait, lock, taken, end);
            taker.start();
            assertThat(taken.await(Duration.ofSeconds(30))).isTrue();
            lock.release();
            // WHEN the child leaves
            end.set();
            taker.join();
            // THEN the lock has one holder at most: we take it, and nobody else can
            assertThat(lock.acquire(Duration.ofSeconds(10))).isTrue();
            assertThat(lock.tryAcquire()).as("a second holder of the manager's lock").isFalse();
        }
    }

    @Test
    @DisplayName("no phantom permits: a semaphore(1) whose permit another process released stays at 1 when the taker leaves")
    void permitReleasedByAnotherIsNotGivenBackTwice() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding the one permit of a semaphore, which we release for it
            SemaphoreProxy room = manager.semaphore(1);
            EventProxy taken = manager.event();
            EventProxy end = manager.event();
            Process taker = new Process(ManagerTest::acquireAndWait, room, taken, end);
            taker.start();
            assertThat(taken.await(Duration.ofSeconds(30))).isTrue();
            room.release();
            // WHEN the child leaves
            end.set();
            taker.join();
            // THEN the value is 1, as if the child had released its permit itself
            assertThat(room.value()).as("the semaphore(1)'s value after the taker left").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("no phantom signals: a signal taken from a semaphore(0) does not come back when its taker leaves")
    void consumedSignalDoesNotComeBack() {
        try (Manager manager = Manager.start()) {
            // GIVEN a signal we sent, taken by a child
            SemaphoreProxy signals = manager.semaphore(0);
            signals.release();
            EventProxy taken = manager.event();
            EventProxy end = manager.event();
            Process consumer = new Process(ManagerTest::acquireAndWait, signals, taken, end);
            consumer.start();
            assertThat(taken.await(Duration.ofSeconds(30))).isTrue();
            // WHEN the child leaves
            end.set();
            consumer.join();
            // THEN there is no signal for anyone else
            assertThat(signals.value()).isZero();
            assertThat(signals.acquire(Duration.ofMillis(300))).as("a signal nobody sent").isFalse();
        }
    }

    @Test
    @DisplayName("a Namespace: attributes set in one process are read in another; a missing one is an error naming it, as Python's AttributeError")
    void namespace() {
        try (Manager manager = Manager.start(); Pool pool = new Pool(1)) {
            // GIVEN a namespace with one attribute
            NamespaceProxy ns = manager.namespace();
            ns.set("question", "six by nine");
            // WHEN a pool worker sets another and deletes ours
            String seen = pool.apply(ManagerTest::namespaceFromAChild, ns);
            // THEN both processes see the same attributes
            assertThat(seen).isEqualTo("{answer=42}");
            assertThat(ns.<Integer>get("answer")).isEqualTo(42);
            assertThat(ns.has("question")).isFalse();
            assertThatThrownBy(() -> ns.get("question")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the namespace has no attribute 'question' (it has answer)");
        }
    }

    @Test
    @DisplayName("a manager started on a chosen socket with a chosen key: another process connects with both; a wrong key is refused")
    void chosenAddressAndKey(@org.junit.jupiter.api.io.TempDir Path dir) {
        // GIVEN a manager on a socket and key of our choosing
        Path socket = dir.resolve("shop.sock");
        try (Manager manager = Manager.start(socket, "open sesame"); Pool pool = new Pool(1)) {
            assertThat(manager.address().socket()).isEqualTo(socket.toAbsolutePath().toString());
            // WHEN another process connects by path and key, THEN it works with the same manager
            String seen = pool.apply(ManagerTest::connectWithTheKey, socket.toString());
            assertThat(seen).isEqualTo(manager.address().name() + ":hello");
            // WHEN the key is wrong, THEN the manager refuses, and says what to do
            assertThatThrownBy(() -> Manager.connect(socket, "wrong")).isInstanceOf(Manager.AuthenticationError.class)
                    .hasMessageContaining("refused the connection: the key given is not the one it was started with");
        }
        assertThat(dir).as("the folder we chose, after the manager ended").isDirectory();
    }
}
