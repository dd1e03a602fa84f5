package procbook.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plausible wrong solution: the reference with one piece of text replaced (or deleted). A lesson's
 * tests must catch every one of its mutants, or they would pass a student's mistake.
 *
 * <p>In {@code solutions/NN-name/mutants.txt}, one a line:
 * {@code name | path under src/main/java | exact text to find | replacement}, the replacement empty
 * to delete the text. Lines starting with {@code #} are comments. The separator is {@code " | "}
 * (with its spaces), so the text may hold {@code ||}; the text is trimmed, and must occur in the file
 * exactly once.
 *
 * @param lesson      the lesson's id
 * @param name        what the mistake is, e.g. {@code no-join}
 * @param path        the source file, relative to {@code src/main/java}
 * @param find        the text to replace
 * @param replacement what to put instead; empty to delete
 * @param line        where in mutants.txt it is, for error messages
 */
public record Mutant(String lesson, String name, String path, String find, String replacement, int line) {
    static final String FILE_NAME = "mutants.txt";
    static final String FORMAT = "name | path under src/main/java | exact text to find | replacement";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Mutant {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(replacement, "replacement");
        String where = lesson + "/" + FILE_NAME + " line " + line + ": ";
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + "the mutant's name must be lowercase words joined by '-', like no-join, got '" + name + "'");
        }
        if (path == null || !path.endsWith(".java") || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException(where + "the path must be a .java file under src/main/java, like"
                    + " procbook/lesson01/Lifecycle.java, got '" + path + "'");
        }
        if (find == null || find.isEmpty()) {
            throw new IllegalArgumentException(where + "the text to find must not be empty");
        }
        if (find.equals(replacement)) {
            throw new IllegalArgumentException(where + "the replacement is the text itself: mutant '" + name + "' would change nothing");
        }
    }

    /** The mutants of {@code file}; none if it does not exist. */
    public static List<Mutant> parse(Path file, String lesson) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Mutant> mutants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            // an empty replacement leaves the line ending in " |" once an editor trims the space
            String[] parts = (text + " ").split(" \\| ", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException(lesson + "/" + FILE_NAME + " line " + (i + 1) + ": expected '"
                        + FORMAT + "' (separated by ' | '), got: " + text);
            }
            Mutant mutant = new Mutant(lesson, parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip(), i + 1);
            if (!names.add(mutant.name())) {
                throw new IllegalArgumentException(lesson + "/" + FILE_NAME + " line " + (i + 1)
                        + ": a second mutant named '" + mutant.name() + "': give each its own name");
            }
            mutants.add(mutant);
        }
        return mutants;
    }

    /** What the mutant does, as a failure message says it: "delete `child.join();`". */
    public String change() {
        return replacement.isEmpty()
                ? "delete `" + find + "`"
                : "replace `" + find + "` with `" + replacement + "`";
    }

    /** The source file with the mutant applied. */
    String applyTo(String source) {
        int first = source.indexOf(find);
        if (first < 0) {
            throw new AssertionError(noLongerApplies("the text `" + find + "` is not in " + path
                    + " any more; update the mutant in solutions/" + lesson + "/" + FILE_NAME + " line " + line
                    + " to the reference as it is now"));
        }
        if (source.indexOf(find, first + 1) >= 0) {
            throw new AssertionError(noLongerApplies("the text `" + find + "` occurs more than once in " + path
                    + "; make it longer, so that it names one place, in solutions/" + lesson + "/" + FILE_NAME + " line " + line));
        }
        return source.substring(0, first) + replacement + source.substring(first + find.length());
    }

    private String noLongerApplies(String why) {
        return "mutant " + name + " no longer applies: " + why;
    }
}
