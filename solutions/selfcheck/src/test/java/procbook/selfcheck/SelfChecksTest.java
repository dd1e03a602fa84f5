package procbook.selfcheck;

import procbook.grading.Mutant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The self-check's machinery, on the fixture lessons")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfChecksTest {
    Path root;
    SelfChecks checks;
    LessonPair sound;
    LessonPair broken;

    @BeforeAll
    void buildTheFixture(@TempDir Path dir) {
        // GIVEN the fixture lessons, compiled, their references' tests run as the solution modules would
        root = FixtureProject.build(dir.resolve("project"));
        checks = new SelfChecks(dir.resolve("work"));
        sound = FixtureProject.lesson(root, FixtureProject.SOUND);
        broken = FixtureProject.lesson(root, FixtureProject.BROKEN);
    }

    private Mutant mutant(String name) {
        return Mutant.parse(sound.mutantsFile(), sound.id()).stream()
                .filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("finds the lessons from the solutions' folders, in order")
    void discovery() {
        // WHEN the lessons are discovered
        List<LessonPair> lessons = LessonPair.discover(root);

        // THEN both fixture lessons are found, with their lesson folders
        assertThat(lessons).extracting(LessonPair::id).containsExactly("97-broken", "98-echo");
        assertThat(lessons.get(1).lessonDir()).isEqualTo(root.resolve("lessons/98-echo"));
    }

    @Nested
    @DisplayName("The stub check")
    class Stub {
        @Test
        @DisplayName("passes an untouched stub, which fails every test with 'Not done yet' and earns 0 points")
        void sound() {
            // WHEN the sound lesson's stub is checked
            String found = checks.stub(sound);

            // THEN it passes, saying what it found
            assertThat(found).startsWith("98-echo: the stub fails all 3 tests with 'Not done yet:', the slowest in ")
                    .endsWith("; 0 of 4 points");
        }

        @Test
        @DisplayName("fails a stub that passes a test, or fails one for another reason, naming each test")
        void broken() {
            // WHEN the broken lesson's stub is checked
            // THEN the check fails, naming the test passed and those failing otherwise
            assertThatThrownBy(() -> checks.stub(broken))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("97-broken: the untouched stub (lessons/97-broken) must fail every test with"
                            + " 'Not done yet:' within 20 s, but:")
                    .hasMessageContaining("- `EchoTest.echoesItsArguments` passed: a test that the untouched stub passes"
                            + " proves nothing; make it check what the TODOs ask for")
                    .hasMessageContaining("- `EchoTest.countsArguments` failed, but not with 'Not done yet:': ")
                    .hasMessageContaining("- `EchoTest.printsNoError` passed: ")
                    .hasMessageContaining("- the grading gave it 2 of 5 points, not 0");
        }

        @Test
        @DisplayName("puts the test kit's class path property back as it was")
        void restoresTheProperty() {
            // GIVEN the property set to something of the caller's
            System.setProperty(LessonRun.PREPEND, "/caller/classes");
            try {
                // WHEN a run is made
                checks.stub(sound);

                // THEN it is back
                assertThat(System.getProperty(LessonRun.PREPEND)).isEqualTo("/caller/classes");
            } finally {
                System.clearProperty(LessonRun.PREPEND);
            }
        }
    }

    @Nested
    @DisplayName("The reference check")
    class Reference {
        @Test
        @DisplayName("passes a reference whose own build scored full marks")
        void sound() {
            // WHEN the sound lesson's reference is checked
            // THEN it passes
            assertThat(checks.reference(sound)).isEqualTo("98-echo: the reference passes all 3 tests, 4 of 4 points");
        }

        @Test
        @DisplayName("fails a reference that lost points, listing the tests it failed")
        void broken() {
            // WHEN the broken lesson's reference is checked
            // THEN it fails with what the reference lost
            assertThatThrownBy(() -> checks.reference(broken))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("97-broken: the reference (solutions/97-broken) must score full marks, but it"
                            + " has 3 of 4 tests and 3 of 5 points:\n  - `EchoTest.countsArguments` failed: ");
        }

        @Test
        @DisplayName("fails when the reference's tests did not run, saying how to make them run")
        void missing() throws Exception {
            // GIVEN no grade file from the solution module
            Path file = broken.referenceGradeFile();
            Path kept = file.resolveSibling("kept.json");
            Files.move(file, kept);
            try {
                // WHEN the reference is checked
                // THEN it fails, saying why
                assertThatThrownBy(() -> checks.reference(broken))
                        .hasMessage("97-broken: the reference has no grade file " + file + ": the tests of solutions/97-broken"
                                + " did not run in this build; run ./mvnw verify without -DskipTests, or check that its"
                                + " pom sets procbook.grade.file");
            } finally {
                Files.move(kept, file);
            }
        }
    }

    @Nested
    @DisplayName("The check of programs that do nothing")
    class Vacuous {
        @Test
        @DisplayName("passes when a main that does nothing, and one that only starts a daemon, earn 0 points")
        void sound() {
            // WHEN each vacuous program of the sound lesson is checked
            // THEN each fails every test
            for (VacuousProgram program : VacuousProgram.values()) {
                assertThat(checks.vacuous(sound, program))
                        .isEqualTo("98-echo: " + program.description() + " fails all 3 tests, 0 of 4 points");
            }
        }

        @Test
        @DisplayName("fails when a test gives points to a program that does nothing, naming that test")
        void broken() {
            // WHEN the broken lesson, whose printsNoError passes for any quiet program, is checked
            // THEN the check fails, naming the test
            assertThatThrownBy(() -> checks.vacuous(broken, VacuousProgram.DOES_NOTHING))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("97-broken: a main that does nothing and exits 0 earned 1 of 5 points, but it does none of"
                            + " the lesson's work: each test must also check that the work happened (the events it"
                            + " expects, as many as it expects), not only that nothing went wrong. It passed:\n"
                            + "  - `EchoTest.printsNoError`");
        }
    }

    @Nested
    @DisplayName("The mutant check")
    class Mutants {
        @Test
        @DisplayName("passes a mutant that a test catches, naming the tests that caught it")
        void caught() {
            // WHEN the mutant without the count is checked
            String found = checks.mutant(sound, mutant("no-count"));

            // THEN it is caught, by the tests that look at the count and the lines
            assertThat(found).startsWith("mutant 'no-count' of 98-echo (delete `System.out.println(\"count=\" + args.length);`)"
                    + " is caught by 2 of 3 tests:")
                    .contains("- `EchoTest.countsArguments`: ", "- `EchoTest.printsTwoLines`: ");
        }

        @Test
        @DisplayName("fails for a mutant that passes every test, saying the tests do not catch it")
        void survives() {
            // WHEN the mutant that only changes a comment is checked
            // THEN the check fails with the survivor's name and change
            assertThatThrownBy(() -> checks.mutant(sound, mutant("cosmetic")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("mutant 'cosmetic' of 98-echo (replace `// say it back` with `// echo`) passed every test"
                            + " — the tests do not catch this wrong solution; add a test that fails for it (or, if it is"
                            + " not wrong after all, remove it from solutions/98-echo/mutants.txt line 5)");
        }

        @Test
        @DisplayName("fails for a mutant whose text is no longer in the reference, or is there twice")
        void noLongerApplies() {
            // WHEN mutants whose text is gone, or ambiguous, are checked
            // THEN each check says it no longer applies, and why
            assertThatThrownBy(() -> checks.mutant(sound, mutant("gone")))
                    .hasMessage("mutant gone no longer applies: the text `System.exit(3);` is not in"
                            + " procbook/lesson98/Echo.java any more; update the mutant in solutions/98-echo/mutants.txt"
                            + " line 7 to the reference as it is now");
            assertThatThrownBy(() -> checks.mutant(sound, mutant("ambiguous")))
                    .hasMessage("mutant ambiguous no longer applies: the text `System.out.println(` occurs more than once in"
                            + " procbook/lesson98/Echo.java; make it longer, so that it names one place, in"
                            + " solutions/98-echo/mutants.txt line 9");
        }

        @Test
        @DisplayName("fails for a mutant that is unfinished rather than wrong: caught only as 'Not done yet'")
        void unfinished() {
            // WHEN the mutant that throws "not done yet" is checked
            // THEN the check fails, saying a mutant must be a wrong solution
            assertThatThrownBy(() -> checks.mutant(sound, mutant("unfinished")))
                    .hasMessageStartingWith("mutant 'unfinished' of 98-echo (replace `System.out.println(\"count=\" +"
                            + " args.length);` with `throw new UnsupportedOperationException(\"not done yet: count\");`)"
                            + " failed 3 tests with 'Not done yet:': a mutant must be a wrong solution, not an unfinished one");
        }

        @Test
        @DisplayName("fails for a mutant that does not compile, with javac's error")
        void doesNotCompile() {
            // WHEN the mutant with a syntax error is checked
            // THEN the check fails with the compiler's complaint
            assertThatThrownBy(() -> checks.mutant(sound, mutant("broken")))
                    .hasMessageStartingWith("mutant 'broken' of 98-echo (replace `args.length);` with `args.length)`) does"
                            + " not compile, so it proves nothing about the tests; make it a wrong solution that compiles:")
                    .hasMessageContaining("procbook/lesson98/Echo.java:8: ");
        }
    }
}
