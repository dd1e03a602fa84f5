package procbook.selfcheck;

import procbook.grading.Mutant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Proves every lesson of this project: its untouched stub fails every test with "Not done yet", its
 * reference scores full marks, a program that does nothing earns no point, and its tests catch each
 * wrong solution in its mutants.txt.
 */
@DisplayName("Self-check of every lesson")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LessonSelfCheckTest {
    private static final Path ROOT = root();
    private static final SelfChecks CHECKS = new SelfChecks(work());
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>", Pattern.DOTALL);

    private static Path root() {
        String root = System.getProperty("procbook.root", "").strip();
        // Surefire runs in the module's folder, solutions/selfcheck, when the pom does not say
        return (root.isEmpty() ? Path.of("").toAbsolutePath().getParent().getParent() : Path.of(root)).normalize();
    }

    private static Path work() {
        String work = System.getProperty("procbook.selfcheck.work", "").strip();
        return work.isEmpty() ? Path.of("target").toAbsolutePath() : Path.of(work);
    }

    private static List<LessonPair> lessons() {
        return LessonPair.discover(ROOT);
    }

    private static void log(String found) {
        System.out.println("[selfcheck] " + found.replace("\n", "\n[selfcheck] "));
    }

    @Test
    @Order(1)
    @DisplayName("every lesson has a solution and every solution a lesson, and both are built before the self-check")
    void everyLessonIsPaired() throws IOException {
        // GIVEN the lesson and solution folders of the project
        List<LessonPair> lessons = lessons();
        String selfcheckPom = Files.readString(ROOT.resolve("solutions/selfcheck/pom.xml"), StandardCharsets.UTF_8);
        String gradeReportPom = Files.readString(ROOT.resolve("harness/grade-report/pom.xml"), StandardCharsets.UTF_8);

        // THEN there is something to check
        assertThat(lessons).as("the solutions in %s/solutions (folders NN-name with a pom.xml)", ROOT).isNotEmpty();

        // AND each solution has its lesson, each lesson its solution, and the build orders them
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("lessons"))) {
            dirs.filter(d -> d.getFileName().toString().matches("\\d\\d-.*") && Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> lessons.stream().noneMatch(l -> l.lessonDir().equals(d)))
                    .forEach(d -> problems.add("lessons/" + d.getFileName() + " has no reference: add solutions/"
                            + d.getFileName() + " (and its module in solutions/pom.xml)"));
        }
        for (LessonPair lesson : lessons) {
            if (!Files.isRegularFile(lesson.lessonDir().resolve("pom.xml"))) {
                problems.add("solutions/" + lesson.id() + " has no lesson: there is no lessons/" + lesson.id() + "/pom.xml");
                continue;
            }
            String lessonArtifact = artifactId(lesson.lessonDir());
            String solutionArtifact = artifactId(lesson.solutionDir());
            for (String artifact : List.of(lessonArtifact, solutionArtifact)) {
                if (!selfcheckPom.contains("<artifactId>" + artifact + "</artifactId>")) {
                    problems.add("solutions/selfcheck/pom.xml does not depend on " + artifact + ", so Maven may build the"
                            + " self-check before it: add it as a <type>pom</type> dependency, like the others there");
                }
            }
            if (!gradeReportPom.contains("<artifactId>" + lessonArtifact + "</artifactId>")) {
                problems.add("harness/grade-report/pom.xml does not depend on " + lessonArtifact + ", so Maven may make the"
                        + " grade report before that lesson's tests ran: add it as a <type>pom</type> dependency there");
            }
        }
        assertThat(problems).as("what is missing for the self-check and the grade report").isEmpty();
    }

    private static String artifactId(Path moduleDir) throws IOException {
        Matcher m = ARTIFACT.matcher(Files.readString(moduleDir.resolve("pom.xml"), StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "(no artifactId in " + moduleDir.resolve("pom.xml") + ")";
    }

    @TestFactory
    @Order(2)
    @DisplayName("references")
    Stream<DynamicTest> references() {
        return lessons().stream().filter(LessonSelfCheckTest::chosen).map(lesson -> dynamicTest(
                lesson.id() + ": the reference scores full marks in its own build",
                () -> log(CHECKS.reference(lesson))));
    }

    @TestFactory
    @Order(3)
    @DisplayName("stubs")
    Stream<DynamicTest> stubs() {
        return lessons().stream().filter(LessonSelfCheckTest::chosen).map(lesson -> dynamicTest(
                lesson.id() + ": the untouched stub fails every test with 'Not done yet' within "
                        + SelfChecks.STUB_TEST_LIMIT.toSeconds() + " s",
                () -> log(CHECKS.stub(lesson))));
    }

    /**
     * How many times each mutant runs: 1 in the build. A wrong solution must fail on every run, not
     * by luck, so {@code -Dprocbook.selfcheck.mutantRuns=20} proves it, and
     * {@code -Dprocbook.selfcheck.lessons=05-ctrl-c,07-ticket-lock} (which narrows every check of a
     * lesson) and {@code -Dprocbook.selfcheck.mutants=no-lock,...} keep such a long check to some
     * lessons and mutants.
     */
    private static int mutantRuns() {
        return Integer.getInteger("procbook.selfcheck.mutantRuns", 1);
    }

    private static boolean chosenMutant(Mutant mutant) {
        String only = System.getProperty("procbook.selfcheck.mutants", "").strip();
        return only.isEmpty() || List.of(only.split(",")).contains(mutant.name());
    }

    private static boolean chosen(LessonPair lesson) {
        String only = System.getProperty("procbook.selfcheck.lessons", "").strip();
        return only.isEmpty() || List.of(only.split(",")).contains(lesson.id());
    }

    @TestFactory
    @Order(4)
    @DisplayName("programs that do nothing")
    Stream<DynamicTest> vacuousPrograms() {
        return lessons().stream().filter(LessonSelfCheckTest::chosen)
                .flatMap(lesson -> Stream.of(VacuousProgram.values()).map(program -> dynamicTest(
                        lesson.id() + ": " + program.description() + " earns 0 points",
                        () -> log(CHECKS.vacuous(lesson, program)))));
    }

    @TestFactory
    @Order(5)
    @DisplayName("mutants")
    Stream<DynamicTest> mutants() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LessonPair lesson : lessons().stream().filter(LessonSelfCheckTest::chosen).toList()) {
            List<Mutant> mutants;
            try {
                mutants = Mutant.parse(lesson.mutantsFile(), lesson.id());
            } catch (IllegalArgumentException e) {
                tests.add(dynamicTest(lesson.id() + ": mutants.txt can be read", () -> {
                    throw new AssertionError(e.getMessage(), e);
                }));
                continue;
            }
            for (Mutant mutant : mutants.stream().filter(LessonSelfCheckTest::chosenMutant).toList()) {
                for (int run = 1; run <= mutantRuns(); run++) {
                    String times = mutantRuns() == 1 ? "" : ", run " + run + " of " + mutantRuns();
                    tests.add(dynamicTest(lesson.id() + ": the tests catch mutant '" + mutant.name() + "' (" + mutant.change() + ")" + times,
                            () -> log(CHECKS.mutant(lesson, mutant))));
                }
            }
        }
        return tests.stream();
    }
}
