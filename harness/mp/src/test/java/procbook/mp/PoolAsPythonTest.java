package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Python's documented Pool behaviours, each on real worker processes. */
@ExtendWith(NoChildLeftBehind.class)
@DisplayName("Pool keeps Python's promises: imap's failures in their turn, callbacks before get(), map waits for every chunk")
class PoolAsPythonTest {
    @TempDir
    Path dir;

    static int failOnThree(Integer x) {
        if (x == 3) {
            throw new IllegalArgumentException("three is not allowed");
        }
        return x * 10;
    }

    /** Fails at once for 0; for 1, sleeps 1.5 s, then leaves a file saying it finished. */
    static int failFastOrFinishSlowly(String dir, Integer x) throws Exception {
        if (x == 0) {
            throw new IllegalStateException("item 0 fails at once");
        }
        Thread.sleep(1500);
        Files.writeString(Path.of(dir, "finished-" + x), "done");
        return x;
    }

    static int slowSquare(Integer x) throws InterruptedException {
        Thread.sleep(200);
        return x * x;
    }

    /** An input that gives 0, 1, 2, then fails as Python's generator would raise. */
    static Iterable<Integer> failingInput() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 3) {
                    throw new UnsupportedOperationException("the input ran dry at item 3");
                }
                return next++;
            }
        };
    }

    @Test
    @DisplayName("imap gives the results before a failing item, then throws that item's exception, then goes on")
    void imapFailureInItsTurn() {
        try (Pool pool = new Pool(2)) {
            // GIVEN five items, the fourth (3) failing
            Iterator<Integer> results = pool.imap(PoolAsPythonTest::failOnThree, List.of(0, 1, 2, 3, 4));
            // WHEN we read them in order, THEN 0, 10, 20 come first, then item 3's exception, then 40
            assertThat(results.next()).isEqualTo(0);
            assertThat(results.next()).isEqualTo(10);
            assertThat(results.next()).isEqualTo(20);
            assertThatThrownBy(results::next).isInstanceOf(IllegalArgumentException.class).hasMessage("three is not allowed");
            assertThat(results.next()).isEqualTo(40);
            assertThat(results.hasNext()).isFalse();
        }
    }

    @Test
    @DisplayName("an exception of imap's input comes back as itself, after the results of the items read before it")
    void imapInputFailureAsItself() {
        try (Pool pool = new Pool(2)) {
            // GIVEN an input whose iterator throws at its fourth item
            Iterator<Integer> results = pool.imap(PoolAsPythonTest::failOnThree, failingInput());
            // WHEN we read, THEN the three results come, then the input's own exception, then nothing
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(results.next());
            }
            assertThat(got).containsExactly(0, 10, 20);
            assertThatThrownBy(results::next).isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("the input ran dry at item 3");
            assertThat(results.hasNext()).isFalse();
            assertThatThrownBy(results::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    @DisplayName("when get() returns, the callback has run — for applyAsync, mapAsync and starmapAsync, success or error")
    void callbacksBeforeGet() {
        try (Pool pool = new Pool(2)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            // GIVEN callbacks that take their time
            AsyncResult<Integer> one = pool.applyAsync(PoolAsPythonTest::slowSquare, 3, v -> slowly(seen, "apply " + v), null);
            AsyncResult<List<Integer>> many = pool.mapAsync(PoolAsPythonTest::slowSquare, List.of(1, 2), 1,
                    v -> slowly(seen, "map " + v), e -> slowly(seen, "map failed"));
            AsyncResult<List<Integer>> pairs = pool.starmapAsync(PoolTest::add, List.of(java.util.Map.entry(1, 2)), 1,
                    v -> slowly(seen, "starmap " + v), null);
            AsyncResult<List<Integer>> bad = pool.mapAsync(PoolAsPythonTest::failOnThree, List.of(3), 1,
                    v -> slowly(seen, "bad succeeded"), e -> slowly(seen, "bad: " + e.getMessage()));
            // WHEN each result is taken, THEN its callback has already run
            assertThat(one.get()).isEqualTo(9);
            assertThat(seen).contains("apply 9");
            assertThat(many.get()).containsExactly(1, 4);
            assertThat(seen).contains("map [1, 4]");
            assertThat(pairs.get()).containsExactly(3);
            assertThat(seen).contains("starmap [3]");
            assertThatThrownBy(bad::get).hasMessage("three is not allowed");
            assertThat(seen).contains("bad: three is not allowed").doesNotContain("bad succeeded", "map failed");
        }
    }

    @Test
    @DisplayName("mapAsync over no items is ready at once with an empty list, and its callback has been given that list, as in Python")
    void mapOfNothing() {
        try (Pool pool = new Pool(1)) {
            // GIVEN a callback that records what it is given
            List<List<Integer>> given = new CopyOnWriteArrayList<>();
            // WHEN a map over no items is asked
            AsyncResult<List<Integer>> none = pool.mapAsync(PoolAsPythonTest::slowSquare, List.<Integer>of(), 0, given::add, null);
            // THEN it is ready, its value is an empty list, and the callback got that list
            assertThat(none.ready()).as("ready() of a map over nothing").isTrue();
            assertThat(none.get()).isEmpty();
            assertThat(given).as("what the callback was given").containsExactly(List.of());
        }
    }

    private static void slowly(List<String> seen, String what) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        seen.add(what);
    }

    @Test
    @DisplayName("map raises only once every chunk is done: a task still running finishes before the first failure is thrown")
    void mapWaitsForEveryChunk() {
        try (Pool pool = new Pool(2)) {
            // GIVEN two items, one per worker: 0 fails at once, 1 finishes 1.5 s later
            String folder = dir.toString();
            // WHEN map throws
            assertThatThrownBy(() -> pool.starmap(PoolAsPythonTest::failFastOrFinishSlowly,
                    List.of(java.util.Map.entry(folder, 0), java.util.Map.entry(folder, 1)), 1))
                    .isInstanceOf(IllegalStateException.class).hasMessage("item 0 fails at once");
            // THEN the other task had finished by then
            assertThat(dir.resolve("finished-1")).as("the file the slow task writes as it ends").exists();
        }
    }

    @Test
    @DisplayName("a callback may read its own result without waiting for itself")
    void callbackReadsItsOwnResult() {
        try (Pool pool = new Pool(1)) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicReference<AsyncResult<Integer>> mine = new java.util.concurrent.atomic.AtomicReference<>();
            mine.set(pool.applyAsync(PoolAsPythonTest::slowSquare, 4, v -> {
                while (mine.get() == null) {
                    Thread.onSpinWait(); // applyAsync has not returned yet
                }
                seen.add(mine.get().get(Duration.ofSeconds(5)));
            }, null));
            assertThat(mine.get().get(Duration.ofSeconds(30))).isEqualTo(16);
            assertThat(seen).containsExactly(16);
        }
    }

    @Test
    @DisplayName("an item of type byte[] travels as itself, like any other item")
    void byteArrayItems() {
        try (Pool pool = new Pool(1)) {
            Iterator<Integer> lengths = pool.imap(bytes -> bytes.length, List.of(new byte[] {1, 2, 3}, new byte[0]));
            assertThat(lengths.next()).isEqualTo(3);
            assertThat(lengths.next()).isZero();
        }
    }

    @Test
    @DisplayName("seventy different functions, each over many tiny items: every result right, past the pool's memory of 64 functions")
    void manyFunctions() {
        try (Pool pool = new Pool(2)) {
            List<Integer> items = java.util.stream.IntStream.range(0, 40).boxed().toList();
            for (int i = 0; i < 70; i++) {
                int k = i;
                List<Integer> plusK = pool.map(x -> x + k, items);
                assertThat(plusK).as("map of the function number %d", i).containsExactlyElementsOf(items.stream().map(x -> x + k).toList());
            }
        }
    }
}
