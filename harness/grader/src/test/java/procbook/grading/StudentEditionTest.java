package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The student edition")
class StudentEditionTest {
    private static final Path COURSE = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("is a fresh repository with every lesson and the Classroom workflow, and no reference anywhere, history included")
    void noReferenceAnywhere() throws Exception {
        // GIVEN the instructor's course, WHEN its student edition is made
        Path edition = StudentEdition.make(COURSE, tmp.resolve("edition"));

        // THEN the lessons and the grading workflow are there, the solutions and the developers' CI are not
        assertThat(edition.resolve("lessons/07-ticket-lock/src/main/java/procbook/lesson07/TicketOffice.java")).isRegularFile();
        assertThat(edition.resolve("procbook")).isExecutable();
        assertThat(edition.resolve(StudentEdition.WORKFLOW)).content().contains("procbook grade --submission", "autograding-grading-reporter");
        assertThat(edition.resolve("solutions")).doesNotExist();
        assertThat(edition.resolve(".ci")).doesNotExist();

        // AND no reference solution's code is in any commit
        Process log = new ProcessBuilder("git", "-C", edition.toString(), "log", "-p", "--all").start();
        String history = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(history).contains("lessons/07-ticket-lock");
        String everythingElse = everythingButSolutions();
        int answersChecked = 0;
        try (Stream<Path> references = Files.walk(COURSE.resolve("solutions"))) {
            for (Path reference : references.filter(p -> p.toString().matches(".*/solutions/\\d\\d-[^/]+/src/main/java/.*\\.java")).toList()) {
                // the lines only the reference has: its answers
                List<String> answers = Files.readString(reference).lines().map(String::strip)
                        .filter(l -> l.length() > 20 && !everythingElse.contains(l)).toList();
                for (String answer : answers) {
                    assertThat(history).as("the edition's history, for an answer of " + reference.getFileName()).doesNotContain(answer);
                    answersChecked++;
                }
            }
        }
        assertThat(answersChecked).as("answers looked for").isGreaterThan(50);
    }

    /** The text of every file of the course outside solutions/. */
    private static String everythingButSolutions() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(COURSE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = COURSE.relativize(f).toString();
                if (rel.startsWith("solutions/") || rel.startsWith(".git/") || rel.contains("/target/") || rel.startsWith("target/")
                        || !(rel.endsWith(".java") || rel.endsWith(".adoc") || rel.endsWith(".md"))) {
                    continue;
                }
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    @DisplayName("refuses a folder that is not empty, so it never mixes with other files")
    void refusesAFullFolder() throws Exception {
        Files.writeString(tmp.resolve("something"), "x");
        assertThatThrownBy(() -> StudentEdition.make(COURSE, tmp)).hasMessageEndingWith("exists and is not empty: name a new folder");
    }
}
