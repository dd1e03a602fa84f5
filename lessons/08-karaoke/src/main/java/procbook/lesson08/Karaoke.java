package procbook.lesson08;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import procbook.mp.Barrier;
import procbook.mp.Held;
import procbook.mp.Process;
import procbook.mp.Semaphore;
import procbook.mp.Trace;

/**
 * Lesson 08 — a karaoke room with a semaphore.
 *
 * <p>The room holds four. Ten customers, each a process, wait at the door until all have arrived,
 * then each takes a place in the room (a permit of the semaphore), sings for a short while, leaves
 * and gives the place back.
 *
 * <p>Run: {@code java procbook.lesson08.Karaoke [customers] [capacity] [singMillis]}
 */
public class Karaoke {
    /** Sings for {@code millis} to {@code 2 × millis}: customers do not all leave at once. */
    static void sing(int customer, long millis) throws InterruptedException {
        Thread.sleep(millis + new Random().nextInt((int) Math.max(1, millis)));
    }

    // tag::customer[]
    /** A customer: waits at the door with the others, then enters when there is room, sings, leaves. */
    static void customer(Semaphore room, Barrier door, Integer customer, Long singMillis) throws InterruptedException {
        door.await(); // everyone arrives before anyone goes in: they all want the room at once
        // TODO 1: take a place in the room (a permit of the semaphore) and give it back at the end,
        //         even if singing fails: try (Held place = room.hold()) { ... }
        // TODO 2: inside, print that you entered and record Trace.event("entered", "customer", customer);
        //         sing(customer, singMillis); then print that you left and record
        //         Trace.event("left", "customer", customer);
        throw new UnsupportedOperationException("not done yet: customer() — enter, sing, leave, holding a place (TODO 1 and 2)");
    }
    // end::customer[]

    public static void main(String[] args) throws InterruptedException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long singMillis = args.length > 2 ? Long.parseLong(args[2]) : 300;
        Barrier door = new Barrier(customers);

        // tag::main[]
        // TODO 3: create the room: a Semaphore with capacity permits, named "room".
        // TODO 4: for c = 1 to customers, start a Process running customer(room, door, c, singMillis),
        //         named "customer-" + c; then wait for all of them.
        throw new UnsupportedOperationException("not done yet: main() — open the room and let the customers in (TODO 3 and 4)");
        // end::main[]
    }
}
