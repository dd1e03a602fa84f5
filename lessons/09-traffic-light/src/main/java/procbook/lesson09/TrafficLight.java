package procbook.lesson09;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import procbook.mp.Event;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 09 — a traffic light with an event.
 *
 * <p>A light process, a daemon, turns red and green in turn, forever: the event {@code green} is
 * set while the light is green. Cars arrive one after another; a car that finds the light red
 * waits for the event (honking each time its patience runs out), then passes.
 *
 * <p>Run: {@code java procbook.lesson09.TrafficLight [cars] [periodMillis] [patienceMillis] [arrivalGapMillis]}
 */
public class TrafficLight {
    // tag::light[]
    /** The light: red for a period, then green for a period, forever. It starts red. */
    static void light(Event green, Long periodMillis) throws InterruptedException {
        // TODO 1: forever: clear the event, print "light: red" and record Trace.event("red");
        //         sleep a period; print "light: green", record Trace.event("green") and only then set
        //         the event (so that no car can pass before "green" is recorded); sleep a period.
        throw new UnsupportedOperationException("not done yet: light() — red, then green, forever (TODO 1)");
    }
    // end::light[]

    // tag::car[]
    /** A car: on red it waits for green, honking whenever its patience runs out; then it passes. */
    static void car(Event green, Integer car, Long patienceMillis) {
        // TODO 2: record Trace.event("arrived", "car", car);
        // TODO 3: if the light is red (the event is not set): print it, record Trace.event("waiting", "car", car),
        //         then wait for green with await(Duration.ofMillis(patienceMillis)); each time it returns
        //         false (patience ran out), print "honk!" and record Trace.event("honked", "car", car), and wait again.
        // TODO 4: print that the car passes and record Trace.event("passed", "car", car);
        throw new UnsupportedOperationException("not done yet: car() — wait for green if the light is red (TODO 2 to 4)");
    }
    // end::car[]

    public static void main(String[] args) throws InterruptedException {
        int cars = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long period = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        long patience = args.length > 2 ? Long.parseLong(args[2]) : 700;
        long arrivalGap = args.length > 3 ? Long.parseLong(args[3]) : 500;
        Random random = new Random();

        // tag::main[]
        // TODO 5: create the Event named "green" (it starts clear: red).
        // TODO 6: for c = 1 to cars: start a Process running car(green, c, patience), named "car-" + c;
        //         right after the first car, start the light: a Process running light(green, period),
        //         named "light", and a daemon — it runs forever, and must end when main ends.
        //         Between cars, sleep random.nextInt((int) arrivalGap + 1) ms.
        // TODO 7: wait for every car (not for the light!), print it and record Trace.event("all-passed");
        throw new UnsupportedOperationException("not done yet: main() — the light and the cars (TODO 5 to 7)");
        // end::main[]
    }
}
