package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Queue: items between processes")
class QueueTest {

    static void greet(Queue<String> q) {
        q.put("hello from a child");
    }

    static void produce(Queue<List<Object>> q, Integer producer, Integer count) {
        for (int i = 0; i < count; i++) {
            q.put(List.of(producer, i, BigInteger.valueOf(producer).pow(producer).toString()));
        }
    }

    static void fill(Queue<Integer> q, Integer count) {
        for (int i = 0; i < count; i++) {
            q.put(i);
        }
    }

    static void work(JoinableQueue<Integer> q, Integer count) {
        for (int i = 0; i < count; i++) {
            q.get();
            q.taskDone();
        }
    }

    @Test
    @DisplayName("a child's item reaches the parent, even though the child ended right after put")
    void greeting() {
        Queue<String> q = new Queue<>();
        Process child = new Process(QueueTest::greet, q);
        child.start();
        child.join(); // the child is gone before anybody reads
        assertThat(q.get(Duration.ofSeconds(10))).isEqualTo("hello from a child");
    }

    /** Puts numbered lines of 100 characters: {@code count} of them make {@code count} × ~110 bytes waiting. */
    static void putLines(Queue<String> q, Integer count) {
        for (int i = 0; i < count; i++) {
            q.put(String.format("%08d", i) + "x".repeat(92));
        }
    }

    @Test
    @DisplayName("an unbounded queue never blocks put: 9 MiB of small items wait, the producer ends, then all are read in order")
    void unboundedIsUnbounded() {
        // GIVEN an unbounded queue and a producer putting 85,000 lines of 100 characters (over twice the ring)
        Queue<String> q = new Queue<>(0, "lines");
        int count = 85_000;
        Process producer = new Process(QueueTest::putLines, q, count);
        // WHEN it runs, and we join it before reading anything (Python's join-before-drain)
        producer.start();
        boolean ended = producer.join(Duration.ofSeconds(60));
        // THEN it ended, never blocked, and every line comes out once, in order
        assertThat(ended).as("the producer ended without anyone reading: put never waited").isTrue();
        assertThat(producer.exitCode()).hasValue(0);
        assertThat(q.qsize()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            String line = q.get(Duration.ofSeconds(10));
            if (!line.startsWith(String.format("%08d", i))) {
                throw new AssertionError("item " + i + " came out as " + line.substring(0, 8) + ": the order was lost");
            }
        }
        assertThat(q.empty()).isTrue();
    }

    @Test
    @DisplayName("ten producers: nothing lost, nothing duplicated, each producer's items in its order")
    void tenProducers() {
        // GIVEN ten producers putting 300 items each into a small queue
        Queue<List<Object>> q = new Queue<>(50, "pairs");
        List<Process> producers = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            Process producer = new Process(QueueTest::produce, q, p, 300);
            producer.start();
            producers.add(producer);
        }
        // WHEN the parent takes 3000 items
        Map<Integer, List<Integer>> seen = new HashMap<>();
        for (int n = 0; n < 3000; n++) {
            List<Object> item = q.get(Duration.ofSeconds(30));
            int producer = (Integer) item.get(0);
            seen.computeIfAbsent(producer, k -> new ArrayList<>()).add((Integer) item.get(1));
            assertThat(item.get(2)).isEqualTo(BigInteger.valueOf(producer).pow(producer).toString());
        }
        producers.forEach(Process::join);
        // THEN each producer's items came once each, in its order, and nothing is left
        assertThat(seen).hasSize(10);
        for (List<Integer> items : seen.values()) {
            assertThat(items).hasSize(300).isSorted().doesNotHaveDuplicates();
        }
        assertThat(q.empty()).isTrue();
    }

    @Test
    @DisplayName("Full and Empty come after the timeout, never before it, and at once without waiting")
    void fullAndEmpty() {
        Queue<Integer> q = new Queue<>(2, "small");
        q.put(1);
        q.putNowait(2);
        assertThat(q.full()).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.put(3, Duration.ofMillis(200))).isInstanceOf(Queue.Full.class)
                .hasMessage("queue 'small' is full (2 items): put gave up after PT0.2S");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
        assertThatThrownBy(() -> q.putNowait(3)).isInstanceOf(Queue.Full.class);
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.getNowait()).isEqualTo(2);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.get(Duration.ofMillis(200))).isInstanceOf(Queue.Empty.class)
                .hasMessage("queue 'small' is empty: get gave up after PT0.2S");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
        assertThatThrownBy(q::getNowait).isInstanceOf(Queue.Empty.class);
    }

    @Test
    @DisplayName("a producer blocks on a full queue until a consumer makes room")
    void producerBlocksWhenFull() {
        Queue<Integer> q = new Queue<>(5);
        Process producer = new Process(QueueTest::fill, q, 20);
        producer.start();
        assertThat(producer.join(Duration.ofMillis(500))).isFalse(); // 15 items cannot fit yet
        for (int i = 0; i < 20; i++) {
            assertThat(q.get(Duration.ofSeconds(10))).isEqualTo(i);
        }
        producer.join();
    }

    @Test
    @DisplayName("an item that cannot be serialized fails at put, in the caller, naming what it was")
    void unserializable() {
        Queue<Object> q = new Queue<>(0, "things");
        assertThatThrownBy(() -> q.put(List.of(new Socket())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot put on queue 'things': a java.net.Socket is not serializable");
        assertThat(q.empty()).isTrue();
    }

    @Test
    @DisplayName("after close, put and get fail clearly in this process")
    void closed() {
        Queue<Integer> q = new Queue<>(0, "shut");
        q.close();
        assertThatThrownBy(() -> q.put(1)).hasMessage("put() on queue 'shut' after this process closed it");
        assertThatThrownBy(q::get).hasMessage("get() on queue 'shut' after this process closed it");
    }

    @Test
    @DisplayName("items larger than the ring's share travel through a file of their own")
    void largeItems() {
        Queue<byte[]> q = new Queue<>();
        byte[] big = new byte[3 * 1024 * 1024];
        big[big.length - 1] = 9;
        q.put(big);
        q.put(new byte[] {1});
        assertThat(q.get()).hasSize(big.length).endsWith(9);
        assertThat(q.get()).containsExactly(1);
    }

    @Test
    @DisplayName("JoinableQueue: join waits for every taskDone; one taskDone too many is an error")
    void joinable() {
        JoinableQueue<Integer> q = new JoinableQueue<>(0, "jobs");
        for (int i = 0; i < 10; i++) {
            q.put(i);
        }
        assertThat(q.join(Duration.ofMillis(100))).isFalse();
        Process worker = new Process(QueueTest::work, q, 10);
        worker.start();
        assertThat(q.join(Duration.ofSeconds(30))).isTrue();
        worker.join();
        assertThat(worker.exitCode()).hasValue(0);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more times than items were put");
    }
}
