package procbook.lesson09;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.mp.Trace;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What lesson 09 asks: a daemon light flips an event; cars on red wait for it. The checks read the
 * order of recorded events: the light records "green" before it sets the event, and mp records
 * every return of {@code await} ({@code event.waited}), so "passed on red" is a fact of the trace,
 * not a guess from clocks.
 */
@DisplayName("Lesson 09 — a traffic light with an event")
class TrafficLightTest {
    private static final int CARS = 10;
    /** Long against the patience: a car that meets red waits long enough to honk, even on a machine slow to start JVMs. */
    private static final String PERIOD_MILLIS = "1500";
    private static final String PATIENCE_MILLIS = "100";
    private static final String ARRIVAL_GAP_MILLIS = "120";
    /** A quick light and cars far apart: the light changes colour many times while the cars come. */
    private static final String QUICK_PERIOD_MILLIS = "100";
    private static final String QUICK_PATIENCE_MILLIS = "30";
    private static final String SPREAD_ARRIVAL_GAP_MILLIS = "600";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(TrafficLight.class).timeLimit(Duration.ofSeconds(30));

    /** The light must be a daemon — checked first, because otherwise the scenario would never end. */
    private static long lightPid(ScenarioRun run) {
        TraceEvent started = run.awaitEvent(kind(Trace.STARTED).in("light"));
        assertThat(started.field("daemon"))
                .as("whether the light started as a daemon: it runs forever, so it must be one (setDaemon(true) before start())")
                .isEqualTo("true");
        return started.pid();
    }

    @BeforeAll
    static void startTheRuns() {
        // the class's runs all start now and go side by side: they mostly sleep, and each test reads its own when it comes
        scenarios.runOnce(Integer.toString(CARS), PERIOD_MILLIS, PATIENCE_MILLIS, ARRIVAL_GAP_MILLIS);
        scenarios.runOnce(Integer.toString(CARS), QUICK_PERIOD_MILLIS, QUICK_PATIENCE_MILLIS, SPREAD_ARRIVAL_GAP_MILLIS);
    }

    /** One run of ten cars, shared by the tests that check its facts. */
    private static ScenarioRun runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(Integer.toString(CARS), PERIOD_MILLIS, PATIENCE_MILLIS, ARRIVAL_GAP_MILLIS);
        lightPid(run);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run;
    }

    private static List<String> carsThatWaited(TraceLog trace) {
        List<String> waited = trace.events(kind("waiting")).stream().map(TraceEvent::process).toList();
        assertThat(waited).as("cars that met a red light: the first car always does, since it sets off before the light exists")
                .isNotEmpty();
        return waited;
    }

    /** No car arrived after a 'red' and passed before the next 'green': it would have passed on red. */
    private static void assertNoCarPassedOnRed(TraceLog trace) {
        List<TraceEvent> light = trace.events(e -> e.kind().equals("red") || e.kind().equals("green"));
        for (TraceEvent passed : trace.events(kind("passed"))) {
            TraceEvent arrived = trace.the(kind("arrived").in(passed.process()));
            TraceEvent lastBefore = null;
            for (TraceEvent l : light) {
                if (l.index() < arrived.index()) {
                    lastBefore = l;
                }
            }
            boolean greenBetween = light.stream().anyMatch(l -> l.kind().equals("green") && l.index() > arrived.index()
                    && l.index() < passed.index());
            assertThat(lastBefore != null && lastBefore.kind().equals("red") && !greenBetween)
                    .as("%s arrived after the light turned red (#%s) and passed before it turned green: it passed on red",
                            passed.process(), lastBefore == null ? "-" : lastBefore.index())
                    .isFalse();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a car that meets red passes only once the light has turned green for it")
    void noCarPassesOnRed() {
        // GIVEN ten cars and a light that starts red, WHEN they all pass
        TraceLog trace = runToTheEnd().trace();

        // THEN every car that waited got the event set (await returned true) before it passed
        for (String car : carsThatWaited(trace)) {
            TraceEvent waiting = trace.the(kind("waiting").in(car));
            TraceEvent passed = trace.the(kind("passed").in(car));
            boolean sawGreen = trace.events(kind(Trace.EVENT_WAITED).in(car).with("set", "true")).stream()
                    .anyMatch(e -> e.index() > waiting.index() && e.index() < passed.index());
            assertThat(sawGreen)
                    .as("%s recorded 'waiting' (#%d) and then 'passed' (#%d): between them, its await() on the event must have"
                            + " returned true — a car on red waits for the light to turn green", car, waiting.index(), passed.index())
                    .isTrue();
        }
        // AND no car arrived and passed both after a 'red' and before the next 'green'
        assertNoCarPassedOnRed(trace);
    }

    @Test
    @Points(2)
    @DisplayName("after green the light turns red again — it clears the event — and stops the cars that come then")
    void lightTurnsRedAgain() {
        // GIVEN a quick light (100 ms a colour) and ten cars up to 600 ms apart: the light changes many times while they come
        ScenarioRun run = scenarios.runOnce(Integer.toString(CARS), QUICK_PERIOD_MILLIS, QUICK_PATIENCE_MILLIS, SPREAD_ARRIVAL_GAP_MILLIS);
        lightPid(run);

        // WHEN every car has passed
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        TraceLog trace = run.trace();
        ProcbookAssertions.assertThat(trace).hasExactly(CARS, kind("passed"));

        // THEN the light took turns, red, green, red, ..., clearing the event each time it turned red again ...
        String lastColour = "none yet";
        TraceEvent lastGreen = null;
        int redAgain = 0;
        for (TraceEvent colour : trace.events(e -> e.process().equals("light") && (e.kind().equals("red") || e.kind().equals("green")))) {
            assertThat(colour.kind())
                    .as("the light's colour at #%d, after '%s': it starts red, then red and green take turns", colour.index(), lastColour)
                    .isEqualTo(lastColour.equals("red") ? "green" : "red");
            if (lastGreen != null) {
                TraceEvent green = lastGreen;
                boolean cleared = trace.events(kind(Trace.EVENT_CLEARED).in("light").with("name", "green")).stream()
                        .anyMatch(c -> c.index() > green.index() && c.index() < colour.index());
                assertThat(cleared)
                        .as("the light recorded 'red' (#%d) after 'green' (#%d) without clearing the event in between: it is"
                                + " still set, so a car arriving now passes on red — clear() the event, then record 'red'",
                                colour.index(), green.index())
                        .isTrue();
                redAgain++;
            }
            lastColour = colour.kind();
            lastGreen = lastColour.equals("green") ? colour : null;
        }
        assertThat(redAgain)
                .as("times the light turned red again after a green, while ten cars came up to 600 ms apart and each colour"
                        + " lasts 100 ms: the light turns red and green in turn, forever — a loop, not once")
                .isPositive();
        // ... it never ended by itself ...
        ProcbookAssertions.assertThat(trace).hasNo(kind(Trace.EXITED).in("light").with("code", 0),
                "the light ended by itself while cars still came: it must turn red and green forever, and end only with main");
        // ... and no car passed on red, also not on the second or third red
        assertNoCarPassedOnRed(trace);
    }

    @Test
    @Points(2)
    @DisplayName("a waiting car honks each time its patience runs out: await(timeout) returns false")
    void impatientCarsHonk() {
        // GIVEN cars with a patience of 100 ms and a light that stays red for 1500 ms, WHEN they all pass
        TraceLog trace = runToTheEnd().trace();

        // THEN some car honked — the first one waits most of a red period — and each honk answers an await that timed out
        carsThatWaited(trace);
        List<TraceEvent> honks = trace.events(kind("honked"));
        assertThat(honks).as("honks: the first car waits most of a red period (1500 ms) with a patience of 100 ms").isNotEmpty();
        for (TraceEvent honk : honks) {
            String car = honk.process();
            ProcbookAssertions.assertThat(trace).happensBefore(kind("waiting").in(car), kind("honked").in(car));
            TraceEvent before = trace.last(e -> e.process().equals(car) && e.index() < honk.index()).orElseThrow(() -> trace.failure(
                    car + " honked before it did anything else: a car honks only while it waits for green", e -> e.index() == honk.index()));
            assertThat(before.describe())
                    .as("what %s did just before honking (#%d): a honk answers an await(timeout) that returned false", car, honk.index())
                    .contains(Trace.EVENT_WAITED).contains("set=false");
            assertThat(honk.index()).as("%s honked after it passed", car).isLessThan(trace.the(kind("passed").in(car)).index());
        }
    }

    @Test
    @Points(1)
    @DisplayName("every car passes")
    void everyCarPasses() {
        // GIVEN ten cars, WHEN the scenario runs to its end
        TraceLog trace = runToTheEnd().trace();

        // THEN each car arrived, then passed, in a process of its own
        ProcbookAssertions.assertThat(trace).hasExactly(CARS, kind("passed")).hasExactly(CARS, kind("arrived"));
        for (int c = 1; c <= CARS; c++) {
            ProcbookAssertions.assertThat(trace).inOrderWithin("car-" + c, "arrived", "passed");
        }
    }

    @Test
    @Points(1)
    @DisplayName("the light is a daemon: it is gone once every car has passed and main is over")
    void lightEndsWithMain() {
        // GIVEN ten cars and the light, WHEN main is over
        ScenarioRun run = runToTheEnd();
        long light = lightPid(run);

        // THEN the light, a daemon, is gone with it, after it had turned red at least once
        run.awaitGone(light, "the light, a daemon, once main is over");
        ProcbookAssertions.assertThat(run).leftNoProcessAlive();
        ProcbookAssertions.assertThat(run.trace()).happensBefore(kind("red").in("light"), kind("all-passed"));
    }
}
