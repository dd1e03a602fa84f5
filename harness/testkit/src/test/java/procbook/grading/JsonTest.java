package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON writer and reader")
class JsonTest {

    @Test
    @DisplayName("read back what they wrote: objects in order, arrays, text with escapes, numbers, true, false, null")
    void roundTrip() {
        // GIVEN a tree with every kind of value, and text that needs escaping
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 dash — done");
        tree.put("int", 42L);
        tree.put("negative", -7L);
        tree.put("decimal", 2.5);
        tree.put("yes", true);
        tree.put("no", false);
        tree.put("nothing", null);
        tree.put("list", Arrays.asList(1L, "two", null, List.of(), Map.of()));
        tree.put("empty", Map.of());

        // WHEN it is written and read back
        String text = JsonWriter.write(tree);
        Object back = JsonReader.read(text);

        // THEN it is the same tree, keys in the same order
        assertThat(back).isEqualTo(tree);
        assertThat(List.<Object>copyOf(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(tree.keySet());
        // AND the text is indented for people, ends with a newline, and escapes control characters
        assertThat(text).startsWith("{\n  \"text\": ").endsWith("}\n").contains("\\u0007");
    }

    @Test
    @DisplayName("write Integer values as numbers, like Long ones")
    void integers() {
        // GIVEN an Integer
        // WHEN it is written
        String text = JsonWriter.write(Map.of("n", 3));

        // THEN it reads back as the number
        assertThat(JsonReader.read(text)).isEqualTo(Map.of("n", 3L));
    }

    @Test
    @DisplayName("refuse a value JSON cannot hold, naming it")
    void refuseUnknown() {
        // GIVEN a value of a kind the writer does not know
        // WHEN it is written
        // THEN the error names it
        assertThatThrownBy(() -> JsonWriter.write(List.of(new StringBuilder("sb"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write a java.lang.StringBuilder as JSON: sb");
        assertThatThrownBy(() -> JsonWriter.write(List.of(Double.NaN)))
                .hasMessage("JSON has no number for NaN");
    }

    @Test
    @DisplayName("say where a text cut short or damaged goes wrong")
    void errorsSayWhere() {
        // GIVEN texts that are not valid JSON
        // WHEN they are read
        // THEN the error says what was expected, at which line and column
        assertThatThrownBy(() -> JsonReader.read("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not valid JSON: expected ':' at line 3, column 7, found '2'");
        assertThatThrownBy(() -> JsonReader.read("{\"a\": [1, 2"))
                .hasMessage("not valid JSON: expected ',' or ']' at line 1, column 12, found the end of the text");
        assertThatThrownBy(() -> JsonReader.read("{} x"))
                .hasMessage("not valid JSON: expected the end of the text at line 1, column 4, found 'x'");
        assertThatThrownBy(() -> JsonReader.read("\"open"))
                .hasMessage("not valid JSON: unterminated string at line 1, column 6, found the end of the text");
        assertThatThrownBy(() -> JsonReader.read(""))
                .hasMessage("not valid JSON: expected a value at line 1, column 1, found the end of the text");
    }
}
