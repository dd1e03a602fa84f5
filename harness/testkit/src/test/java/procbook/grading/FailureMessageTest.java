package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("A failure message")
class FailureMessageTest {

    @Test
    @DisplayName("is an assertion's message as it is, without blank lines before it")
    void assertion() {
        // GIVEN an AssertJ-style message that starts with a line break
        AssertionError failure = new AssertionError("\nexpected: 0\n but was: 1");

        // WHEN it becomes a report message
        // THEN its lines are kept, blank ones dropped
        assertThat(FailureMessage.of(failure)).isEqualTo("expected: 0\n but was: 1");
        assertThat(FailureMessage.of(new AssertionFailedError("Not done yet: join")))
                .isEqualTo("Not done yet: join");
    }

    @Test
    @DisplayName("names an exception that is not an assertion, and stands in for a missing message")
    void otherExceptions() {
        // GIVEN exceptions with and without a message
        // WHEN they become report messages
        // THEN the exception is named
        assertThat(FailureMessage.of(new IOException("Broken pipe"))).isEqualTo("IOException: Broken pipe");
        assertThat(FailureMessage.of(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(FailureMessage.of(new AssertionError())).isEqualTo("AssertionError");
    }

    @Test
    @DisplayName("keeps the first lines only, and says it cut")
    void tooManyLines() {
        // GIVEN a message of 10 lines
        String text = String.join("\n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        // WHEN it is trimmed
        // THEN 6 lines and a cut mark remain
        assertThat(FailureMessage.trim(text)).isEqualTo("1\n2\n3\n4\n5\n6\n...");
    }

    @Test
    @DisplayName("keeps a sensible length, and says it cut")
    void tooLong() {
        // GIVEN a message of one very long line
        String text = "x".repeat(2000);

        // WHEN it is trimmed
        String trimmed = FailureMessage.trim(text);

        // THEN it keeps the maximum length, ending with the cut mark
        assertThat(trimmed).hasSize(FailureMessage.MAX_CHARS).endsWith("...");
    }
}
