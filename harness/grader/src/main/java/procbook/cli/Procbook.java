package procbook.cli;

import java.nio.file.Path;

/**
 * The student's commands of {@code ./procbook}: {@code list}, {@code hint NN}, {@code run NN} and
 * {@code watch [NN]}, and {@code bench}, which times them. ({@code grade} and {@code student-edition} are the grader's.)
 */
public final class Procbook {
    private Procbook() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("procbook.root", ".")).toAbsolutePath().normalize();
        try {
            if (args.length >= 1 && args[0].equals("bench")) {
                System.exit(Bench.main(root, System.out, java.util.List.of(args).subList(1, args.length)));
            }
            if (args.length >= 1 && (args[0].equals("run") || args[0].equals("watch"))) {
                System.exit(loop(root, System.out, args));
            }
            System.out.print(run(root, args));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.out.println("procbook: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.out.println("procbook: " + e);
            System.exit(2);
        }
    }

    /** run NN: 0 when every test passes, 1 otherwise; watch: until stopped. */
    static int loop(Path root, java.io.PrintStream out, String... args) {
        if (args[0].equals("run") && args.length == 2) {
            procbook.grading.LessonGrade grade = LessonRun.run(Lessons.named(root, args[1]), out);
            return grade != null && grade.fullMarks() ? 0 : 1;
        }
        if (args[0].equals("watch") && args.length <= 2) {
            Lessons.Lesson lesson = args.length == 2 ? Lessons.named(root, args[1]) : Watch.nextUnfinished(root);
            try {
                Watch.loop(lesson, out, java.time.Duration.ofMillis(250), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        throw new IllegalArgumentException("usage: ./procbook run NN | ./procbook watch [NN]");
    }

    static String run(Path root, String... args) {
        if (args.length == 1 && args[0].equals("list")) {
            return Progress.render(root);
        }
        if (args.length == 2 && args[0].equals("hint")) {
            return Hints.next(root, Lessons.named(root, args[1])) + "\n";
        }
        throw new IllegalArgumentException("usage: ./procbook list | ./procbook hint NN");
    }
}
