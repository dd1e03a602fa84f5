package procbook.lesson08;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
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
 * What lesson 08 asks: a room of four, ten customers, a semaphore. All ten reach the door before
 * anyone goes in, and each sings long enough that a fifth place, if there were one, would be
 * taken on every run: the tests read it from the order of the recorded events.
 */
@DisplayName("Lesson 08 — a karaoke room with a semaphore")
class KaraokeTest {
    private static final int CUSTOMERS = 10;
    private static final int CAPACITY = 4;
    private static final String SING_MILLIS = "200";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(Karaoke.class).timeLimit(Duration.ofSeconds(30));

    private TraceLog runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(Integer.toString(CUSTOMERS), Integer.toString(CAPACITY), SING_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    /** Every customer sang: a room nobody enters is never too full, so each fact below needs this first. */
    private static void assertEveryoneSang(TraceLog trace) {
        assertThat(trace.count(kind("entered")))
                .as("customers who recorded 'entered': all %d must get in, four at a time — a room nobody enters proves nothing",
                        CUSTOMERS)
                .isEqualTo(CUSTOMERS);
        assertThat(trace.count(kind("left")))
                .as("customers who recorded 'left': each of the %d must sing and leave", CUSTOMERS)
                .isEqualTo(CUSTOMERS);
    }

    @Test
    @Points(3)
    @DisplayName("never more than four customers are in the room at once")
    void neverMoreThanFourInside() {
        // GIVEN ten customers who all want in at once, WHEN they sing
        TraceLog trace = runToTheEnd();

        // THEN all ten got in and out ...
        assertEveryoneSang(trace);
        // ... and between 'entered' and 'left' there are never five of them
        ProcbookAssertions.assertThat(trace).atMostInside(CAPACITY, "entered", "left",
                "%s were in the room together: more than " + CAPACITY + " — the room is a Semaphore with "
                        + CAPACITY + " permits, and a customer enters only holding one");
    }

    @Test
    @Points(2)
    @DisplayName("the room is really shared: several customers sing together at some moment")
    void severalSingTogether() {
        // GIVEN ten customers who all want in at once, WHEN they sing
        TraceLog trace = runToTheEnd();

        // THEN at some moment two or more were inside together
        assertEveryoneSang(trace);
        ProcbookAssertions.assertThat(trace).reachesInside(2, "entered", "left",
                "the room never held two customers at once, though all ten waited at the door together:"
                        + " the semaphore must start with " + CAPACITY + " permits, one per place");
    }

    @Test
    @Points(1)
    @DisplayName("every customer gets in and out, each in its own process")
    void everyoneGetsInAndOut() {
        // GIVEN ten customers, WHEN they sing
        TraceLog trace = runToTheEnd();

        // THEN each customer's own process recorded entering, then leaving
        assertEveryoneSang(trace);
        for (int c = 1; c <= CUSTOMERS; c++) {
            ProcbookAssertions.assertThat(trace).inOrderWithin("customer-" + c, "entered", "left");
        }
    }

    @Test
    @Points(2)
    @DisplayName("each customer holds its place from entering to leaving: take a place, enter, leave, then give it back")
    void holdsItsPlaceFromEnteringToLeaving() {
        // GIVEN ten customers, WHEN they sing
        TraceLog trace = runToTheEnd();

        // THEN in each customer's process: acquired a place of 'room', entered, left, released that place — once
        assertEveryoneSang(trace);
        for (int c = 1; c <= CUSTOMERS; c++) {
            String customer = "customer-" + c;
            TraceEvent entered = trace.the(kind("entered").in(customer));
            TraceEvent left = trace.the(kind("left").in(customer));
            List<TraceEvent> took = trace.events(kind(Trace.SEMAPHORE_ACQUIRED).in(customer).with("name", "room"));
            List<TraceEvent> gaveBack = trace.events(kind(Trace.SEMAPHORE_RELEASED).in(customer).with("name", "room"));
            if (took.isEmpty()) {
                throw failure(trace, c, "customer %d entered the room without ever taking a place: acquire a permit of the"
                        + " semaphore 'room' (room.hold()) before entering", c);
            }
            if (took.get(0).index() > entered.index()) {
                throw failure(trace, c, "customer %d entered the room (#%d) before it took its place (#%d) — take a place,"
                        + " then enter", c, entered.index(), took.get(0).index());
            }
            if (gaveBack.size() != 1) {
                throw failure(trace, c, "customer %d gave %d places back to the semaphore 'room': one, after leaving — the"
                        + " place it took", c, gaveBack.size());
            }
            if (gaveBack.get(0).index() < left.index()) {
                throw failure(trace, c, "customer %d released its place (#%d) before it left the room (#%d) — leave, then"
                        + " release: until it has left, the place is still taken", c, gaveBack.get(0).index(), left.index());
            }
        }
    }

    /** A failure about customer {@code c}: its events are marked in the timeline. */
    private static AssertionError failure(TraceLog trace, int c, String message, Object... args) {
        return trace.failure(String.format(message, args), e -> e.process().equals("customer-" + c));
    }
}
