package procbook.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import procbook.grading.GradeFile;

/**
 * The fixture lessons (src/test/resources/fixture) as the reactor would leave them: copied to a
 * folder, stubs, references and tests compiled, and each reference's tests run as its module would.
 *
 * <p>98-echo is a sound lesson with mutants of every kind; 97-broken has a stub that already passes
 * a test and a reference that fails one.
 */
final class FixtureProject {
    static final String SOUND = "98-echo";
    static final String BROKEN = "97-broken";

    private FixtureProject() {
    }

    static Path build(Path root) {
        try {
            MutantBuilder.copyTree(Path.of(FixtureProject.class.getResource("/fixture").toURI()), root);
            for (LessonPair lesson : LessonPair.discover(root)) {
                compile(lesson.lessonDir(), lesson.stubClasses(), lesson.lessonTestClasses());
                compile(lesson.solutionDir(), lesson.solutionDir().resolve("target/classes"), lesson.referenceTestClasses());
                // what the solution module's Surefire run does: the lesson's tests against the reference
                LessonRun.run(lesson.id(), "reference", lesson.referenceTestClasses(),
                        lesson.solutionDir().resolve("target/classes"), lesson.referenceGradeFile(), Duration.ofMinutes(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return root;
    }

    static LessonPair lesson(Path root, String id) {
        return LessonPair.discover(root).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static void compile(Path moduleDir, Path classes, Path testClasses) throws IOException {
        MutantBuilder.compile(moduleDir.resolve("src/main/java"), classes, List.of(), "fixture " + moduleDir);
        Path lessonDir = moduleDir.getParent().getParent().resolve("lessons").resolve(moduleDir.getFileName());
        MutantBuilder.compile(lessonDir.resolve("src/test/java"), testClasses, List.of(classes), "fixture tests " + lessonDir);
    }

    static Path gradeFile(LessonPair lesson) {
        return lesson.solutionDir().resolve(GradeFile.IN_MODULE);
    }
}
