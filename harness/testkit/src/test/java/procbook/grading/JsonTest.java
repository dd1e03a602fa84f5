package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Grade files and reports as JSON")
class JsonTest {
    @Test
    @DisplayName("a tree is written and read back the same, keys in order, whole numbers as longs")
    void roundTrip() {
        // GIVEN a tree with every kind of value
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
        String text = Json.write(tree);
        Object back = Json.read(text);

        // THEN it is the same tree, keys in the same order
        assertThat(back).isEqualTo(tree);
        assertThat(List.<Object>copyOf(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(tree.keySet());
        // AND the text is indented for people, ends with a newline, and escapes control characters
        assertThat(text).startsWith("{\n  \"text\": ").endsWith("}\n").contains("\\u0007").contains("\"int\": 42");
        assertThat(Json.read(Json.write(Map.of("n", 3)))).as("an Integer reads back as a long").isEqualTo(Map.of("n", 3L));
    }

    @Test
    @DisplayName("a text that is not JSON is refused, saying where it goes wrong")
    void errorsSayWhere() {
        assertThatThrownBy(() -> Json.read("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON at line 3, column 7: Unexpected character ('2'");
        assertThatThrownBy(() -> Json.read("{\"a\": [1, 2")).hasMessageStartingWith("not valid JSON at line 1, column 12: Unexpected end-of-input");
        assertThatThrownBy(() -> Json.read("{} x")).hasMessageStartingWith("not valid JSON at line 1, column 5:");
    }

    @Test
    @DisplayName("a value JSON cannot hold is refused, naming it")
    void refuseUnknown() {
        assertThatThrownBy(() -> Json.write(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write [java.lang.Object@");
    }
}
