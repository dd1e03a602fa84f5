package procbook.lesson07;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.nio.file.Files;
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
 * What lesson 07 asks: ten buyers, three tickets, one lock. The buyers rush in together (a barrier
 * opens the doors for all at once) and a slow network stretches every purchase, so without the
 * lock two buyers are inside buy() together on every run — the tests see it in the order of the
 * recorded events, not by luck.
 */
@DisplayName("Lesson 07 — a ticket office with a lock")
class TicketOfficeTest {
    private static final int TICKETS = 3;
    private static final int BUYERS = 10;
    private static final String LATENCY_MILLIS = "60";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(TicketOffice.class).timeLimit(Duration.ofSeconds(60));

    private ScenarioRun runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(Integer.toString(TICKETS), Integer.toString(BUYERS), LATENCY_MILLIS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run;
    }

    @Test
    @Points(3)
    @DisplayName("no two buyers are ever inside buy() at the same time")
    void oneBuyerAtATime() {
        // GIVEN ten buyers rushing in at once, WHEN they all buy
        TraceLog trace = runToTheEnd().trace();

        // THEN the trace never shows two of them between buy-start and buy-end
        ProcbookAssertions.assertThat(trace)
                .hasExactly(BUYERS, kind("buy-start"))
                .neverTwoInside("buy-start", "buy-end",
                        "%s were inside buy() at the same time — buy() must run while holding the lock, from its first step to its last");
    }

    @Test
    @Points(3)
    @DisplayName("exactly the three tickets are sold, never more, and the database ends at 0")
    void noTicketIsSoldTwice() throws Exception {
        // GIVEN 3 tickets and 10 buyers, WHEN they all buy
        ScenarioRun run = runToTheEnd();
        TraceLog trace = run.trace();

        // THEN three sales, counting down 2, 1, 0, and seven buyers turned away
        List<String> leftAfterEachSale = trace.events(kind("bought")).stream().map(e -> e.field("left")).toList();
        assertThat(leftAfterEachSale)
                .as("tickets left after each sale, in order — more than 3 sales, or a count repeated, means two buyers read"
                        + " the same count before either wrote: the lock must cover the read and the write")
                .containsExactly("2", "1", "0");
        assertThat(trace.count(kind("sold-out"))).as("buyers who found no ticket left").isEqualTo(BUYERS - TICKETS);
        assertThat(trace.the(kind("office-closed")).field("left")).as("tickets left when the office closed").isEqualTo("0");
        assertThat(Files.readString(run.directory().resolve("tickets.json"))).as("the database at the end").contains("\"tickets\": 0");
    }

    @Test
    @Points(2)
    @DisplayName("each of the ten buyers looks up without the lock, then buys holding the one shared lock until its buy-end")
    void everyBuyerUsesTheSharedLock() {
        // GIVEN ten buyers, WHEN they all buy
        TraceLog trace = runToTheEnd().trace();

        // THEN each buyer: looked up, acquired the lock 'tickets', bought from buy-start to buy-end, then released it
        for (int b = 1; b <= BUYERS; b++) {
            String buyer = "buyer-" + b;
            TraceEvent acquired = trace.first(kind(Trace.LOCK_ACQUIRED).in(buyer)).orElseThrow(() -> new AssertionError(
                    buyer + " never acquired a lock of mp: every buyer must buy while holding the lock\n\n" + trace.timeline()));
            assertThat(acquired.field("name"))
                    .as("the lock %s acquired: all buyers must share the one lock created in main, named 'tickets'", buyer)
                    .isEqualTo("tickets");
            ProcbookAssertions.assertThat(trace)
                    .happensBefore(kind("looked-up").in(buyer), kind(Trace.LOCK_ACQUIRED).in(buyer))
                    .happensBefore(kind(Trace.LOCK_ACQUIRED).in(buyer), kind("buy-start").in(buyer));
            TraceEvent buyEnd = trace.the(kind("buy-end").in(buyer));
            TraceEvent released = trace.last(kind(Trace.LOCK_RELEASED).in(buyer).with("name", "tickets")).orElseThrow(() -> new AssertionError(
                    buyer + " never released the lock 'tickets': give it back once the purchase is over\n\n" + trace.timeline()));
            if (released.index() < buyEnd.index()) {
                throw new AssertionError(buyer + " released the lock (#" + released.index() + ") before its buy-end (#"
                        + buyEnd.index() + ") — finish buying, then release: until buy-end, another buyer must not get in\n\n"
                        + trace.timeline());
            }
        }
    }
}
