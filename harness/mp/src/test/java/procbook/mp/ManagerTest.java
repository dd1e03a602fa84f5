package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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

    static void startManagerAndWait(Queue<Long> pids) throws InterruptedException {
        Manager m = Manager.start();
        pids.put(m.process().pid());
        Thread.sleep(600_000);
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
    void chosenAddressAndKey(@TempDir Path dir) {
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

    @Test
    @DisplayName("a chosen socket is never taken by force: a file there, or a manager listening there, is refused, and both are left alone")
    void chosenSocketIsNotTakenByForce(@TempDir Path dir) throws IOException {
        // GIVEN a file at one path and a manager listening at another
        Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path socket = dir.resolve("shop.sock");
        try (Manager first = Manager.start(socket, "open sesame")) {
            // WHEN a manager is started on either path, THEN it is refused, saying why
            assertThatThrownBy(() -> Manager.start(notes, "open sesame")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("there is a file at that path, not a socket");
            assertThatThrownBy(() -> Manager.start(socket, "open sesame")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a manager already listens there");
            // AND the file and the first manager are as they were
            assertThat(notes).hasContent("keep me");
            assertThat(Manager.connect(socket, "open sesame").value("still here").get()).isEqualTo("still here");
        }
        // WHEN nothing listens at the path any more, THEN connecting says so
        assertThatThrownBy(() -> Manager.connect(socket, "open sesame")).isInstanceOf(Manager.Gone.class)
                .hasMessageStartingWith("no manager listens at " + socket.toAbsolutePath());
    }

    @Test
    @DisplayName("the socket a killed manager left on a chosen path does not stop a new manager from listening there")
    void staleSocketIsReplaced(@TempDir Path dir) {
        // GIVEN a manager on a chosen socket, killed: its socket file stays behind
        Path socket = dir.resolve("shop.sock");
        Manager killed = Manager.start(socket, "open sesame");
        killed.process().kill();
        killed.process().join();
        assertThat(socket).exists();
        // WHEN another manager starts on the same path, THEN it listens there
        try (Manager next = Manager.start(socket, "open sesame")) {
            assertThat(Manager.connect(socket, "open sesame").address().pid()).isEqualTo(next.process().pid());
        }
    }

    @Test
    @DisplayName("an argument that cannot travel fails its own call only: the next call on the same connection works")
    void unsendableArgumentLeavesTheConnectionClean() {
        try (Manager manager = Manager.start()) {
            // GIVEN a list proxy, WHEN a call's argument cannot be serialized
            ListProxy<Object> list = manager.list();
            assertThatThrownBy(() -> list.append(new Object())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot call append()");
            // THEN the next calls go through as if it had not been tried
            list.append("next");
            assertThat(list.copy()).containsExactly("next");
        }
    }
}
