package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoChildLeftBehind.class)
@DisplayName("Manager: what a client that leaves still holds is given back, and nothing more")
class ManagerGiveBackTest {
    /** Acquires {@code times} times, says so, and keeps its connection until told to end (or killed). */
    static void takeAndWait(AcquirableProxy lock, Integer times, EventProxy taken, EventProxy end) {
        for (int i = 0; i < times; i++) {
            lock.acquire();
        }
        taken.set();
        end.await(Duration.ofSeconds(120));
    }

    static void waitForASignal(SemaphoreProxy signals) {
        signals.acquire();
    }

    /** A child that takes {@code times} acquisitions and keeps them until {@code end} is set; started once it holds them. */
    private static Process holding(Manager manager, AcquirableProxy lock, int times, EventProxy end) {
        EventProxy taken = manager.event();
        Process p = new Process(ManagerGiveBackTest::takeAndWait, lock, times, taken, end);
        p.start();
        assertThat(taken.await(Duration.ofSeconds(30))).as("%s took what it should hold", p.name()).isTrue();
        return p;
    }

    /** Tells the child {@code p} to end, and waits until the manager has dealt with its leaving. */
    private static void leave(Manager manager, Process p, EventProxy end) {
        end.set();
        p.join();
        awaitLeft(manager, p);
    }

    /** Waits until the manager has dealt with the end of {@code p}'s connection: what it held is given back by then. */
    private static void awaitLeft(Manager manager, Process p) {
        long pid = p.pid();
        Awaitility.await(p.name() + " (pid " + pid + ") to leave the manager").atMost(Duration.ofSeconds(20))
                .until(() -> !manager.clientPids().contains(pid));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Lock", "RLock", "Condition"})
    @DisplayName("a process killed while holding a manager's lock, and waiting in another call to the manager: the lock is given back")
    void lockHolderKilled(String kind) {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding the lock (an RLock twice), then waiting for an event of the manager
            AcquirableProxy lock = kind.equals("Lock") ? manager.lock() : kind.equals("RLock") ? manager.rLock() : manager.condition();
            Process holder = holding(manager, lock, kind.equals("RLock") ? 2 : 1, manager.event());
            assertThat(lock.acquire(Duration.ofMillis(100))).as("the %s, held by the child", kind).isFalse();
            // WHEN it is killed
            holder.kill();
            holder.join();
            // THEN the lock is free again
            assertThat(lock.acquire(Duration.ofSeconds(10))).as("the %s, after its holder was killed", kind).isTrue();
        }
    }

    @Test
    @DisplayName("a process killed while holding two permits of a semaphore(2): both come back")
    void permitHolderKilled() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding both permits
            SemaphoreProxy room = manager.semaphore(2);
            Process holder = holding(manager, room, 2, manager.event());
            assertThat(room.value()).isZero();
            // WHEN it is killed
            holder.kill();
            holder.join();
            awaitLeft(manager, holder);
            // THEN the semaphore is back at its initial value
            assertThat(room.value()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("no phantom permits: a lock taken by one process and released by another is not given back again when the taker leaves")
    void lockReleasedByAnotherIsNotGivenBackTwice() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding the manager's lock, which we release for it and then take ourselves
            LockProxy lock = manager.lock();
            EventProxy end = manager.event();
            Process taker = holding(manager, lock, 1, end);
            lock.release();
            assertThat(lock.acquire(Duration.ofSeconds(10))).isTrue();
            // WHEN the child leaves
            leave(manager, taker, end);
            // THEN we are still the only holder: nobody else can take it
            assertThat(lock.tryAcquire()).as("a second holder of the manager's lock").isFalse();
        }
    }

    @Test
    @DisplayName("no phantom permits: a semaphore(1) whose permit another process released stays at 1 when the taker leaves")
    void permitReleasedByAnotherIsNotGivenBackTwice() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child holding the one permit of a semaphore, which we release for it
            SemaphoreProxy room = manager.semaphore(1);
            EventProxy end = manager.event();
            Process taker = holding(manager, room, 1, end);
            room.release();
            // WHEN the child leaves
            leave(manager, taker, end);
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
            EventProxy end = manager.event();
            Process consumer = holding(manager, signals, 1, end);
            // WHEN the child leaves
            leave(manager, consumer, end);
            // THEN there is no signal for anyone else
            assertThat(signals.value()).as("signals nobody sent").isZero();
        }
    }

    @Test
    @DisplayName("a release by a process that holds nothing counts for the oldest taker: each taker leaving gives back only its own")
    void releaseByANonHolderCountsForTheOldestTaker() {
        try (Manager manager = Manager.start()) {
            // GIVEN a bounded semaphore(2) whose permits two children took, first A, then B; we release one
            SemaphoreProxy room = manager.boundedSemaphore(2);
            EventProxy endA = manager.event();
            EventProxy endB = manager.event();
            Process a = holding(manager, room, 1, endA);
            Process b = holding(manager, room, 1, endB);
            room.release();
            // WHEN A leaves, THEN nothing comes back: the release was A's
            leave(manager, a, endA);
            assertThat(room.value()).as("the value after A, whose permit we released, left").isEqualTo(1);
            // WHEN B leaves, THEN its own permit comes back, up to the initial value
            leave(manager, b, endB);
            assertThat(room.value()).as("the value after B left holding its permit").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a waiter killed while it waits for a signal takes none: the next signal is there for the living")
    void killedWaiterTakesNoSignal() {
        try (Manager manager = Manager.start()) {
            // GIVEN a child waiting in acquire() on a semaphore(0), then killed
            SemaphoreProxy signals = manager.semaphore(0);
            Process waiter = new Process(ManagerGiveBackTest::waitForASignal, signals);
            waiter.start();
            Awaitility.await("the child to wait in acquire()").atMost(Duration.ofSeconds(30))
                    .until(() -> (Integer) signals.call("waiting") == 1);
            waiter.kill();
            waiter.join();
            // WHEN we send a signal
            signals.release();
            awaitLeft(manager, waiter);
            // THEN the signal is still there
            assertThat(signals.value()).as("signals left for the living").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a condition's signal to a waiter that was killed goes to the next waiter")
    void signalOfAKilledWaiterPassesOn() throws Exception {
        try (Manager manager = Manager.start()) {
            // GIVEN two children waiting on a condition, the first then killed
            ConditionProxy condition = manager.condition();
            QueueProxy<String> woken = manager.queue();
            Process first = waitingOn(manager, condition, woken, 1);
            Process second = waitingOn(manager, condition, woken, 2);
            first.kill();
            first.join();
            awaitLeft(manager, first);
            // WHEN we signal once
            try (Held held = condition.hold()) {
                condition.signal();
            }
            // THEN the living waiter wakes
            assertThat(woken.get(Duration.ofSeconds(20))).isEqualTo(second.name());
            second.join();
        }
    }

    static void awaitSignal(ConditionProxy condition, QueueProxy<String> woken) {
        try (Held held = condition.hold()) {
            if (condition.await(Duration.ofSeconds(60))) {
                woken.put(Process.currentProcess().name());
            }
        }
    }

    /** A child waiting on {@code condition}: started once it is the {@code n}th waiter. */
    private static Process waitingOn(Manager manager, ConditionProxy condition, QueueProxy<String> woken, int n) {
        Process p = new Process(ManagerGiveBackTest::awaitSignal, condition, woken);
        p.start();
        Awaitility.await(p.name() + " to wait on the condition").atMost(Duration.ofSeconds(30))
                .until(() -> (Integer) condition.call("waiting") == n);
        return p;
    }
}
