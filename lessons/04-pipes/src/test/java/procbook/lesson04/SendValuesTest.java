package procbook.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * What lesson 04 asks first: a child sends values through a one-way pipe and closes its end; the
 * parent receives every value, in order, and then learns from the pipe that nothing more will come.
 */
@DisplayName("Lesson 04 — values through a pipe, then end of file")
class SendValuesTest {
    private static final String NUMBERS = "20";

    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(SendValues.class).timeLimit(Duration.ofSeconds(30));

    private TraceLog runToTheEnd() {
        ScenarioRun run = scenarios.runOnce(NUMBERS);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    @Test
    @Points(2)
    @DisplayName("every value arrives intact and in order: the mixed list first, then 1 to 20")
    void valuesArriveIntactAndInOrder() {
        // GIVEN the scenario with 20 numbered messages, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the parent received exactly what the child sent, in the order it sent it
        List<String> received = trace.events(kind("received").in("MainProcess")).stream().map(e -> e.field("value")).toList();
        assertThat(received)
                .as("the values the parent received, in order: the mixed list (one message), then 1 to 20")
                .containsExactly("[42, hello, 3.14, true, null]", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
                        "11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
    }

    @Test
    @Points(2)
    @DisplayName("once the child has closed its end and every value is read, the parent sees the end of the pipe")
    void endOfPipeAfterTheLastValue() {
        // GIVEN the scenario, WHEN it runs to its end
        TraceLog trace = runToTheEnd();

        // THEN the parent met the end of the pipe after the child closed it and after the last value
        TraceEvent end = trace.the(kind("end-of-pipe").in("MainProcess"));
        TraceEvent closed = trace.the(kind("closing"));
        assertThat(closed.process()).as("the process that closed its end: the child").isNotEqualTo("MainProcess");
        ProcbookAssertions.assertThat(trace)
                .happensBefore(kind("closing"), kind("end-of-pipe"))
                .happensBefore(kind("received").with("value", "20"), kind("end-of-pipe"));
        assertThat(end.index()).as("the end of the pipe is the parent's last word before it ends").isGreaterThan(closed.index());
    }
}
