package procbook.lesson08;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
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
    final Scenarios scenarios = Scenarios.of(Karaoke.class).timeLimit(Duration.ofSeconds(60));

    private TraceLog runToTheEnd() {
        ScenarioRun run = scenarios.run(Integer.toString(CUSTOMERS), Integer.toString(CAPACITY), SING_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    @Test
    @Points(3)
    @DisplayName("never more than four customers are in the room at once")
    void neverMoreThanFourInside() {
        // GIVEN ten customers who all want in at once, WHEN they sing
        TraceLog trace = runToTheEnd();

        // THEN between 'entered' and 'left' there are never five of them
        ProcbookAssertions.assertThat(trace).atMostInside(CAPACITY, "entered", "left",
                "%s were in the room together: more than " + CAPACITY + " — the room is a Semaphore with "
                        + CAPACITY + " permits, and a customer enters only holding one");
    }

    @Test
    @Points(2)
    @DisplayName("the room is really shared: several customers sing together at some moment")
    void severalSingTogether() {
        TraceLog trace = runToTheEnd();
        ProcbookAssertions.assertThat(trace).reachesInside(2, "entered", "left",
                "the room never held two customers at once, though all ten waited at the door together:"
                        + " the semaphore must start with " + CAPACITY + " permits, one per place");
    }

    @Test
    @Points(3)
    @DisplayName("every customer gets in and out, each in its own process, and gives its place back")
    void everyoneGetsInAndOut() {
        TraceLog trace = runToTheEnd();
        for (int c = 1; c <= CUSTOMERS; c++) {
            String customer = "customer-" + c;
            ProcbookAssertions.assertThat(trace).inOrderWithin(customer, "entered", "left");
            assertThat(trace.count(kind("semaphore.released").in(customer).with("name", "room")))
                    .as("places %s gave back to the semaphore 'room': one, after leaving", customer)
                    .isEqualTo(1);
        }
        ProcbookAssertions.assertThat(trace).hasExactly(CUSTOMERS, kind("entered")).hasExactly(CUSTOMERS, kind("left"));
    }
}
