package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(NoChildLeftBehind.class)
@DisplayName("Value and Array: numbers in shared memory, as Python's multiprocessing.Value and Array")
class SharedValueTest {

    static void addUnderLock(Value counter, Integer times) {
        for (int i = 0; i < times; i++) {
            try (Held held = counter.getLock().hold()) {
                counter.set(counter.getInt() + 1); // get and set take the lock again: it is re-entrant
            }
        }
    }

    static void holdThenWrite(Value v, Event holding, Event go) {
        try (Held held = v.getLock().hold()) {
            holding.set();
            go.await();
            v.set(1);
        }
    }

    static void write(Value v, Integer x) {
        v.set(x);
    }

    static void squareInto(Array a, Integer index) {
        a.set(index, index * index);
    }

    @Test
    @DisplayName("four processes adding 1 five hundred times each, holding getLock() around get and set, lose nothing")
    void noLostUpdateUnderTheLock() {
        // GIVEN a shared int at 0
        Value counter = new Value('i', 0);
        // WHEN four processes each add 1 five hundred times, under the value's lock
        List<Process> adders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Process p = new Process(SharedValueTest::addUnderLock, counter, 500);
            p.start();
            adders.add(p);
        }
        adders.forEach(Process::join);
        // THEN every addition counted
        assertThat(adders).allSatisfy(p -> assertThat(p.exitCode()).as("exit code of %s", p.name()).hasValue(0));
        assertThat(counter.get()).as("the counter after 4 × 500 additions").isEqualTo(2000);
    }

    @Test
    @DisplayName("while one process holds getLock(), another's set() waits for it, as in Python")
    void setWaitsForTheHolder() {
        // GIVEN a child holding the value's lock
        Value v = new Value('i', 0);
        Event holding = new Event("holding");
        Event go = new Event("go");
        Process holder = new Process(SharedValueTest::holdThenWrite, v, holding, go);
        holder.start();
        assertThat(holding.await(Duration.ofSeconds(60))).as("the holder took the lock").isTrue();
        // WHEN a second child sets the value meanwhile
        Process writer = new Process(SharedValueTest::write, v, 2);
        writer.start();
        // THEN it cannot finish while the lock is held; once the holder wrote 1 and let go, the 2 comes after
        assertThat(writer.join(Duration.ofMillis(300))).as("the writer ended while another process held the lock").isFalse();
        go.set();
        holder.join();
        writer.join();
        assertThat(v.getInt()).as("the value: the holder's 1, then the waiting writer's 2").isEqualTo(2);
    }

    @Test
    @DisplayName("an Array filled by ten processes, one slot each, reads back whole in main; a double Array keeps its values")
    void arrayAcrossProcesses() {
        // GIVEN ten ints at 0
        Array squares = new Array('i', 10);
        assertThat(squares.toList()).containsOnly(0).hasSize(10);
        // WHEN process i writes i*i into slot i
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Process p = new Process(SharedValueTest::squareInto, squares, i);
            p.start();
            writers.add(p);
        }
        writers.forEach(Process::join);
        // THEN main sees every square
        assertThat(squares.toList()).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
        assertThat(squares.length()).isEqualTo(10);
        Array prices = new Array('d', List.of(1.5, 2, 3.25));
        assertThat(prices.toList()).containsExactly(1.5, 2.0, 3.25);
        Array raw = Array.raw('q', List.of(1L << 40));
        assertThat(raw.getLong(0)).isEqualTo(1L << 40);
    }

    @Test
    @DisplayName("a raw value has no lock; a whole type refuses a fraction and keeps the low 32 bits of a large number, as ctypes")
    void typesAndRawValues() {
        Value raw = Value.raw('d', 0.5);
        raw.set(raw.getDouble() * 3);
        assertThat(raw.get()).isEqualTo(1.5);
        assertThatThrownBy(raw::getLock).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was made without a lock (Value.raw, or lock false): it has no getLock()");

        Value count = new Value('i', 0);
        assertThatThrownBy(() -> count.set(2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'i' holds an int, not the double 2.5");
        count.set((1L << 32) + 5);
        assertThat(count.get()).as("an int set to 2^32 + 5").isEqualTo(5);

        assertThatThrownBy(() -> new Value('x', 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("new Value('x', 1): unknown type code 'x' — mp knows 'i' (int), 'l' and 'q' (long), 'd' (double) and 'f' (float)");
        Array three = new Array('l', 3);
        assertThatThrownBy(() -> three.get(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 3 is out of range — it holds 3 numbers, 0 to 2");
    }
}
