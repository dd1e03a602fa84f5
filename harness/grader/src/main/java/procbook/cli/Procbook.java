package procbook.cli;

import java.nio.file.Path;

/**
 * The student's commands of {@code ./procbook} that need no build: {@code list} and {@code hint NN}.
 * ({@code grade} and {@code student-edition} are the grader's.)
 */
public final class Procbook {
    private Procbook() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("procbook.root", ".")).toAbsolutePath().normalize();
        try {
            System.out.print(run(root, args));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.out.println("procbook: " + e.getMessage());
            System.exit(2);
        }
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
