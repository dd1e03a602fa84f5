package procbook.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The lessons of a project, as its folders show them, and how a student names one: {@code 07}, {@code 7} or {@code 07-ticket-lock}. */
final class Lessons {
    private static final Pattern ID = Pattern.compile("(\\d\\d)-[a-z0-9][a-z0-9-]*");
    private static final Pattern TITLE = Pattern.compile("^# (.*)$", Pattern.MULTILINE);

    /** A lesson: its folder name, its folder and its README's title. */
    record Lesson(String id, Path dir, String title) {
    }

    private Lessons() {
    }

    static List<Lesson> under(Path root) {
        Path lessons = root.resolve("lessons");
        try (Stream<Path> dirs = Files.list(lessons)) {
            return dirs.filter(d -> ID.matcher(d.getFileName().toString()).matches() && Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .map(d -> new Lesson(d.getFileName().toString(), d, title(d)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no lessons/ folder in " + root + ": run ./procbook from the project's top folder", e);
        }
    }

    /** The lesson a student named, or an error listing the names that would do. */
    static Lesson named(Path root, String name) {
        List<Lesson> all = under(root);
        String wanted = name.strip();
        Optional<Lesson> found = all.stream().filter(l -> l.id().equals(wanted)
                || wanted.matches("\\d{1,2}") && l.id().startsWith(String.format("%02d-", Integer.parseInt(wanted)))).findFirst();
        return found.orElseThrow(() -> new IllegalArgumentException("no lesson '" + name + "': name one of "
                + all.stream().map(l -> l.id().substring(0, 2)).toList() + " (or its folder name, e.g. " + all.get(0).id() + ")"));
    }

    private static String title(Path dir) {
        try {
            Matcher m = TITLE.matcher(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8));
            return m.find() ? m.group(1).strip() : dir.getFileName().toString();
        } catch (IOException e) {
            return dir.getFileName().toString();
        }
    }
}
