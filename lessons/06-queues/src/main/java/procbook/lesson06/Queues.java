package procbook.lesson06;

import java.io.Serializable;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import procbook.mp.Process;
import procbook.mp.Queue;
import procbook.mp.Trace;

/**
 * Lesson 06 — queues: items from any process to any process, first in, first out.
 *
 * <p>Four small programs, chosen by the first argument: {@code greeting} (a child puts, the
 * parent gets), {@code powers} (ten producers, one consumer), {@code writer-reader} (a writer
 * with pauses, a reader that stops at an end marker), {@code timeouts} (Full and Empty).
 *
 * <p>Run: {@code java procbook.lesson06.Queues greeting|powers|writer-reader|timeouts}
 */
public class Queues {
    /** What a producer of the powers program puts: i and i to the power i. */
    record Power(int i, BigInteger value) implements Serializable {
    }

    // tag::greeting[]
    static void greet(Queue<String> q) {
        // TODO 1: put "hello from " + Process.currentProcess().name() on the queue.
        throw new UnsupportedOperationException("not done yet: greet() (TODO 1)");
    }

    static void greeting() {
        // TODO 2: create a Queue<String>, start a Process running greet(q); get the greeting, print it,
        //         record Trace.event("got-greeting", "text", greeting); join the child.
        throw new UnsupportedOperationException("not done yet: greeting() (TODO 2)");
    }
    // end::greeting[]

    // tag::powers[]
    static void putPower(Queue<Power> q, Integer i) {
        // TODO 3: put new Power(i, i to the power i) — BigInteger.valueOf(i).pow(i).
        throw new UnsupportedOperationException("not done yet: putPower() (TODO 3)");
    }

    static void powers() {
        // TODO 4: create a Queue<Power>; start ten processes running putPower(q, i) for i = 0 to 9.
        // TODO 5: get ten items (in whatever order they come); for each, print it and record
        //         Trace.event("got-power", "i", power.i(), "value", power.value()); then join the producers.
        throw new UnsupportedOperationException("not done yet: powers() (TODO 4 and 5)");
    }
    // end::powers[]

    // tag::writer-reader[]
    /** Puts each letter after a short random pause, then null: the end marker. */
    static void writer(Queue<String> q, String letters) throws InterruptedException {
        // TODO 6: for each letter: sleep 10 to 50 ms, put it (as a String), record Trace.event("wrote", "item", letter).
        //         Then put null: the end marker that tells the reader nothing more will come.
        throw new UnsupportedOperationException("not done yet: writer() (TODO 6)");
    }

    /** Takes items until the end marker: empty() would only say "nothing yet", not "nothing ever". */
    static void reader(Queue<String> q) {
        // TODO 7: get items until you get null; print each other item and record Trace.event("read", "item", item).
        //         Then record Trace.event("reader-done").
        throw new UnsupportedOperationException("not done yet: reader() (TODO 7)");
    }

    static void writerAndReader() {
        // TODO 8: one Queue<String>; a Process named "writer" running writer(q, "ABC") and one named "reader"
        //         running reader(q); start the reader first, then the writer; join both.
        throw new UnsupportedOperationException("not done yet: writerAndReader() (TODO 8)");
    }
    // end::writer-reader[]

    // tag::timeouts[]
    static void timeouts() {
        // TODO 9: with a Queue<String> of maxsize 1 holding one item already:
        //   - put another with a timeout of 200 ms; catch Queue.Full and record
        //     Trace.event("full", "waited", millisSince(start)), where start = System.nanoTime() just before;
        //   - the same with putNowait, recording "full-at-once".
        // TODO 10: take the item out; then get with a timeout of 200 ms, catch Queue.Empty and record "empty"
        //          (with "waited" as above); then getNowait, recording "empty-at-once".
        throw new UnsupportedOperationException("not done yet: timeouts() (TODO 9 and 10)");
    }
    // end::timeouts[]

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        String program = args.length > 0 ? args[0] : "greeting";
        switch (program) {
            case "greeting" -> greeting();
            case "powers" -> powers();
            case "writer-reader" -> writerAndReader();
            case "timeouts" -> timeouts();
            default -> throw new IllegalArgumentException("unknown program '" + program
                    + "': choose greeting, powers, writer-reader or timeouts");
        }
    }
}
