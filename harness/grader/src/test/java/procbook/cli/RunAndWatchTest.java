package procbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./procbook run and watch on a small lesson of their own, with the real kit: real scenarios, real JVMs. */
@DisplayName("./procbook run and watch")
class RunAndWatchTest {
    private static final Path FIXTURE = Path.of("src/test/resources/lessons/96-hello").toAbsolutePath();
    private static final String STUB = "src/main/java/procbook/lesson96/Hello.java";

    @TempDir
    Path root;
    Path lessonDir;

    @BeforeEach
    void copyTheLesson() throws IOException {
        lessonDir = root.resolve("lessons/96-hello");
        try (Stream<Path> all = Files.walk(FIXTURE)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path to = lessonDir.resolve(FIXTURE.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
    }

    private void solve() throws IOException {
        Path stub = lessonDir.resolve(STUB);
        Files.writeString(stub, Files.readString(stub).replace(
                "throw new UnsupportedOperationException(\"not done yet: main() must say hello (TODO)\");", "Trace.event(\"hello\");"));
        // a save a second later than the last, whatever the file system's clock resolution
        Files.setLastModifiedTime(stub, FileTime.from(Instant.now().plusSeconds(2)));
    }

    @Test
    @DisplayName("run compiles the lesson, runs its tests and says 'not done yet', then 'DONE' once it is solved")
    void runGivesTheVerdict() throws IOException {
        // GIVEN the untouched stub, WHEN it is run
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Procbook.loop(root, new PrintStream(out, true, StandardCharsets.UTF_8), "run", "96");

        // THEN the verdict says not done yet, with the stub's own words
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(said).contains("  FAIL says hello  (0/3)").contains("Not done yet: main() must say hello (TODO)")
                .contains("96-hello: 0 of 3 points, not done yet");

        // WHEN it is solved and run again, THEN every test passes
        solve();
        out.reset();
        assertThat(Procbook.loop(root, new PrintStream(out, true, StandardCharsets.UTF_8), "run", "96-hello")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  ok   says hello  (3/3)").contains("96-hello: 3 of 3 points, DONE");
    }

    @Test
    @DisplayName("watch runs the first unfinished lesson, and runs it again when a file is saved")
    void watchRunsAgainOnSave() throws Exception {
        // GIVEN watch started without a lesson
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Lessons.Lesson lesson = Watch.nextUnfinished(root);
        assertThat(lesson.id()).isEqualTo("96-hello");
        Thread watcher = new Thread(() -> {
            try {
                Watch.loop(lesson, out, Duration.ofMillis(100), 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.start();
        Awaitility.await("the first verdict").atMost(Duration.ofSeconds(120)).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("not done yet ("));

        // WHEN the stub is solved and saved
        solve();

        // THEN watch says so and prints the new verdict
        watcher.join(Duration.ofSeconds(120).toMillis());
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertThat(watcher.isAlive()).as("watch, after its second run\n" + said).isFalse();
        assertThat(said).contains("── a file changed: running 96-hello again ──").contains("96-hello: 3 of 3 points, DONE");
    }
}
