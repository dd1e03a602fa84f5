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
        q.put("hello from " + Process.currentProcess().name());
    }

    static void greeting() {
        Queue<String> q = new Queue<>();
        Process child = new Process(Queues::greet, q);
        child.start();
        String greeting = q.get();
        System.out.println("the parent got: " + greeting);
        Trace.event("got-greeting", "text", greeting);
        child.join();
    }
    // end::greeting[]

    // tag::powers[]
    static void putPower(Queue<Power> q, Integer i) {
        q.put(new Power(i, BigInteger.valueOf(i).pow(i)));
    }

    static void powers() {
        Queue<Power> q = new Queue<>();
        List<Process> producers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Process p = new Process(Queues::putPower, q, i);
            p.start();
            producers.add(p);
        }
        for (int n = 0; n < 10; n++) {
            Power power = q.get();
            System.out.println(power.i() + "^" + power.i() + " = " + power.value());
            Trace.event("got-power", "i", power.i(), "value", power.value());
        }
        for (Process p : producers) {
            p.join();
        }
    }
    // end::powers[]

    // tag::writer-reader[]
    /** Puts each letter after a short random pause, then null: the end marker. */
    static void writer(Queue<String> q, String letters) throws InterruptedException {
        Random random = new Random();
        for (char c : letters.toCharArray()) {
            Thread.sleep(10 + random.nextInt(40));
            q.put(String.valueOf(c));
            Trace.event("wrote", "item", c);
        }
        q.put(null);
    }

    /** Takes items until the end marker: empty() would only say "nothing yet", not "nothing ever". */
    static void reader(Queue<String> q) {
        while (true) {
            String item = q.get();
            if (item == null) {
                break;
            }
            System.out.println("read " + item);
            Trace.event("read", "item", item);
        }
        Trace.event("reader-done");
    }

    static void writerAndReader() {
        Queue<String> q = new Queue<>();
        Process writer = new Process(Queues::writer, q, "ABC");
        writer.setName("writer");
        Process reader = new Process(Queues::reader, q);
        reader.setName("reader");
        reader.start();
        writer.start();
        writer.join();
        reader.join();
    }
    // end::writer-reader[]

    // tag::timeouts[]
    static void timeouts() {
        Queue<String> q = new Queue<>(1);
        q.put("first");
        long start = System.nanoTime();
        try {
            q.put("second", Duration.ofMillis(200));
        } catch (Queue.Full e) {
            Trace.event("full", "waited", millisSince(start));
        }
        start = System.nanoTime();
        try {
            q.putNowait("second");
        } catch (Queue.Full e) {
            Trace.event("full-at-once", "waited", millisSince(start));
        }
        q.get();
        start = System.nanoTime();
        try {
            q.get(Duration.ofMillis(200));
        } catch (Queue.Empty e) {
            Trace.event("empty", "waited", millisSince(start));
        }
        start = System.nanoTime();
        try {
            q.getNowait();
        } catch (Queue.Empty e) {
            Trace.event("empty-at-once", "waited", millisSince(start));
        }
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
