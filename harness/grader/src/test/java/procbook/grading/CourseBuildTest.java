package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Compiling the lessons before grading")
class CourseBuildTest {
    @TempDir
    Path workspace;

    private void write(String path, String text) throws Exception {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    @DisplayName("compiles each lesson's stub and tests; one that does not compile is reported with the compiler's words, the others go on")
    void compilesEachLessonOnItsOwn() throws Exception {
        // GIVEN a lesson that compiles, with a resource, and one whose stub has a typo
        write("lessons/01-good/src/main/java/procbook/lesson01/Good.java", "package procbook.lesson01; public class Good { }\n");
        write("lessons/01-good/src/main/resources/data.txt", "data\n");
        write("lessons/01-good/src/test/java/procbook/lesson01/GoodTest.java",
                "package procbook.lesson01; class GoodTest { @org.junit.jupiter.api.Test void t() { new Good(); } }\n");
        write("lessons/02-typo/src/main/java/procbook/lesson02/Typo.java", "package procbook.lesson02; public class Typo { int x = ; }\n");
        write("lessons/02-typo/src/test/java/procbook/lesson02/TypoTest.java", "package procbook.lesson02; class TypoTest { }\n");
        Path log = workspace.resolve("build.log");

        // WHEN the course is compiled
        CourseBuild.run(workspace, log, List.of());

        // THEN the good lesson has its classes, tests and resource; the other has none, and the log says why
        Path good = workspace.resolve("lessons/01-good");
        assertThat(CourseBuild.testClasses(good)).contains(good.resolve("target/test-classes"));
        assertThat(good.resolve("target/classes/data.txt")).exists();
        assertThat(CourseBuild.classPath(good)).startsWith(good.resolve("target/test-classes").toString());
        Path typo = workspace.resolve("lessons/02-typo");
        assertThat(CourseBuild.testClasses(typo)).isEmpty();
        assertThat(CourseBuild.compilerErrors(log, typo)).startsWith("[ERROR] src/main/java/procbook/lesson02/Typo.java:1: illegal start of expression");
    }

    @Test
    @DisplayName("a source in the lesson's folder that declares another package, to shadow the kit, fails the lesson")
    void refusesClassesOutsideTheLessonsPackage() throws Exception {
        // GIVEN a stub file that declares itself part of the test kit
        write("lessons/01-good/src/main/java/procbook/lesson01/Good.java", "package procbook.lesson01; public class Good { }\n");
        write("lessons/01-good/src/main/java/procbook/lesson01/TraceAssert.java", "package procbook.testkit; public class TraceAssert { }\n");
        write("lessons/01-good/src/test/java/procbook/lesson01/GoodTest.java", "package procbook.lesson01; class GoodTest { }\n");
        Path log = workspace.resolve("build.log");

        // WHEN the course is compiled
        CourseBuild.run(workspace, log, List.of());

        // THEN the lesson has no tests to run, and the log names the stray class
        Path good = workspace.resolve("lessons/01-good");
        assertThat(CourseBuild.testClasses(good)).isEmpty();
        assertThat(CourseBuild.compilerErrors(log, good))
                .contains("procbook/testkit/TraceAssert.class is outside the lesson's package procbook.lesson01");
    }

    @Test
    @DisplayName("compiles only the lessons named")
    void onlyTheNamedLessons() throws Exception {
        write("lessons/01-a/src/main/java/procbook/lesson01/A.java", "package procbook.lesson01; public class A { }\n");
        write("lessons/02-b/src/main/java/procbook/lesson02/B.java", "package procbook.lesson02; public class B { }\n");

        CourseBuild.run(workspace, workspace.resolve("build.log"), List.of("02-b"));

        assertThat(workspace.resolve("lessons/01-a/target")).doesNotExist();
        assertThat(workspace.resolve("lessons/02-b/target/classes/procbook/lesson02/B.class")).exists();
    }
}
