package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Python's rule: a semaphore's permits are nobody's. Any process may release, and a process that
 * took permits and ended normally did nothing wrong — that is how a producer works with a consumer.
 * mp's one addition (permits of a holder killed outright come back) must never hand out a permit
 * twice.
 */
@ExtendWith(NoChildLeftBehind.class)
@DisplayName("Semaphore permits are nobody's, as in Python")
class SemaphorePermitsTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    static void take(Semaphore s) {
        s.acquire();
    }

    static void releaseLater(Semaphore s, Integer millis) throws InterruptedException {
        Thread.sleep(millis);
        s.release();
    }

    static void produce(Semaphore places, Semaphore items, Queue<Integer> buffer, Integer from, Integer to) {
        for (int i = from; i < to; i++) {
            places.acquire();
            buffer.put(i);
            items.release();
        }
    }

    static void consume(Semaphore places, Semaphore items, Queue<Integer> buffer, Queue<Integer> eaten, Integer count) {
        for (int i = 0; i < count; i++) {
            items.acquire();
            Integer item = buffer.get();
            places.release();
            eaten.put(item);
        }
    }

    static void holdForever(Semaphore s, Integer permits, Event holding) throws InterruptedException {
        for (int i = 0; i < permits; i++) {
            s.acquire();
        }
        holding.set();
        Thread.sleep(600_000);
    }

    static void release(Semaphore s, Integer times) {
        for (int i = 0; i < times; i++) {
            s.release();
        }
    }

    @Test
    @DisplayName("a waiter waits while the permits' takers have ended normally, and gets in when another process releases")
    void takersThatEndedDoNotFailAWaiter() {
        // GIVEN a room of two whose two permits were taken by processes that then ended normally
        Semaphore room = new Semaphore(2, "room");
        for (int i = 0; i < 2; i++) {
            Process taker = new Process(SemaphorePermitsTest::take, room);
            taker.start();
            taker.join();
            assertThat(taker.exitCode()).hasValue(0);
        }
        // WHEN another process releases one, 1.5 s after we start waiting
        Process releaser = new Process(SemaphorePermitsTest::releaseLater, room, 1500);
        releaser.start();

        // THEN our wait ends with the permit, as Python's would — not with an error
        assertThat(room.acquire(BOUND)).as("acquire while another process could still release").isTrue();
        releaser.join();
    }

    @Test
    @DisplayName("bounded buffer across processes: a second producer waits for places taken by the first, which ended")
    void boundedBufferWithProducersInTurn() {
        // GIVEN a buffer of two places, filled by a producer that then ended normally
        Semaphore places = new Semaphore(2, "places");
        Semaphore items = new Semaphore(0, "items");
        Queue<Integer> buffer = new Queue<>();
        Process first = new Process(() -> produce(places, items, buffer, 0, 2));
        first.start();
        first.join();
        assertThat(places.value()).as("places left after the first producer").isZero();

        // WHEN a second producer wants four more places, and only then a consumer starts eating six items
        Process second = new Process(() -> produce(places, items, buffer, 2, 6));
        second.start();
        Queue<Integer> eaten = new Queue<>();
        Process consumer = new Process(() -> consume(places, items, buffer, eaten, 6));
        consumer.start();
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(eaten.get(BOUND));
        }
        second.join(BOUND);
        consumer.join(BOUND);

        // THEN every item went through in order, and both ended normally
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(second.exitCode()).as("the second producer's exit code").hasValue(0);
        assertThat(consumer.exitCode()).as("the consumer's exit code").hasValue(0);
        assertThat(places.value()).as("places free at the end").isEqualTo(2);
    }

    @Test
    @DisplayName("permits released by another process are not given back again when their taker is killed")
    void releasedPermitsAreNotGivenBackTwice() {
        // GIVEN a holder of both permits of a room of two, and another process that released two
        Semaphore room = new Semaphore(2, "room");
        Event holding = new Event();
        Process holder = new Process(SemaphorePermitsTest::holdForever, room, 2, holding);
        holder.start();
        assertThat(holding.await(BOUND)).isTrue();
        Process other = new Process(SemaphorePermitsTest::release, room, 2);
        other.start();
        other.join();
        assertThat(room.value()).isEqualTo(2);
        // ... and we took those two
        assertThat(room.acquire(BOUND)).isTrue();
        assertThat(room.acquire(BOUND)).isTrue();

        // WHEN the first holder is killed outright
        holder.kill();
        holder.join();

        // THEN nobody is given a third permit: the two out are ours
        assertThat(room.acquire(Duration.ofMillis(500))).as("a permit beyond the two we hold").isFalse();
        assertThat(room.value()).isZero();
    }
}
