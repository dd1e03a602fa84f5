package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The trace line format is defined once, here: what mp writes, the kit reads back unchanged. */
@DisplayName("A trace line")
class TraceLineTest {
    @Test
    @DisplayName("reads back exactly as written, tabs, newlines, backslashes and '=' in names and values included")
    void roundTrip() {
        // GIVEN an event whose name and values hold every character the format escapes, and an '='
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", "a\tb\nc\\d\re=f");
        fields.put("empty", "");
        fields.put("path", "C:\\temp\\n");
        TraceLine written = new TraceLine(1_700_000_000_123_456L, 4242, 1, "worker\t1\n", "got", fields);

        // WHEN it is formatted and parsed
        String line = written.format();
        TraceLine read = TraceLine.parse(line);

        // THEN it is one line, and the same event
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(read).isEqualTo(written);
        assertThat(read.fields().keySet()).containsExactly("text", "empty", "path");
    }

    @Test
    @DisplayName("what Trace.event records is a TraceLine: kind, then the pairs in order")
    void fieldsFromPairs() {
        assertThat(TraceLine.fields("customer", 3, "left", null)).containsExactly(Map.entry("customer", "3"), Map.entry("left", "null"));
    }

    @Test
    @DisplayName("a line mp would not write is refused, saying what is wrong with it")
    void malformed() {
        assertThatThrownBy(() -> TraceLine.parse("12\t34\t1\tMainProcess")).hasMessage("it has 4 tab-separated columns, mp writes at least 5");
        assertThatThrownBy(() -> TraceLine.parse("x\t34\t1\tMainProcess\tgot")).hasMessage("its time column is 'x', not a number");
        assertThatThrownBy(() -> TraceLine.parse("12\t34\t1\tMainProcess\tgot\tnovalue"))
                .hasMessage("its column 6 ('novalue') is not key=value");
        assertThatThrownBy(() -> TraceLine.parse("12\t34\t1\tMainProcess\t")).hasMessage("its event kind is empty");
    }
}
