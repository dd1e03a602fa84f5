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
        while (true) {
            green.clear();
            System.out.println("light: red");
            Trace.event("red");
            Thread.sleep(periodMillis);
            System.out.println("light: green");
            Trace.event("green"); // recorded before set(): no car can pass before this line is written
            green.set();
            Thread.sleep(periodMillis);
        }
    }
    // end::light[]

    // tag::car[]
    /** A car: on red it waits for green, honking whenever its patience runs out; then it passes. */
    static void car(Event green, Integer car, Long patienceMillis) {
        Trace.event("arrived", "car", car);
        if (!green.isSet()) {
            System.out.println("car " + car + ": red light, waiting");
            Trace.event("waiting", "car", car);
            while (!green.await(Duration.ofMillis(patienceMillis))) {
                System.out.println("car " + car + ": honk!");
                Trace.event("honked", "car", car);
            }
        }
        System.out.println("car " + car + " passes");
        Trace.event("passed", "car", car);
    }
    // end::car[]

    public static void main(String[] args) throws InterruptedException {
        int cars = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long period = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        long patience = args.length > 2 ? Long.parseLong(args[2]) : 700;
        long arrivalGap = args.length > 3 ? Long.parseLong(args[3]) : 500;
        Random random = new Random();

        // tag::main[]
        Event green = new Event("green");
        List<Process> all = new ArrayList<>();
        for (int c = 1; c <= cars; c++) {
            Process car = new Process(TrafficLight::car, green, c, patience);
            car.setName("car-" + c);
            car.start();
            all.add(car);
            if (c == 1) { // the light starts once the first car is on its way: that car surely meets red
                Process light = new Process(TrafficLight::light, green, period);
                light.setName("light");
                light.setDaemon(true);
                light.start();
            }
            Thread.sleep(random.nextInt((int) arrivalGap + 1));
        }
        for (Process car : all) {
            car.join();
        }
        System.out.println("every car has passed");
        Trace.event("all-passed");
        // end::main[]
    }
}
