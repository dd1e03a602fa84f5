package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A trace, read for a picture and for a program that is not a JVM")
class TraceLogTest {
    /** Three singers in a room: singer-3 goes in while singer-1 and singer-2 are still inside; singer-2 never ends. */
    private static final TraceLog ROOM = TraceLog.parse(String.join("\n",
            "1000\t10\t1\tMainProcess\tstarted\tdaemon=false",
            "2000\t11\t10\tsinger-1\tentered",
            "2100\t12\t10\tsinger-2\tentered",
            "2200\t13\t10\tsinger-3\tentered",
            "2300\t11\t10\tsinger-1\tleft",
            "2400\t11\t10\tsinger-1\texited\tcode=0",
            "2500\t13\t10\tsinger-3\tleft",
            "2600\t13\t10\tsinger-3\texited\tcode=0",
            ""));

    @RegisterExtension
    final Scenarios shell = Scenarios.command("sh", "-c", "printf '1000\\t%s\\t1\\tMainProcess\\tsang\\tsong=one\\n' $$ >> \"$PROCBOOK_TRACE\"; exit 3")
            .timeLimit(Duration.ofSeconds(20));

    @Test
    @DisplayName("only() keeps the events it selects, each with its index in the whole trace")
    void only() {
        // GIVEN a trace, WHEN only the entries are kept
        TraceLog entries = ROOM.only(kind("entered"));

        // THEN three events, numbered as in the whole
        assertThat(entries.events()).extracting(TraceEvent::index).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("firstCrowd() finds the entries of the first moment more than N were inside, and nothing when N were never exceeded")
    void firstCrowd() {
        assertThat(ROOM.firstCrowd(2, "entered", "left")).extracting(TraceEvent::process).containsExactly("singer-1", "singer-2", "singer-3");
        assertThat(ROOM.firstCrowd(3, "entered", "left")).isEmpty();
    }

    @Test
    @DisplayName("lastOfUnended() gives the last event of each process that never recorded 'exited'")
    void lastOfUnended() {
        List<TraceEvent> unended = ROOM.lastOfUnended();

        assertThat(unended).extracting(TraceEvent::process, TraceEvent::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MainProcess", "started"), org.assertj.core.groups.Tuple.tuple("singer-2", "entered"));
    }

    @Test
    @DisplayName("a command that is not a JVM runs in the same clean session, writing the same trace format")
    void command() {
        // GIVEN a shell that writes one trace line, WHEN it runs as a scenario
        ScenarioRun run = shell.run();

        // THEN its exit code and its event come back as a JVM's would
        assertThat(run.awaitExit()).isEqualTo(3);
        assertThat(run.trace().the(kind("sang")).field("song")).isEqualTo("one");
        assertThat(run.trace().the(kind("sang")).pid()).as("the event's pid is the shell's own, a process of the run").isPositive();
    }
}
