package procbook.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link GradeReport} was asked to do: {@code <project root> [--build-started=INSTANT]
 * [--fail-under=PERCENT]}. An option with an empty value counts as absent, because the pom passes
 * each option with a property that is empty unless the command line sets it.
 */
record ReportOptions(Path root, Optional<Instant> buildStarted, OptionalInt failUnder) {
    static final String USAGE =
            "usage: GradeReport <project root> [--build-started=2025-01-31T12:00:00Z] [--fail-under=PERCENT]";

    ReportOptions {
        if (failUnder.isPresent() && (failUnder.getAsInt() < 0 || failUnder.getAsInt() > 100)) {
            throw new IllegalArgumentException(
                    "--fail-under must be a percentage from 0 to 100, got " + failUnder.getAsInt());
        }
    }

    static ReportOptions parse(String... args) {
        Path root = null;
        Optional<Instant> started = Optional.empty();
        OptionalInt failUnder = OptionalInt.empty();
        for (String arg : args) {
            if (arg.startsWith("--build-started=")) {
                started = value(arg).map(ReportOptions::instant);
            } else if (arg.startsWith("--fail-under=")) {
                Optional<String> v = value(arg);
                failUnder = v.isPresent() ? OptionalInt.of(percent(v.get())) : OptionalInt.empty();
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            } else if (root == null) {
                root = Path.of(arg);
            } else {
                throw new IllegalArgumentException("one project root only, got " + root + " and " + arg + "\n" + USAGE);
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("no project root given\n" + USAGE);
        }
        if (!Files.isDirectory(root.resolve("lessons"))) {
            throw new IllegalArgumentException(
                    "the project root " + root.toAbsolutePath() + " has no lessons/ folder\n" + USAGE);
        }
        return new ReportOptions(root.toAbsolutePath().normalize(), started, failUnder);
    }

    private static Optional<String> value(String arg) {
        return Optional.of(arg.substring(arg.indexOf('=') + 1).strip()).filter(v -> !v.isEmpty());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--build-started must be an instant like 2025-01-31T12:00:00Z, got " + text);
        }
    }

    private static int percent(String text) {
        try {
            return Integer.parseInt(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fail-under must be a percentage from 0 to 100, got " + text);
        }
    }
}
