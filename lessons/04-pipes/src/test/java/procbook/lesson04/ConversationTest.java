package procbook.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import procbook.grading.Points;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/** What lesson 04 asks next: a conversation both ways over one duplex pipe. */
@DisplayName("Lesson 04 — a conversation over a duplex pipe")
class ConversationTest {
    @RegisterExtension
    static final Scenarios scenarios = Scenarios.of(Conversation.class).timeLimit(Duration.ofSeconds(30));

    @BeforeAll
    static void startTheRuns() {
        // the class's runs all start now and go side by side: they mostly sleep, and each test reads its own when it comes
        scenarios.runOnce("Grace", "85");
        scenarios.runOnce("Anna", "7");
    }

    private TraceLog runToTheEnd(String name, String number) {
        ScenarioRun run = scenarios.runOnce(name, number);
        ProcbookAssertions.assertThat(run).exitedNormally().printedNoStackTrace();
        return run.trace();
    }

    @Test
    @Points(1)
    @DisplayName("the child's introduction reaches the parent intact")
    void introductionArrives() {
        // GIVEN a child called Grace with number 85, WHEN the scenario runs
        TraceLog trace = runToTheEnd("Grace", "85");

        // THEN the parent received that very record
        TraceEvent received = trace.the(kind("received").in("MainProcess"));
        assertThat(received.field("name")).as("the name in the introduction the parent received").isEqualTo("Grace");
        assertThat(received.field("number")).as("the number in the introduction the parent received").isEqualTo("85");
    }

    @Test
    @Points(2)
    @DisplayName("the reply is the set of the name's letters, each doubled")
    void replyIsTheDoubledLetters() {
        // GIVEN a child called Anna (letters repeat: a set keeps each once)
        TraceLog trace = runToTheEnd("Anna", "7");

        // THEN the child got {AA, aa, nn}: the parent's reply, derived from the name it received
        TraceEvent reply = trace.the(kind("got-reply"));
        assertThat(reply.process()).as("the process that got the reply: the child").isNotEqualTo("MainProcess");
        assertThat(reply.field("reply"))
                .as("the reply the child got, sorted: each letter of 'Anna' doubled, each once")
                .isEqualTo("AA,aa,nn");
    }

    @Test
    @Points(1)
    @DisplayName("the child gets its reply only after the parent has received its introduction and begun to reply")
    void replyComesAfterTheIntroduction() {
        // GIVEN a child called Grace with number 85, WHEN the scenario runs
        TraceLog trace = runToTheEnd("Grace", "85");

        // THEN the child introduced itself, the parent received it and began to reply, and only then the child got a reply
        ProcbookAssertions.assertThat(trace)
                .happensBefore(kind("introduced"), kind("got-reply"))
                .happensBefore(kind("received").in("MainProcess"), kind("got-reply"))
                .happensBefore(kind("replying").in("MainProcess"), kind("got-reply"));
    }
}
