package procbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./procbook list and hint")
class StudentCommandsTest {
    @TempDir
    Path root;

    private void lesson(String id, String title, String hints) throws Exception {
        Path dir = Files.createDirectories(root.resolve("lessons").resolve(id));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("README.md"), "# " + title + "\n\nWhat to do.\n\n## Hints\n" + hints + "\n## After\n- not a hint\n");
    }

    @Test
    @DisplayName("hint shows the next hint each time, remembers it, and shows them all after the last")
    void hintsOneAtATime() throws Exception {
        // GIVEN a lesson with two hints, one spread over two lines
        lesson("07-ticket-lock", "Lesson 07 — a ticket office", "- Create the lock once,\n  in main.\n- Hold it from the read to the write.\n");

        // WHEN the student asks three times
        String first = Procbook.run(root, "hint", "7");
        String second = Procbook.run(root, "hint", "07");
        String third = Procbook.run(root, "hint", "07-ticket-lock");

        // THEN the first shows one hint, the second both, the third all again
        assertThat(first).contains("Hint 1 of 2: Create the lock once, in main.   ← new").doesNotContain("Hint 2")
                .contains("1 more: run the same command again");
        assertThat(second).contains("Hint 1 of 2").contains("Hint 2 of 2: Hold it from the read to the write.   ← new")
                .contains("That was the last hint.").doesNotContain("not a hint");
        assertThat(third).startsWith("All 2 hints of 07-ticket-lock, again:");
        assertThat(root.resolve(Hints.STATE)).content().contains("07-ticket-lock=2");
    }

    @Test
    @DisplayName("a lesson that does not exist is named in the error, with the ones that do")
    void unknownLesson() throws Exception {
        lesson("01-process", "Lesson 01", "- a\n");
        assertThatThrownBy(() -> Procbook.run(root, "hint", "12"))
                .hasMessage("no lesson '12': name one of [01] (or its folder name, e.g. 01-process)");
    }

    @Test
    @DisplayName("list shows each lesson's points from the last complete grading, a bar, and what to do next")
    void listShowsProgress() throws Exception {
        // GIVEN two lessons, and a grading where the first is done
        lesson("01-process", "Lesson 01 — a process", "- a\n");
        lesson("02-exit-codes", "Lesson 02 — exit codes", "- b\n");
        assertThat(Procbook.run(root, "list")).contains("none graded yet").contains("Next: lesson 01");
        Files.createDirectories(root.resolve("target/grading"));
        Files.writeString(root.resolve(Progress.REPORT), """
                {"complete": true, "lessons": [
                  {"lesson": "01-process", "verdict": "done", "status": "done", "resultsAvailable": true, "pointsEarned": 8, "pointsPossible": 8},
                  {"lesson": "02-exit-codes", "verdict": "not-done-yet", "status": "not done yet", "resultsAvailable": true, "pointsEarned": 0, "pointsPossible": 8}
                ]}""");

        // WHEN the student lists the lessons
        String list = Procbook.run(root, "list");

        // THEN the points, the bar and the next lesson show
        assertThat(list).startsWith("Procbook — 8 of 16 points (50%)\n[" + "#".repeat(20) + "-".repeat(20) + "]\n")
                .contains("[x]  Lesson 01 — a process       8/8  done")
                .contains("[ ]  Lesson 02 — exit codes      0/8  not done yet")
                .contains("Next: lesson 02 — its README is lessons/02-exit-codes/README.md; stuck? ./procbook hint 02");
    }
}
