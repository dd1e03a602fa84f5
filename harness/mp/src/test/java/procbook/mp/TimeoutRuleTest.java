package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * mp's one timeout rule, Python's: {@code null} is no limit, a negative timeout is zero — the call
 * looks once and returns. The same for every primitive that waits.
 */
@DisplayName("One timeout rule: null waits without a limit, negative means zero")
class TimeoutRuleTest {
    private static final Duration NEGATIVE = Duration.ofMillis(-5);
    /** Far more than any call here takes: only a call that waits without a limit would reach it. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    @DisplayName("a negative timeout looks once and gives up: Lock, RLock, Semaphore, Event, Queue, Connection, Barrier")
    void negativeIsZero() {
        assertTimeoutPreemptively(BOUND, () -> {
            // GIVEN a held lock, an empty semaphore, a clear event, an empty queue, a silent pipe
            Lock lock = new Lock();
            lock.acquire();
            Semaphore none = new Semaphore(0);
            Event event = new Event();
            Queue<String> queue = new Queue<>();
            Pipe pipe = Pipe.open();

            // WHEN each is waited on with a negative timeout, THEN each says "not now" at once, as with zero
            assertThat(lock.acquire(NEGATIVE)).as("acquire(-5 ms) of a held lock").isFalse();
            assertThat(none.acquire(NEGATIVE)).as("acquire(-5 ms) of a semaphore at 0").isFalse();
            assertThat(event.await(NEGATIVE)).as("await(-5 ms) of a clear event").isFalse();
            assertThatThrownBy(() -> queue.get(NEGATIVE)).isInstanceOf(Queue.Empty.class);
            assertThat(pipe.end1().poll(NEGATIVE)).as("poll(-5 ms) of a silent pipe").isFalse();
            lock.release();
        });
    }

    @Test
    @DisplayName("a null timeout waits without a limit: Lock.acquire(null) takes a free lock, Connection.poll(null) sees a value, Process.join(null) waits")
    void nullIsNoLimit() {
        assertTimeoutPreemptively(BOUND, () -> {
            Lock lock = new Lock();
            assertThat(lock.acquire(null)).as("acquire(null) of a free lock").isTrue();
            lock.release();

            Pipe pipe = Pipe.open();
            pipe.end2().send("hello");
            assertThat(pipe.end1().poll(null)).as("poll(null) with a value waiting").isTrue();

            Process child = new Process(() -> Thread.sleep(200));
            child.start();
            assertThat(child.join(null)).as("join(null): waits until the child ends").isTrue();
            assertThat(child.exitCode()).hasValue(0);
        });
    }
}
