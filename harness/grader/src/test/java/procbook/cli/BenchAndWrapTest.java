package procbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("bench's options, and run's line wrapping")
class BenchAndWrapTest {
    @Test
    @DisplayName("bench measures lessons 01, 07 and 10 and the grading, three rounds, quiet only, unless told otherwise")
    void benchOptions() {
        assertThat(Bench.Options.parse(List.of())).isEqualTo(new Bench.Options(List.of("01", "07", "10"), 3, true, false));
        assertThat(Bench.Options.parse(List.of("--lessons", "05,09", "--rounds", "5", "--no-grade", "--loaded")))
                .isEqualTo(new Bench.Options(List.of("05", "09"), 5, false, true));
        assertThatThrownBy(() -> Bench.Options.parse(List.of("--fast"))).hasMessageStartingWith("unknown option --fast; usage: ./procbook bench");
        assertThatThrownBy(() -> Bench.Options.parse(List.of("--rounds", "0"))).hasMessage("--rounds must be at least 1, got 0");
        assertThatThrownBy(() -> Bench.Options.parse(List.of("--lessons"))).hasMessage("--lessons needs a value");
    }

    @Test
    @DisplayName("a long failure sentence is broken at spaces, continued with an indent; a long address stays whole")
    void wrapsAtSpaces() {
        assertThat(LessonRun.wrap("buyer-3 and buyer-7 were inside buy() at the same time", 24))
                .containsExactly("buyer-3 and buyer-7 were", "  inside buy() at the", "  same time");
        assertThat(LessonRun.wrap("file:///a/very/long/path/that/has/no/space/in/it.html", 10))
                .containsExactly("file:///a/very/long/path/that/has/no/space/in/it.html");
        assertThat(LessonRun.wrap("short", 24)).containsExactly("short");
    }
}
