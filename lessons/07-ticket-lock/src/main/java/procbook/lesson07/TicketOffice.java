package procbook.lesson07;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import procbook.mp.Barrier;
import procbook.mp.Held;
import procbook.mp.Lock;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 07 — a ticket office: buyers in separate processes share a tiny JSON database file.
 *
 * <p>Each buyer looks up how many tickets are left (reading only: no lock needed), then buys one:
 * it reads the count, waits as a slow network would, takes a ticket if one is left, waits again,
 * and writes the count back. Buying must happen while holding a lock that all buyers share.
 *
 * <p>Run: {@code java procbook.lesson07.TicketOffice [tickets] [buyers] [latencyMillis]}
 */
public class TicketOffice {
    /** The database: a file of the working folder, holding {@code {"tickets": N}}. */
    static final Path DATABASE = Path.of("tickets.json");

    /** The number of tickets left, read from the database. */
    static int ticketsLeft() throws IOException {
        String json = Files.readString(DATABASE);
        String digits = json.substring(json.indexOf(':') + 1, json.indexOf('}')).trim();
        return Integer.parseInt(digits);
    }

    /** Writes the number of tickets left to the database. */
    static void writeTicketsLeft(int left) throws IOException {
        Files.writeString(DATABASE, "{\"tickets\": " + left + "}\n");
    }

    /** A slow network: the longer it takes, the more another buyer can slip in between. */
    static void latency(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** Looks up how many tickets are left: reading only, so no lock. */
    static void lookUp(int buyer) throws IOException {
        int seen = ticketsLeft();
        System.out.println("buyer " + buyer + " sees " + seen + " tickets left");
        Trace.event("looked-up", "buyer", buyer, "left", seen);
    }

    // tag::buy[]
    /** Buys one ticket if one is left. Read, wait, decide, wait, write: all while holding the lock. */
    static void buy(Lock lock, int buyer, long latencyMillis) throws IOException, InterruptedException {
        // TODO 1: hold the lock for everything below — try (Held held = lock.hold()) { ... }
        // TODO 2: inside, in this order:
        //   Trace.event("buy-start", "buyer", buyer);
        //   read the count with ticketsLeft(); then latency(latencyMillis);
        //   if a ticket is left: take one, latency(latencyMillis), writeTicketsLeft(<the new count>),
        //       print it and record Trace.event("bought", "buyer", buyer, "left", <the new count>);
        //   else: print it and record Trace.event("sold-out", "buyer", buyer);
        //   Trace.event("buy-end", "buyer", buyer);
        throw new UnsupportedOperationException("not done yet: buy() — buy one ticket while holding the lock (TODO 1 and 2)");
    }
    // end::buy[]

    /** Says how many tickets are left once every buyer is done. */
    static void closeOffice() throws IOException {
        int remaining = ticketsLeft();
        System.out.println("office closed with " + remaining + " tickets left");
        Trace.event("office-closed", "left", remaining);
    }

    // tag::buyer[]
    /** A buyer process: looks up, waits at the doors with the others, then buys. */
    static void buyer(Lock lock, Barrier doors, Integer buyer, Long latencyMillis) throws Exception {
        lookUp(buyer);
        doors.await(); // the doors open when every buyer is there: they all rush in at once
        buy(lock, buyer, latencyMillis);
    }
    // end::buyer[]

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int buyers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long latencyMillis = args.length > 2 ? Long.parseLong(args[2]) : 100;
        writeTicketsLeft(tickets);
        Barrier doors = new Barrier(buyers);

        // tag::main[]
        // TODO 3: create one Lock, named "tickets", for all buyers.
        // TODO 4: for b = 1 to buyers, start a Process running buyer(lock, doors, b, latencyMillis),
        //         named "buyer-" + b (setName before start).
        // TODO 5: wait for every buyer to end, then call closeOffice().
        throw new UnsupportedOperationException("not done yet: main() — start the buyers with one shared lock (TODO 3 to 5)");
        // end::main[]
    }
}
