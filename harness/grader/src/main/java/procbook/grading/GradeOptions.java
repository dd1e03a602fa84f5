package procbook.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The grader's command line.
 *
 * @param course     the pristine course (the instructor's edition, or a pinned release)
 * @param submission the student's checkout
 * @param out        where the report, logs and the graded tree go
 * @param failUnder  a gate: fail (exit 1) under this percentage
 * @param lessons    only these lessons (all when empty)
 * @param timeLimit  the most one lesson's tests may take
 * @param sandbox    whether to try OS isolation
 * @param scratch    where each lesson's run gets a temporary folder of its own, removed after it
 */
record GradeOptions(Path course, Path submission, Path out, OptionalInt failUnder, List<String> lessons, Duration timeLimit, boolean sandbox,
        Path scratch) {
    static final String USAGE = "usage: grade [--course DIR] [--submission DIR] [--out DIR] [--fail-under PERCENT]"
            + " [--lessons 01-process,07-ticket-lock] [--time-limit SECONDS] [--no-sandbox] [--scratch DIR]\n"
            + "  --course      the pristine course to grade against (default: this project)\n"
            + "  --submission  the student's checkout (default: the course itself)\n"
            + "  --out         where the report goes (default: target/grading under the current folder)";

    static GradeOptions parse(String... args) {
        Path course = Path.of("").toAbsolutePath();
        Path submission = null;
        Path out = null;
        OptionalInt failUnder = OptionalInt.empty();
        List<String> lessons = List.of();
        Duration limit = Duration.ofMinutes(5);
        boolean sandbox = true;
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--course" -> course = dir(value(args, ++i, a), a);
                case "--submission" -> submission = dir(value(args, ++i, a), a);
                case "--out" -> out = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "--fail-under" -> failUnder = OptionalInt.of(percent(value(args, ++i, a)));
                case "--lessons" -> lessons = List.of(value(args, ++i, a).split(","));
                case "--time-limit" -> limit = Duration.ofSeconds(seconds(value(args, ++i, a)));
                case "--no-sandbox" -> sandbox = false;
                case "--scratch" -> scratch = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (submission == null) {
            submission = course;
        }
        if (out == null) {
            out = Path.of("target", "grading").toAbsolutePath();
        }
        return new GradeOptions(course, submission, out, failUnder, lessons, limit, sandbox, scratch);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Path dir(String text, String option) {
        Path p = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(option + " " + text + ": no such folder");
        }
        if (option.equals("--course") && !Files.isDirectory(p.resolve("lessons"))) {
            throw new IllegalArgumentException("--course " + text + " has no lessons/ folder: is it a Procbook course?");
        }
        return p;
    }

    private static int percent(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--fail-under takes a whole number from 0 to 100, got '" + text + "'");
    }

    private static long seconds(String text) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--time-limit takes a positive number of seconds, got '" + text + "'");
    }
}
