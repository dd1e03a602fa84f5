package procbook.grading;

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
 * exactly once. A mistake that takes more than one change in the same file goes on with more pairs,
 * {@code | text | replacement}, applied in order, each to a text that occurs once.
 *
 * @param lesson      the lesson's id
 * @param name        what the mistake is, e.g. {@code no-join}
 * @param path        the source file, relative to {@code src/main/java}
 * @param find        the text to replace
 * @param replacement what to put instead; empty to delete
 * @param line        where in mutants.txt it is, for error messages
 * @param further     more changes to the same file, made after the first, in order; usually none
 */
public record Mutant(String lesson, String name, String path, String find, String replacement, int line, List<Edit> further) {
    public static final String FILE_NAME = "mutants.txt";
    static final String FORMAT = "name | path under src/main/java | exact text to find | replacement";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** One more change of a mutant: {@code find} replaced with {@code replacement}. */
    public record Edit(String find, String replacement) {
        public Edit {
            Objects.requireNonNull(find, "find");
            Objects.requireNonNull(replacement, "replacement");
        }

        public String change() {
            return replacement.isEmpty() ? "delete `" + find + "`" : "replace `" + find + "` with `" + replacement + "`";
        }
    }

    /** A mutant of one change. */
    public Mutant(String lesson, String name, String path, String find, String replacement, int line) {
        this(lesson, name, path, find, replacement, line, List.of());
    }

    public Mutant {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(replacement, "replacement");
        further = List.copyOf(Objects.requireNonNull(further, "further"));
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
        for (Edit edit : further) {
            if (edit.find().isEmpty()) {
                throw new IllegalArgumentException(where + "the text to find must not be empty");
            }
            if (edit.find().equals(edit.replacement())) {
                throw new IllegalArgumentException(where + "the replacement `" + edit.replacement() + "` is the text itself:"
                        + " that change of mutant '" + name + "' would change nothing");
            }
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
            if (parts.length < 4 || parts.length % 2 != 0) {
                throw new IllegalArgumentException(lesson + "/" + FILE_NAME + " line " + (i + 1) + ": expected '"
                        + FORMAT + "' (separated by ' | '), got: " + text);
            }
            List<Edit> further = new ArrayList<>();
            for (int p = 4; p < parts.length; p += 2) {
                further.add(new Edit(parts[p].strip(), parts[p + 1].strip()));
            }
            Mutant mutant = new Mutant(lesson, parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip(), i + 1,
                    further);
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
        StringBuilder change = new StringBuilder(new Edit(find, replacement).change());
        further.forEach(edit -> change.append(", then ").append(edit.change()));
        return change.toString();
    }

    /** The source file with the mutant applied: each of its changes, in order. */
    public String applyTo(String source) {
        String changed = applyOne(source, find, replacement);
        for (Edit edit : further) {
            changed = applyOne(changed, edit.find(), edit.replacement());
        }
        return changed;
    }

    private String applyOne(String source, String find, String replacement) {
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
