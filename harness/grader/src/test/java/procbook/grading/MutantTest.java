package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A mutants.txt file")
class MutantTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        return Files.write(dir.resolve("mutants.txt"), java.util.List.of(lines));
    }

    @Test
    @DisplayName("holds one mutant a line, skipping comments and blank lines; an empty replacement deletes")
    void parses() throws Exception {
        // GIVEN a file with a comment, a deletion, a replacement holding '||', and a blank line
        Path file = file(
                "# wrong solutions",
                "no-join | procbook/lesson01/Lifecycle.java | child.join(); |",
                "",
                "always-alive | procbook/lesson01/Lifecycle.java | a || b | true");

        // WHEN it is read
        // THEN each mutant is there, with its line
        assertThat(Mutant.parse(file, "01-process"))
                .extracting(Mutant::name, Mutant::find, Mutant::replacement, Mutant::line, Mutant::change)
                .containsExactly(
                        tuple("no-join", "child.join();", "", 2, "delete `child.join();`"),
                        tuple("always-alive", "a || b", "true", 4, "replace `a || b` with `true`"));
    }

    @Test
    @DisplayName("holds a mistake of several changes to one file as more pairs of text and replacement, applied in order")
    void severalChanges() throws Exception {
        // GIVEN a mutant that takes the permit by hand and gives it back too early
        Mutant mutant = Mutant.parse(file(
                "release-early | a/B.java | try (Held p = s.hold()) { | s.acquire(); { | sing(); | sing(); s.release();"),
                "08-karaoke").get(0);

        // WHEN it is read and applied
        // THEN both changes are made, and its change says both
        assertThat(mutant.further()).containsExactly(new Mutant.Edit("sing();", "sing(); s.release();"));
        assertThat(mutant.change()).isEqualTo("replace `try (Held p = s.hold()) {` with `s.acquire(); {`, then replace"
                + " `sing();` with `sing(); s.release();`");
        assertThat(mutant.applyTo("try (Held p = s.hold()) {\n  sing();\n  leave();\n}"))
                .isEqualTo("s.acquire(); {\n  sing(); s.release();\n  leave();\n}");
        // AND a pair short of its replacement is refused
        assertThatThrownBy(() -> Mutant.parse(file("x | a/B.java | a | b | c"), "08-karaoke"))
                .hasMessageStartingWith("08-karaoke/mutants.txt line 1: expected '");
    }

    @Test
    @DisplayName("that is absent means no mutants")
    void absent() {
        // GIVEN no file
        // WHEN it is read
        // THEN there are no mutants
        assertThat(Mutant.parse(dir.resolve("mutants.txt"), "01-process")).isEmpty();
    }

    @Test
    @DisplayName("refuses a line it cannot read, saying where and what it expects")
    void refuses() throws Exception {
        // GIVEN lines with too few fields, a bad name, a bad path, a duplicate name, and a no-op
        // WHEN each is read
        // THEN the error says where and what
        assertThatThrownBy(() -> Mutant.parse(file("no-join | Lifecycle.java"), "01-process"))
                .hasMessage("01-process/mutants.txt line 1: expected 'name | path under src/main/java | exact text to find"
                        + " | replacement' (separated by ' | '), got: no-join | Lifecycle.java");
        assertThatThrownBy(() -> Mutant.parse(file("No Join | a/B.java | x |"), "01-process"))
                .hasMessage("01-process/mutants.txt line 1: the mutant's name must be lowercase words joined by '-', like"
                        + " no-join, got 'No Join'");
        assertThatThrownBy(() -> Mutant.parse(file("no-join | ../B.java | x |"), "01-process"))
                .hasMessage("01-process/mutants.txt line 1: the path must be a .java file under src/main/java, like"
                        + " procbook/lesson01/Lifecycle.java, got '../B.java'");
        assertThatThrownBy(() -> Mutant.parse(file("a | a/B.java | x |", "a | a/B.java | y |"), "01-process"))
                .hasMessage("01-process/mutants.txt line 2: a second mutant named 'a': give each its own name");
        assertThatThrownBy(() -> Mutant.parse(file("same | a/B.java | x | x"), "01-process"))
                .hasMessage("01-process/mutants.txt line 1: the replacement is the text itself: mutant 'same' would change nothing");
    }

    @Test
    @DisplayName("applies a mutant to the one place its text names")
    void applies() throws Exception {
        // GIVEN a mutant and a source holding its text once
        Mutant mutant = Mutant.parse(file("no-join | a/B.java | child.join(); |"), "01-process").get(0);

        // WHEN applied
        // THEN the text is gone, and nothing else changed
        assertThat(mutant.applyTo("start();\nchild.join();\nend();")).isEqualTo("start();\n\nend();");
    }
}
