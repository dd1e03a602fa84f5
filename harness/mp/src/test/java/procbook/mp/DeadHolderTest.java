package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * mp's promise beyond Python (gh-88304): a process killed while holding a lock or a permit never
 * leaves the others waiting forever. Each holder here is killed with SIGKILL: no handler, no
 * finally block, no shutdown hook runs.
 */
@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("A holder killed with SIGKILL blocks nobody")
class DeadHolderTest {
    private static final Duration BOUND = Duration.ofSeconds(10);


    static void holdLockForever(Lock lock, Event holding) throws InterruptedException {
        lock.acquire();
        holding.set();
        Thread.sleep(600_000);
    }

    static void holdPermitForever(Semaphore s, Event holding) throws InterruptedException {
        s.acquire();
        holding.set();
        Thread.sleep(600_000);
    }

    static void holdRLockTwice(RLock lock, Event holding) throws InterruptedException {
        lock.acquire();
        lock.acquire();
        holding.set();
        Thread.sleep(600_000);
    }

    static void acquireAndEnd(Lock lock) {
        lock.acquire(); // and forget to release it: a bug
    }

    @Test
    @DisplayName("Lock: a holder that ended normally without releasing makes waiters fail, naming it — not wait forever")
    void lockLeftBehind() {
        Lock lock = new Lock("forgotten");
        Process p = new Process(DeadHolderTest::acquireAndEnd, lock);
        p.start();
        p.join();
        assertThatThrownBy(() -> lock.acquire(BOUND)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("lock 'forgotten' is held by pid " + p.pid() + ", which ended without releasing it");
    }

    @Test
    @DisplayName("Lock: the next waiter takes over a killed holder's lock")
    void lock() {
        // GIVEN a child holding the lock
        Lock lock = new Lock("abandoned");
        Event holding = new Event();
        Process holder = new Process(DeadHolderTest::holdLockForever, lock, holding);
        holder.start();
        assertThat(holding.await(BOUND)).isTrue();
        assertThat(lock.tryAcquire()).isFalse();
        // WHEN it is killed outright
        holder.kill();
        holder.join();
        // THEN a waiter gets the lock within a bounded time
        assertThat(lock.acquire(BOUND)).as("acquire after the holder was SIGKILLed").isTrue();
        lock.release();
    }

    @Test
    @DisplayName("RLock: the same, whatever the killed holder's count")
    void rlock() {
        RLock lock = new RLock("abandoned-r");
        Event holding = new Event();
        Process holder = new Process(DeadHolderTest::holdRLockTwice, lock, holding);
        holder.start();
        assertThat(holding.await(BOUND)).isTrue();
        holder.kill();
        holder.join();
        assertThat(lock.acquire(BOUND)).isTrue();
        assertThat(lock.holdCount()).isEqualTo(1);
        lock.release();
        assertThat(lock.holdCount()).isZero();
    }

    @Test
    @DisplayName("Semaphore: a killed holder's permit returns to the waiters")
    void semaphore() {
        Semaphore room = new Semaphore(2, "room");
        Event holding = new Event();
        Process holder = new Process(DeadHolderTest::holdPermitForever, room, holding);
        holder.start();
        assertThat(holding.await(BOUND)).isTrue();
        room.acquire(); // the second permit
        holder.kill();
        holder.join();
        assertThat(room.acquire(BOUND)).as("a permit after its holder was SIGKILLed").isTrue();
    }

    @Test
    @DisplayName("Semaphore used as a signal (from 0): a killed consumer's signal is not handed out again")
    void signalSemaphore() {
        Semaphore signals = new Semaphore(0, "signals");
        signals.release(); // one signal, sent by us
        Event holding = new Event();
        Process consumer = new Process(DeadHolderTest::holdPermitForever, signals, holding);
        consumer.start();
        assertThat(holding.await(BOUND)).isTrue();
        consumer.kill();
        consumer.join();
        assertThat(signals.acquire(Duration.ofMillis(300))).as("no phantom signal").isFalse();
    }
}
