package procbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./procbook watch [NN]}: runs a lesson's tests, then again each time one of its files is saved.
 * Without a lesson, the first one whose stub still says "not done yet". The JVM stays warm between runs:
 * only the lesson is compiled again.
 */
final class Watch {

    private Watch() {
    }

    /** The first lesson whose code still throws "not done yet"; the last lesson when all are done. */
    static Lessons.Lesson nextUnfinished(Path root) {
        List<Lessons.Lesson> all = Lessons.under(root);
        for (Lessons.Lesson l : all) {
            if (stillSays(l.dir().resolve("src/main/java"))) {
                return l;
            }
        }
        return all.get(all.size() - 1);
    }

    /**
     * Runs, then waits for a change and runs again, {@code runs} times in all (0: until the process is
     * stopped with Ctrl-C). Looks for changes every {@code poll}.
     */
    static void loop(Lessons.Lesson lesson, PrintStream out, Duration poll, int runs) throws InterruptedException {
        out.println("Watching " + lesson.dir().resolve("src") + " — save a file to run " + lesson.id() + "'s tests again; Ctrl-C to stop.");
        String seen = fingerprint(lesson.dir());
        for (int done = 0; runs == 0 || done < runs; done++) {
            if (done > 0) {
                String now;
                while ((now = fingerprint(lesson.dir())).equals(seen)) {
                    Thread.sleep(poll.toMillis());
                }
                Thread.sleep(poll.toMillis()); // an editor may save in several steps: let it finish
                seen = fingerprint(lesson.dir());
                out.println();
                out.println("── a file changed: running " + lesson.id() + " again ──");
            }
            LessonRun.run(lesson, out);
            out.flush();
        }
    }

    /** What changes when a source file is saved, added or removed: paths, sizes and modification times. */
    static String fingerprint(Path lessonDir) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> all = Files.walk(lessonDir.resolve("src"))) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                b.append(p).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException e) {
            b.append("unreadable: ").append(e.getMessage()); // a file vanishing mid-save: look again next time
        }
        return b.toString();
    }

    private static boolean stillSays(Path sources) {
        try (Stream<Path> all = Files.walk(sources)) {
            return all.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains(procbook.testkit.NotDoneYet.IN_SOURCE);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
