package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader against a submission that tries every way we know to earn points without solving:
 * edited and added tests, raised points, a listener shipped as a resource, a class shadowing the
 * grading code, an edited pom, and a stub whose program forges its trace, writes into the course,
 * leaves its process group and kills the test JVM. One grading of two lessons, on the real course.
 */
@DisplayName("Grading a submission that attacks the grader")
class GradeAttacksTest {
    private static final Path COURSE = Path.of("../..").toAbsolutePath().normalize();
    private static final String LESSON01 = "lessons/01-process/";
    private static final String STUB = LESSON01 + "src/main/java/procbook/lesson01/Lifecycle.java";
    private static final String TEST = LESSON01 + "src/test/java/procbook/lesson01/LifecycleTest.java";
    /** A sleep of this many seconds is the attack's detached process: none may be left. */
    private static final String ESCAPEE = "3141";

    @TempDir
    static Path tmp;
    static Path report;
    static String console;
    static int exitCode;
    /** What the attack's program could take from the test JVM, one line per try: "mem: taken" or "mem: refused (…)". */
    static String loot;

    @BeforeAll
    static void gradeTheAttack() throws IOException {
        // GIVEN a submission with an attack of every kind
        Path submission = tmp.resolve("submission");
        copy(STUB, submission, s -> s.replaceFirst("throw new UnsupportedOperationException\\(\"not done yet: main\\(\\)[^;]*;",
                java.util.regex.Matcher.quoteReplacement(resource("attack-main.txt"))));
        copy(TEST, submission, s -> s.replaceAll("@Points\\(\\d+\\)", "@Points(50)"));
        write(submission, LESSON01 + "src/test/java/procbook/lesson01/FreePointsTest.java", resource("FreePointsTest.txt"));
        write(submission, LESSON01 + "src/main/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener",
                "procbook.lesson01.AllPass\n");
        write(submission, LESSON01 + "src/main/java/procbook/grading/Points.java", "package procbook.grading; public @interface Points { int value() default 100; }\n");
        copy("pom.xml", submission, s -> s.replace("<procbook.lessons.expectFailures>false", "<procbook.lessons.expectFailures>true"));

        // WHEN it is graded against the course, lessons 01 and 02
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = Grade.run(new String[] {"--course", COURSE.toString(), "--submission", submission.toString(),
                "--out", tmp.resolve("out").toString(), "--lessons", "01-process,02-exit-codes", "--time-limit", "120",
                "--scratch", tmp.resolve("scratch").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
        console = out.toString(StandardCharsets.UTF_8);
        report = tmp.resolve("out/report.json");
        Path lootFile = tmp.resolve("loot.txt");
        loot = Files.exists(lootFile) ? Files.readString(lootFile) : "";
    }

    @Test
    @DisplayName("the attacking lesson earns nothing, and the next lesson is still graded")
    void noPointsAndGradingGoesOn() throws IOException {
        Map<String, Object> json = json();
        assertThat(exitCode).as(console).isZero();
        assertThat(json.get("complete")).as("the report is complete").isEqualTo(true);
        List<Map<String, Object>> lessons = list(json.get("lessons"));
        assertThat(lessons).extracting(l -> l.get("lesson")).containsExactly("01-process", "02-exit-codes");
        assertThat(lessons.get(0).get("pointsEarned")).as("points of the attacking lesson 01\n" + console).isEqualTo(0L);
        assertThat(lessons.get(0).get("pointsPossible")).as("the course's points, not the submission's").isEqualTo(8L);
        assertThat(list(lessons.get(0).get("results"))).as("why each test of lesson 01 earned nothing").allSatisfy(r ->
                assertThat(r.get("message").toString()).containsAnyOf("The trace was tampered with", "crashed: the lesson's test JVM"));
        assertThat(lessons.get(1).get("verdict")).as("lesson 02, graded after the attack\n" + console).isEqualTo("not-done-yet");
        assertThat(lessons.get(1).get("pointsPossible")).isEqualTo(8L);
    }

    @Test
    @DisplayName("every change outside the lessons' own sources is listed as ignored, with why")
    void changesAreListed() throws IOException {
        Map<String, Object> grading = map(json().get("grading"));
        List<Map<String, Object>> ignored = list(grading.get("ignored"));
        assertThat(ignored).extracting(i -> i.get("path") + ": " + i.get("why")).containsExactlyInAnyOrder(
                TEST + ": points changed (2+2+1+1+2 → 50+50+50+50+50) — graded with the course's tests",
                LESSON01 + "src/test/java/procbook/lesson01/FreePointsTest.java: test file added — grading runs only the course's tests",
                LESSON01 + "src/main/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener:"
                        + " file added — grading uses only each lesson's own sources",
                LESSON01 + "src/main/java/procbook/grading/Points.java: source outside the lesson's own package"
                        + " — only procbook/lessonNN/ of each lesson is graded",
                "pom.xml: build file edited — graded with the course's");
        assertThat(grading.get("isolation").toString()).startsWith(Boolean.TRUE.equals(grading.get("isolated")) ? "isolated: " : "not isolated: ");
    }

    @Test
    @DisplayName("the process that left its group is gone, and so are the run's folders")
    void nothingLeftBehind() throws Exception {
        // the watchdog of a killed test JVM works on its own: give it its moment
        org.awaitility.Awaitility.await("no detached 'sleep " + ESCAPEE + "' of the attack left").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    Process ps = new ProcessBuilder("ps", "-eo", "args=").start();
                    String all = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    return all.lines().noneMatch(l -> l.equals("sleep " + ESCAPEE));
                });
        try (var left = Files.list(tmp.resolve("scratch"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the lessons' temporary folders, after grading").isEmpty();
        }
    }

    @Test
    @DisplayName("where the grader confines scenarios, the student's program cannot read the test JVM's environment or memory, nor write into its results pipe")
    void theKeyCannotBeStolen() throws IOException {
        String isolation = map(json().get("grading")).get("isolation").toString();
        org.junit.jupiter.api.Assumptions.assumeTrue(isolation.contains("scenarios without capabilities"),
                "scenarios are confined only when grading runs as root on Linux; here: " + isolation);
        assertThat(loot).as("what the attack tried (it runs before it kills the test JVM)").contains("environ:", "mem:", "fd/1:");
        assertThat(loot.lines()).as("the attack's tries on the test JVM's /proc files\n" + loot)
                .allSatisfy(line -> assertThat(line).contains(": refused (").contains("AccessDenied"));
    }

    /** Where the OS offers no isolation (macOS, Linux without user namespaces) the grader still catches the attack. */
    @org.junit.jupiter.api.Nested
    @DisplayName("without a sandbox")
    class Unconfined {
        @Test
        @DisplayName("the lesson whose run wrote into the course is void, the later ones are not graded, and the gate fails")
        void voidAndGateFails() throws IOException {
            // GIVEN the same attack, WHEN it is graded with --no-sandbox and a gate
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Path report = tmp.resolve("unconfined");
            int code = Grade.run(new String[] {"--course", COURSE.toString(), "--submission", tmp.resolve("submission").toString(),
                    "--out", report.toString(), "--lessons", "01-process,02-exit-codes", "--no-sandbox", "--fail-under", "0",
                    "--scratch", tmp.resolve("scratch").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
            String said = out.toString(StandardCharsets.UTF_8);

            // THEN no point is earned, and the report says why
            List<Map<String, Object>> lessons = list(map(Json.read(Files.readString(report.resolve("report.json")))).get("lessons"));
            assertThat(lessons).extracting(l -> l.get("verdict")).as(said).containsExactly("void", "void");
            assertThat(lessons.get(0).get("detail").toString()).startsWith("tampered: its run changed the course's files");
            assertThat(lessons).extracting(l -> l.get("pointsEarned")).containsOnly(0L);
            assertThat(code).as("the gate, even at 0%%, with lessons voided").isEqualTo(1);
            assertThat(said).contains("Scenarios: not isolated: turned off with --no-sandbox");
        }
    }

    private static Map<String, Object> json() throws IOException {
        return map(Json.read(Files.readString(report)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static String resource(String name) {
        try (var in = GradeAttacksTest.class.getResourceAsStream("/attacks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ESCAPEE", ESCAPEE)
                    .replace("LOOT_FILE", tmp.resolve("loot.txt").toString());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource attacks/" + name, e);
        }
    }

    private static void copy(String path, Path submission, java.util.function.UnaryOperator<String> change) throws IOException {
        String text = Files.readString(COURSE.resolve(path));
        String changed = change.apply(text);
        assertThat(changed).as("the attack changed " + path).isNotEqualTo(text);
        write(submission, path, changed);
    }

    private static void write(Path submission, String path, String text) throws IOException {
        Path file = submission.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
